import Foundation
import TacoApp
import TacoCore
import Testing

/// Issue 22, "the walk": `compare` and `report` compute the baseline plan's estimate once (the one assessment's).
/// Counted with the task-local `Estimate.$computeObserver`, grouped by the plan and costs each call estimates.
@Suite struct CompareReportWalkTests {
    /// The plan and per-command costs of every `Estimate.compute` call, in order; safe to append to from any
    /// thread.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [(plan: Plan, costs: CommandCostTable)] = []
        func add(_ input: EstimateInput) { lock.withLock { calls.append((input.plan, input.costs)) } }
        var all: [(plan: Plan, costs: CommandCostTable)] { lock.withLock { calls } }
        /// Calls that estimate `input`'s plan with its costs.
        func count(_ input: EstimateInput) -> Int {
            all.filter { $0.plan == input.plan && $0.costs == input.costs }.count
        }
        /// Calls that estimate `input`'s plan with other costs.
        func otherCosts(_ input: EstimateInput) -> Int {
            all.filter { $0.plan == input.plan && $0.costs != input.costs }.count
        }
    }

    static let seed = AppRun.plan("traffic-tacos.yaml")
    /// The reference rung on 2026-11-01: the seed plan is AT RISK there, so its cheapest-fix search runs too.
    static func evidence(_ run: AppRun) -> EvidenceRequest {
        EvidenceRequest(db: run.db, asOf: Day(iso: "2026-11-01"), evidence: .reference)
    }

    @Test func compareEstimatesTheBaselineOnce() throws {
        let run = try AppRun()
        let calls = Calls()
        let outcome = try Estimate.$computeObserver.withValue({ calls.add($0) }) {
            try CompareUseCase.run(
                plans: [Self.seed], baseline: "base", evidence: Self.evidence(run), context: run.context)
        }
        let base = outcome.assessment.input
        let variants = outcome.comparison.columns.count - 1
        let leverSteps = outcome.comparison.columns.map { max($0.levers.count - 1, 0) }.reduce(0, +)
        let levers = outcome.automaticLevers.filter { $0.status != .notAvailable }.count
        let fixPoints = outcome.assessment.plan.evaluated
        // The baseline once: its one assessment, whose estimate the baseline column and the automatic levers reuse
        // (before, Comparison.build and AutomaticLevers.all computed it again: 3 times).
        #expect(calls.count(base) == 1)
        // Every other call is a plan that differs from the baseline: the fix search's points less the one that is
        // the plan unchanged (42 − 1 = 41), each variant (7), each lever step before a variant's last, which reuses
        // the variant's own estimate (always-on-on-demand-gateway has 2 steps: 1), each automatic lever that is
        // estimated (6 computed, 3 not available): 1 + 41 + 7 + 1 + 6 = 56. Four configurations are reached both as a
        // fix point and as an automatic lever and estimated by each (a shared memo would save them).
        #expect(fixPoints == 42 && variants == 7 && leverSteps == 1 && levers == 6)
        #expect(calls.all.count == 1 + (fixPoints - 1) + variants + leverSteps + levers)
        #expect(calls.all.count == 56)
    }

    @Test func reportEstimatesThePlanOnceForItsAssessment() throws {
        let run = try AppRun()
        let calls = Calls()
        let outcome = try Estimate.$computeObserver.withValue({ calls.add($0) }) {
            try ReportUseCase.run(PlanRequest(path: Self.seed), evidence: Self.evidence(run), context: run.context)
        }
        let base = outcome.assessment.input
        // The plan on its rung once: the one assessment, whose estimate the variants' savings, the automatic levers,
        // both sweeps (a point at the plan's own crowd, and the gateway axis's requests per user) reuse (before: 14).
        #expect(calls.count(base) == 1)
        // And once with its costs as given, off the evidence ladder: the validation against the load test fits
        // those costs, so it needs its own estimate.
        #expect(calls.otherCosts(base) == 1)
    }
}
