/// One answer per plan (Docs/Model.md §15): can this plan carry its event on the best evidence tacoplan has?
public enum VerdictStatus: String, Codable, Hashable, Sendable, Comparable {
    /// Every constraint holds with margin on measured or calibrated evidence.
    case feasible = "FEASIBLE"
    /// Feasible, but only on the weakest evidence (reference-VM costs, uncalibrated) or within
    /// `PlanVerdict.ceilingMargin` of a ceiling.
    case atRisk = "AT RISK"
    /// Some resource cannot meet its constraint on the most credible evidence.
    case infeasible = "INFEASIBLE"

    var order: Int {
        switch self {
        case .feasible: 0
        case .atRisk: 1
        case .infeasible: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }

    /// The exit code every command uses for this verdict (README "Exit codes", Docs/Model.md §15): 0 FEASIBLE,
    /// 0 AT RISK (the verdict and its reasons are printed and in the JSON), 5 INFEASIBLE.
    public var exitCode: Int32 {
        switch self {
        case .feasible, .atRisk: 0
        case .infeasible: 5
        }
    }
}
