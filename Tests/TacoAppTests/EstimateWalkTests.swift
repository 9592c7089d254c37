import Foundation
import TacoApp
import TacoCore
import Testing

/// Issue 22, "the walk": one `estimate` computes its plan's own estimate once. What is counted: the calls of
/// `Estimate.compute` whose input holds the loaded plan unchanged (the plan as written, on the run's price book).
/// The cheapest-fix search legitimately estimates other configurations (another engine, more replicas, another
/// Spot share); those inputs hold a changed plan and are counted separately, not held to one.
@Suite struct EstimateWalkTests {
    /// Counts calls, safe to bump from any thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var inputs: [Plan] = []
        func add(_ plan: Plan) { lock.withLock { inputs.append(plan) } }
        var plans: [Plan] { lock.withLock { inputs } }
    }

    func run(_ plan: String, asOf: String) throws -> (EstimateUseCase.Outcome, [Plan]) {
        let run = try AppRun()
        let counter = Counter()
        let evidence = EvidenceRequest(db: run.db, asOf: Day(iso: asOf))
        let outcome = try Estimate.$computeObserver.withValue({ counter.add($0.plan) }) {
            try EstimateUseCase.run(PlanRequest(path: AppRun.plan(plan)), evidence: evidence, context: run.context)
        }
        return (outcome, counter.plans)
    }

    @Test func theSeedPlanIsEstimatedOnceAndItsFixSearchOnlyTriesOtherConfigurations() throws {
        let (outcome, plans) = try run("traffic-tacos.yaml", asOf: "2024-10-31")
        let own = outcome.assessment.input.plan
        #expect(plans.filter { $0 == own }.count == 1)
        // The fix search ran (INFEASIBLE as planned, a fix found); every other call was one of its points, and a
        // point that is the plan unchanged reused the plan's estimate (so at most `evaluated` more calls).
        #expect(outcome.assessment.plan.fix != nil)
        #expect(plans.count - 1 <= outcome.assessment.plan.evaluated)
        #expect(plans.count > 1)
    }

    @Test func aFeasiblePlanIsEstimatedOnce() throws {
        let (outcome, plans) = try run("seoul-concert.yaml", asOf: "2026-09-01")
        #expect(plans.filter { $0 == outcome.assessment.input.plan }.count == 1)
    }
}
