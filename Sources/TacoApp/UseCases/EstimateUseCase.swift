import TacoCore

/// `estimate` and `explain`: the plan (or one variant) assessed once with the run's evidence.
public enum EstimateUseCase {
    public struct Outcome: Sendable {
        /// The one assessment every renderer reads.
        public var assessment: Assessment
        public var plan: LoadedPlan
        public var estimate: Estimate { assessment.estimate }
        /// The assessment's exit after printing; nil when the run exits 0.
        public var failure: AppFailure? { assessment.failure }
    }

    public static func run(_ request: PlanRequest, evidence: EvidenceRequest, context: AppContext)
        throws(AppFailure) -> Outcome
    {
        let (plan, loaded) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        return Outcome(assessment: Assessment.make(plan, evidence: loaded, failOn: request.failOn), plan: plan)
    }
}
