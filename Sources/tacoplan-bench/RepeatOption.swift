/// `--repeat N` of the benchmarks that time a computation several times and keep the best run.
enum RepeatOption {
    /// Runs when `--repeat` is not given: the best of 3 rides out one run slowed by another process.
    static let defaultRepeats = 3

    /// `arguments` without `--repeat N` (N a positive whole number), in order, and N (the last one given).
    static func split(_ arguments: [String]) -> (rest: [String], repeats: Int) {
        var rest: [String] = []
        var repeats = defaultRepeats
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--repeat", i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 {
                repeats = n
                i += 2
                continue
            }
            rest.append(arguments[i])
            i += 1
        }
        return (rest, repeats)
    }
}
