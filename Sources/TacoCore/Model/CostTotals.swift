import Foundation

/// Per-hour, per-event and per-month totals; `unpricedLines` counts lines whose price is missing and `missing`
/// lists every line the totals exclude (UNPRICED, or INFEASIBLE with no configuration to price, Docs/Model.md §6.1).
/// A failing resource that can be priced as planned is included and listed in `failing` (issue 19).
public struct CostTotals: Codable, Hashable, Sendable {
    public var hourly: Money
    public var perEvent: Money
    public var perMonth: Money
    public var unpricedLines: Int
    /// True when no line is UNPRICED or INFEASIBLE: only then is a total the plan's whole cost.
    public var complete: Bool
    public var missing: [MissingLine]
    /// Lines included at their as-planned cost although their resource fails (INFEASIBLE): totals name them.
    public var failing: [MissingLine] = []
}
