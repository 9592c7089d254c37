import TacoCore

/// `estimate` and `explain`: the plan (or one variant) sized and priced with the run's evidence.
public enum EstimateUseCase {
    public struct Outcome: Sendable {
        public var estimate: Estimate
        public var plan: LoadedPlan
        /// The verdict's exit after printing (`failure(_:)`); nil when the plan is FEASIBLE or AT RISK.
        public var infeasible: AppFailure?
    }

    public static func run(_ request: PlanRequest, evidence: EvidenceRequest, context: AppContext)
        throws(AppFailure) -> Outcome
    {
        let (plan, _) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        let estimate = Estimate.compute(plan.input)
        return Outcome(estimate: estimate, plan: plan, infeasible: failure(estimate))
    }

    /// The estimate's exit, the same in every command (README "Exit codes", Docs/Model.md §15), after the output is
    /// printed: 3 when most cost lines are UNPRICED (the estimate cannot be priced, so no verdict stands), 5 when the
    /// verdict is INFEASIBLE, else nil (FEASIBLE or AT RISK).
    public static func failure(_ e: Estimate) -> AppFailure? {
        if e.mostlyUnpriced {
            return AppFailure.pricing([
                "pricing: \(e.totals.unpricedLines) of \(e.costs.count) cost lines are UNPRICED in \(e.region) on \(e.asOf)",
                "    fix: import an AWS price list for \(e.region) (`tacoplan pricing import FILE`) or use a priced region",
            ])
        }
        guard e.verdict.status == .infeasible else { return nil }
        return AppFailure(.infeasible, ["verdict: \(e.verdict.headline)"])
    }
}
