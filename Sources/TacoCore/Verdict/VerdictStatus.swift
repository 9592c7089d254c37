/// One answer per plan (Docs/Model.md §15): can this plan carry its event on the best evidence tacoplan has?
public enum VerdictStatus: String, Codable, Hashable, Sendable, Comparable {
    /// Every engine-CPU band's top is within its ceiling and every other constraint holds with margin, on measured or
    /// calibrated evidence.
    case feasible = "FEASIBLE"
    /// An engine-CPU band spans its ceiling, or feasible only on the weakest evidence (reference-VM costs,
    /// uncalibrated), or memory / backend within `PlanVerdict.ceilingMargin` of a limit.
    case atRisk = "AT RISK"
    /// Some resource cannot meet its constraint on the most credible evidence (for engine CPU: even the bottom of
    /// the band is above the ceiling).
    case infeasible = "INFEASIBLE"

    var order: Int {
        switch self {
        case .feasible: 0
        case .atRisk: 1
        case .infeasible: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}
