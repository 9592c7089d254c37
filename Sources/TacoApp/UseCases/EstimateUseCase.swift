import TacoCore

/// `estimate` and `explain`: the plan (or one variant) sized and priced with the run's evidence.
public enum EstimateUseCase {
    public struct Outcome: Sendable {
        public var estimate: Estimate
        public var plan: LoadedPlan
        /// Exit 5 after printing when no Redis or gateway candidate is feasible or a DynamoDB key saturates its
        /// partition; nil when the plan is feasible.
        public var infeasible: AppFailure?
    }

    public static func run(_ request: PlanRequest, evidence: EvidenceRequest, context: AppContext)
        throws(AppFailure) -> Outcome
    {
        let (plan, _) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        let estimate = Estimate.compute(plan.input)
        return Outcome(estimate: estimate, plan: plan, infeasible: infeasibility(estimate))
    }

    /// The estimate is infeasible when sizing found no Redis or gateway candidate, or DynamoDB's hottest key exceeds
    /// one partition's limit (Docs/Model.md §5–7).
    public static func infeasibility(_ estimate: Estimate) -> AppFailure? {
        guard estimate.redis.chosen == nil || estimate.gateway.chosen == nil || estimate.dynamodb.partitionLimit != nil
        else { return nil }
        return AppFailure(
            .infeasible, ["infeasible: no candidate configuration meets every constraint (see the sizing above)"])
    }
}
