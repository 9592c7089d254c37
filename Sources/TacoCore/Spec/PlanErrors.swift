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
