import Foundation

/// Per-event and per-month totals; `unpricedLines` counts lines whose price is missing (totals exclude them).
public struct CostTotals: Codable, Hashable, Sendable {
    public var hourly: Money
    public var perEvent: Money
    public var perMonth: Money
    public var unpricedLines: Int
}
