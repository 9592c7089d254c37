/// Where a value sits in a file: 1-based line and column.
public struct SourceLocation: Codable, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}

/// One thing wrong with a plan: where, what was expected, and how to fix it. Validation collects all of them.
public struct PlanProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation?
    /// The field path, e.g. `event.users`.
    public var path: String
    public var message: String
    public var fix: String?
    /// The problem is missing pricing data (region, date), not a mistake in the plan: the CLI exits 3 for it.
    public var isPricing = false

    public init(file: String, location: SourceLocation?, path: String, message: String, fix: String? = nil) {
        self.file = file
        self.location = location
        self.path = path
        self.message = message
        self.fix = fix
    }

    public var description: String {
        let place = location?.description ?? file
        let field = path.isEmpty ? "" : "\(path): "
        return "\(place): error: \(field)\(message)" + (fix.map { "\n    fix: \($0)" } ?? "")
    }
}

/// A plan that could not be read, with every problem found.
public struct PlanErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanProblem]
    public init(_ problems: [PlanProblem]) { self.problems = problems }

    /// The problems in file order: located ones by line, column and field path, then those with no location (a
    /// required field that is absent has no line) in the order they were found. The first line printed is the
    /// first thing wrong in the file, not a consequence of it.
    public init(inFileOrder problems: [PlanProblem]) {
        let located = problems.enumerated().compactMap { i, p in p.location.map { (i, $0, p) } }
            .sorted { a, b in
                (a.1.line, a.1.column, a.2.path, a.0) < (b.1.line, b.1.column, b.2.path, b.0)
            }
            .map(\.2)
        self.problems = located + problems.filter { $0.location == nil }
    }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// "did you mean": the closest known name within a small edit distance.
public enum Suggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
