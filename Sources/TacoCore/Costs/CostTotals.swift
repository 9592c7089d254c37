import Foundation

/// Per-hour, per-event and per-month totals; `unpricedLines` counts lines whose price is missing and `missing`
/// lists every line the totals exclude (UNPRICED, or INFEASIBLE with no configuration to price, Docs/Model.md §6.1).
/// A failing resource that can be priced as planned is included and listed in `failing`.
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

    public init(
        hourly: Money, perEvent: Money, perMonth: Money, unpricedLines: Int, complete: Bool, missing: [MissingLine],
        failing: [MissingLine] = []
    ) {
        self.hourly = hourly
        self.perEvent = perEvent
        self.perMonth = perMonth
        self.unpricedLines = unpricedLines
        self.complete = complete
        self.missing = missing
        self.failing = failing
    }

    enum CodingKeys: String, CodingKey {
        case hourly, perEvent, perMonth, unpricedLines, complete, missing, failing
    }

    /// Documents written before failing resources were priced as planned have no `failing`: read as none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hourly = try c.decode(Money.self, forKey: .hourly)
        perEvent = try c.decode(Money.self, forKey: .perEvent)
        perMonth = try c.decode(Money.self, forKey: .perMonth)
        unpricedLines = try c.decode(Int.self, forKey: .unpricedLines)
        complete = try c.decode(Bool.self, forKey: .complete)
        missing = try c.decode([MissingLine].self, forKey: .missing)
        failing = try c.decodeIfPresent([MissingLine].self, forKey: .failing) ?? []
    }
}
