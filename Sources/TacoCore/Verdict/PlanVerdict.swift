/// The verdict on one estimate: FEASIBLE / AT RISK / INFEASIBLE, its one-line reasons, the evidence used and,
/// when the evidence rungs disagree, the range they span (Docs/Model.md §15).
public struct PlanVerdict: Codable, Hashable, Sendable {
    /// A memory or backend utilization within this fraction of its ceiling is AT RISK: ≥ 90 % of the ceiling (Redis
    /// engine CPU is judged on its band instead, Docs/Model.md §15). Ten percent is the
    /// spread of the bundled load test's own leave-one-out errors (±10 points on the Redis engine-CPU fit,
    /// Docs/Benchmarks.md §3), so a prediction closer to a ceiling than that cannot be told apart from it.
    public static let ceilingMargin = 0.10
    /// Two rungs disagree when the busiest node's engine CPU on one is more than 1.25× the other's (25 %): more than
    /// twice the ±10-point fit error at the 50 % loads where plans operate (Docs/Benchmarks.md §3).
    public static let rungTolerance = 1.25

    public var status: VerdictStatus
    /// One sentence per reason, most serious first.
    public var reasons: [String]
    public var evidence: EvidenceSelection
    /// "busiest node 52.7 % with reference-VM costs, ≥ 166.7 % with costs calibrated to the bundled load test"
    /// when the rungs disagree by more than `rungTolerance`; nil when they agree or only one rung exists.
    public var range: String?
    /// The hot-key and busiest-node engine-CPU bands the verdict was judged on, with their evidence line (the same
    /// value `EngineCPUFigures.of(estimate)` gives).
    public var engineCPU: EngineCPUFigures? = nil

    /// "INFEASIBLE — Redis: … (evidence: costs calibrated to the bundled load test)".
    public var headline: String {
        "\(status.rawValue) — " + (reasons.first ?? "") + " (evidence: \(evidence.rung.phrase))"
    }
}
