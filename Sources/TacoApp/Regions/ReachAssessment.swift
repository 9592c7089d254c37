import TacoCore

/// "What 100k RPS takes", assessed once for `sweep --rps` and the report's part: the `--rps` sweep's
/// reading (`RPSReach`) with the cheapest fix at the top rate from the assessment's own search, and for a
/// multi-region plan every topology at the same crowd with its deployment fix.
public struct ReachAssessment: Sendable {
    public var reach: RPSReach
    /// The three topologies as planned at the top point's crowd (empty for one region).
    public var topologies: [RegionalDeployment]
    /// Each topology's fix at that crowd (`DeploymentFixSearch`), nil for one region.
    public var fixes: DeploymentFixResult?

    /// nil unless `sweep` runs on gateway requests/s.
    public static func make(_ sweep: SweepResult, assessment: Assessment, loaded: LoadedPlan, evidence: Evidence)
        -> ReachAssessment?
    {
        guard let reach = RPSReach.from(sweep) else { return nil }
        let users = reach.point.users
        let plan = RegionsAssessment.scale(assessment.input.plan, users: users)
        let withFix = reach.withFix(assessment.input, plan: plan, rung: loaded.rung(evidence)) {
            Assessment.verdict(of: $0).status
        }
        return ReachAssessment(
            reach: withFix, topologies: assessment.regions?.topologies(atUsers: users) ?? [],
            fixes: assessment.regions?.fixes(atUsers: users))
    }
}
