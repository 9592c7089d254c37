import TacoCore

/// `sweep`: the plan (or one variant) re-sized over a range of crowd sizes with the run's evidence, and its break
/// points (Docs/Model.md §9). The run's verdict and exit are the plan's one assessment at its own scale.
public enum SweepUseCase {
    public struct Outcome: Sendable {
        public var result: SweepResult
        public var assessment: Assessment
        public var failure: AppFailure? { assessment.failure }
        /// For a multi-region plan on a `--rps` sweep: the three topologies at the top point's crowd.
        public var topologiesAtTop: [RegionalDeployment] { reach?.topologies ?? [] }
        /// On a `--rps` sweep: what the top rate takes, with the assessment's cheapest fix there.
        public var reach: ReachAssessment? = nil
    }

    public static func run(
        _ request: PlanRequest, range: SweepRange, evidence: EvidenceRequest, context: AppContext
    ) throws(AppFailure) -> Outcome {
        let (plan, loaded) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        let assessment = Assessment.make(plan, evidence: loaded, failOn: request.failOn)
        let result = ScaleSweep.run(plan.input, range: range, estimate: assessment.estimate)
        let reach = ReachAssessment.make(result, assessment: assessment, loaded: plan, evidence: loaded)
        return Outcome(result: result, assessment: assessment, reach: reach)
    }
}
