import Foundation
import TacoCore

/// The facts every command's JSON repeats from the one assessment, under the key `assessment`, so a
/// script — and the consistency test — reads the same verdict, exit, as-planned and fix totals, hot-key and
/// busiest-node figures, pre-warm and per-user cost from any command.
public struct AssessmentDigest: Codable, Hashable, Sendable {
    public var verdict: VerdictStatus
    /// The code the run exits with.
    public var exit: Int32
    /// As-planned totals: every resource the plan runs, failing ones at their as-planned cost.
    public var asPlannedPerMonth: Money
    public var asPlannedPerEvent: Money
    /// Lines the totals leave out (UNPRICED), by name.
    public var unpriced: [String]
    /// Resources included at their as-planned cost although they fail.
    public var failing: [String]
    public var fix: String?
    public var fixStatus: VerdictStatus?
    public var fixPerMonth: Money?
    public var fixDeltaPerMonth: Money?
    public var unreachable: String?
    /// The hot queue key's engine CPU, fraction of one core.
    public var hotKeyCPU: Double
    /// The busiest Redis node's engine CPU (nil when no cluster fits).
    public var busiestNodeCPU: Double?
    /// Gateway nodes pre-warmed before the sale and their lead time, s.
    public var preWarmNodes: Int
    public var preWarmSeconds: Double
    /// The pre-warm's cost per event by the one model (`GatewaySizing.PreWarm.costPerEvent`); nil = UNPRICED.
    public var preWarmCostPerEvent: Money?
    public var perAdmittedUser: Money?

    public init(_ a: PlanAssessment, estimate e: Estimate, exit: Int32) {
        verdict = a.verdict.status
        self.exit = exit
        asPlannedPerMonth = a.asPlannedTotals.perMonth
        asPlannedPerEvent = a.asPlannedTotals.perEvent
        unpriced = a.asPlannedTotals.missing.map { "\($0.resource) (\($0.component))" }
        failing = a.asPlannedTotals.failing.map { "\($0.resource) (\($0.component))" }
        fix = a.fix?.summary
        fixStatus = a.fix?.status
        fixPerMonth = a.fix?.totals.perMonth
        fixDeltaPerMonth = a.fix?.deltaPerMonth
        unreachable = a.unreachable
        hotKeyCPU = e.redis.hotKeyLoad
        busiestNodeCPU = e.redis.busiestEngineCPU
        preWarmNodes = e.gateway.preWarm.needed ? e.gateway.preWarm.nodes : 0
        preWarmSeconds = e.gateway.preWarm.leadSeconds
        preWarmCostPerEvent = e.gateway.preWarmPerEvent
        perAdmittedUser = e.unitEconomics.perAdmittedUser
    }
}

/// `simulate --format json`: the simulation's keys as before, plus `assessment`, the plan's one assessment (its
/// verdict and exit).
public struct SimulationDocument: Encodable, Sendable {
    public var simulation: SimulationResult
    public var assessment: AssessmentDigest

    public init(simulation: SimulationResult, assessment: AssessmentDigest) {
        self.simulation = simulation
        self.assessment = assessment
    }

    enum Keys: String, CodingKey { case assessment }

    public func encode(to encoder: any Encoder) throws {
        try simulation.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(assessment, forKey: .assessment)
    }
}
