/// A plan that could not be read, with every problem found.
public struct PlanErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanProblem]
    public init(_ problems: [PlanProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
