/// A plain CSV of load steps with CloudWatch figures (Docs/Benchmarks.md §5): `rps` required; utilizations in
/// percent. Unknown columns are reported by name, never silently dropped.
public struct StepCSV: Hashable, Sendable {
    public var steps: [BenchmarkStep]
    public var warnings: [String]

    public static let known: [String] =
        ["name", "rps", "status_implementation", "pods", "vus"] + BenchmarkResource.allCases.map(\.rawValue)

    public static func parse(text: String, file: String) throws(IngestError) -> StepCSV {
        let table = try LoadTestCSV.table(text, file: file)
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let rpsColumn = header.firstIndex(of: "rps") else {
            throw IngestError(
                file: file, line: 1, field: "rps",
                message:
                    "missing required column 'rps' (header: \(Excerpt.quoted(header.joined(separator: ","))))"
            )
        }
        var warnings: [String] = []
        for name in header where !known.contains(name) {
            let hint = Suggestion.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            warnings.append(
                "\(file):1: unknown column '\(Excerpt.quoted(name))' is not used\(hint); known: \(known.joined(separator: ", "))"
            )
        }
        guard !table.rows.isEmpty else {
            throw IngestError(file: file, message: "no steps: the file has only a header")
        }
        var steps: [BenchmarkStep] = []
        for (line, f) in table.rows {
            func number(_ column: String, range: ClosedRange<Double>) throws(IngestError) -> Double? {
                guard let i = header.firstIndex(of: column), !f[i].isEmpty else { return nil }
                guard let v = Double(f[i]), range.contains(v) else {
                    throw IngestError(
                        file: file, line: line, field: column,
                        message:
                            "expected a number in \(Format.plain(range.lowerBound))…\(Format.plain(range.upperBound)), found '\(Excerpt.quoted(f[i]))'"
                    )
                }
                return v
            }
            guard let rps = try number("rps", range: 0...1e9), rps > 0 else {
                throw IngestError(
                    file: file, line: line, field: "rps",
                    message: "expected requests/s above 0, found '\(Excerpt.quoted(f[rpsColumn]))'")
            }
            var measured: [BenchmarkResource: MeasuredFigure] = [:]
            for r in BenchmarkResource.allCases {
                if let v = try number(r.rawValue, range: 0...100) { measured[r] = .point(v) }
            }
            var status: StatusImplementation?
            if let i = header.firstIndex(of: "status_implementation"), !f[i].isEmpty {
                guard let s = StatusImplementation(rawValue: f[i]) else {
                    throw IngestError(
                        file: file, line: line, field: "status_implementation",
                        message: "expected keys or position_index, found '\(Excerpt.quoted(f[i]))'")
                }
                status = s
            }
            // VUs are stored by the ingest (IngestedRun): checked here like every other figure.
            _ = try number("vus", range: 0...10_000_000)
            let name = header.firstIndex(of: "name").map { f[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "line-\(line)"
            steps.append(
                BenchmarkStep(
                    name: name, rps: rps, status: status, measured: measured,
                    pods: try number("pods", range: 0...100_000),
                    source: "\(file):\(line)", location: SourceLocation(file: file, line: line, column: 1)))
        }
        return StepCSV(steps: steps, warnings: warnings)
    }
}
