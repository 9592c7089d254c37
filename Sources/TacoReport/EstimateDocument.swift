import Foundation
import TacoCore

/// The JSON form of an estimate (`--format json`): versioned, money as decimal strings, keys sorted.
public struct EstimateDocument: Codable, Sendable {
    public static let currentSchema = "tacoplan.estimate/1"
    public var schema: String
    /// The plan's verdict, repeated at the top level so a script reads one key (Docs/JSON.md).
    public var verdict: PlanVerdict
    public var estimate: Estimate
    /// The one assessment's facts: exit, as-planned and fix totals, the figures every command repeats.
    public var assessment: AssessmentDigest?
    /// The cheapest fix with its cost lines, or the constraint no configuration meets.
    public var fix: PlanAssessment.Fix?
    public var resources: [PlanAssessment.Resource]?
    public var feasibleUnpriced: [PlanAssessment.UnpricedOption]?
    /// A multi-region plan's deployment and its topologies side by side; absent for one region.
    public var regions: RegionsSection?

    public init(_ estimate: Estimate, assessment: PlanAssessment? = nil, exit: Int32? = nil) {
        schema = EstimateDocument.currentSchema
        verdict = assessment?.verdict ?? estimate.verdict
        self.estimate = estimate
        if let assessment {
            self.assessment = AssessmentDigest(assessment, estimate: estimate, exit: exit ?? 0)
            fix = assessment.fix
            resources = assessment.resources
            feasibleUnpriced = assessment.feasibleUnpriced
        }
    }

    public func json() throws -> String {
        try StableJSON.encode(self)
    }
}
