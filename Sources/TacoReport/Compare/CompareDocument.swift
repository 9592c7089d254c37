import TacoCore

/// The JSON form of a comparison: versioned, money as decimal strings, keys sorted.
public struct CompareDocument: Codable, Sendable {
    public static let currentSchema = "tacoplan.compare/1"
    public var schema = CompareDocument.currentSchema
    public var comparison: Comparison
    /// The baseline's automatic levers, ranked (Docs/Model.md §8 "Automatic levers").
    public var automaticLevers: [AutomaticLever]?
    /// The baseline's one assessment: the run's verdict and exit, as-planned and fix totals.
    public var assessment: AssessmentDigest?
    /// A multi-region baseline's whole deployment and its one fix, as the answer states them.
    public var deployment: DeploymentAnswer?

    public init(_ comparison: Comparison, levers: [AutomaticLever]? = nil) {
        self.comparison = comparison
        self.automaticLevers = levers
    }

    public func json() throws -> String {
        try StableJSON.encode(self)
    }
}
