import Foundation

/// One priced line: quantity × unit price, joined late with the price book (Docs/Model.md §6). A missing price is an
/// explicit UNPRICED line, never $0.
public struct CostLine: Codable, Hashable, Sendable {
    public var resource: ResourceKind
    public var component: String
    public var quantity: Decimal
    /// What one unit of quantity is: `node`, `cluster`, `write request unit`, `WCU-hour`.
    public var unit: String
    public var unitPrice: Money?
    /// Per hour while running (for hourly resources).
    public var hourly: Money?
    public var perEvent: Money?
    public var perMonth: Money?
    /// How the per-event and per-month figures follow from the hourly one.
    public var basis: String
    public var priceSource: String
    public var effectiveFrom: Day?
    public var confidence: String
    /// True when `effectiveFrom` is the price's documented start; false: the price was in force at least from then.
    public var startDocumented = false
    /// The resource fails as planned (INFEASIBLE): the line prices the configuration the plan describes and stays in
    /// every total, labelled; only when that configuration cannot be formed is it unpriced.
    public var infeasible = false
    /// No price in force for a configuration that exists — the plan's own, even when it fails (a failing resource
    /// with no configuration to price is INFEASIBLE instead): excluded from totals by name, with the fetch command.
    public var unpriced: Bool { unitPrice == nil && (!infeasible || quantity > 0) }
    /// Left out of the totals: no price, or a failing resource with no configuration to price.
    public var excluded: Bool { unitPrice == nil }
}
