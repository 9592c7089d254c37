import Foundation
import TacoCore

/// The JSON form of an estimate (`--format json`): versioned, money as decimal strings, keys sorted.
public struct EstimateDocument: Codable, Sendable {
    public static let currentSchema = "tacoplan.estimate/1"
    public var schema: String
    /// The plan's verdict, repeated at the top level so a script reads one key (Docs/JSON.md).
    public var verdict: PlanVerdict
    public var estimate: Estimate

    public init(_ estimate: Estimate) {
        schema = EstimateDocument.currentSchema
        verdict = estimate.verdict
        self.estimate = estimate
    }

    public func json() throws -> String {
        try StableJSON.encode(self)
    }
}
