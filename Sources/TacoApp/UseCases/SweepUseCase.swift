import TacoCore

/// `sweep`: the plan (or one variant) re-sized over a range of crowd sizes with the run's evidence, and its break
/// points (Docs/Model.md §9).
public enum SweepUseCase {
    public static func run(
        _ request: PlanRequest, range: SweepRange, evidence: EvidenceRequest, context: AppContext
    ) throws(AppFailure) -> SweepResult {
        let (plan, _) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        return ScaleSweep.run(plan.input, range: range)
    }
}
