import Foundation

/// Planned vs billed for one plan over a window of the bill (Docs/Model.md §12 "Reconciliation"). The planned side
/// comes from the estimate's cost lines (no cost formula is repeated here); the billed side is the exact sum of the
/// selected rows. Every selected row lands in exactly one bucket, so the buckets add up to `billedTotal`.
public struct Reconciliation: Codable, Hashable, Sendable {
    public struct Line: Codable, Hashable, Sendable {
        public var resource: String
        public var label: String
        public var unit: String
        public var modelled: Bool
        /// nil: UNPRICED in the plan, or not in the plan's cost model.
        public var plannedCost: Money?
        public var plannedQuantity: Decimal?
        public var plannedUnitPrice: Money?
        public var billedCost: Money
        public var billedQuantity: Decimal
        /// Billed cost ÷ billed quantity; nil when no quantity was billed.
        public var paidUnitPrice: Money?
        /// Billed − planned; nil when there is no planned cost.
        public var variance: Money?
        public var rows: Int
        public var causes: [VarianceCause]
    }

    /// Billed rows not attributed to a plan resource, grouped by why and what.
    public struct Group: Codable, Hashable, Sendable {
        /// `unplanned` (AWS usage the plan does not run), `charge` (credits, taxes, purchases, adjustments),
        /// `other provider` (never attributed), `other currency` (never summed with USD).
        public var bucket: String
        public var name: String
        public var currency: String
        public var billedCost: Money
        public var rows: Int
        /// File lines to find the group in the export: the first line of each of its charges, the five earliest
        /// (empty when the sums come from a warehouse, `--from-aggregate`).
        public var lines: [Int]
    }

    public var plan: String
    public var from: BillInstant
    public var to: BillInstant
    public var hours: Decimal
    public var events: Int
    public var lines: [Line]
    public var groups: [Group]
    /// Σ planned cost of the priced lines (USD).
    public var plannedTotal: Money
    /// Σ BilledCost of every selected USD row.
    public var billedTotal: Money
    public var attributedTotal: Money
    public var rowsSelected: Int
    public var rowsAttributed: Int
    /// Spot share of the gateway: planned (Spot nodes ÷ nodes) and billed (Spot node-hours ÷ all node-hours).
    public var plannedSpotShare: Decimal?
    public var billedSpotShare: Decimal?
    public var admittedUsers: Decimal?
    public var plannedPerUser: Money?
    public var billedPerUser: Money?
    /// Cost per sale: planned total ÷ events, billed AWS total ÷ events (the estimate's definition).
    public var plannedPerEvent: Money?
    public var billedPerEvent: Money?
    /// Cost per seat sold: per event ÷ min(seats, admitted users per event).
    public var plannedPerSeat: Money?
    public var billedPerSeat: Money?
    /// The plan's verdict (FEASIBLE, AT RISK, INFEASIBLE), the same the estimate prints.
    public var verdict: String
}

/// What to reconcile: the window, how many sales happened in it and, when known, the users actually admitted.
public struct ReconcileWindow: Sendable {
    public var from: BillInstant
    public var to: BillInstant
    /// Sales held in the window; event-only lines (gateway surge, DynamoDB writes) are planned once per sale.
    public var events: Int
    /// Users admitted in the window; default the plan's admissions per event × events.
    public var admittedUsers: Int?

    public init(from: BillInstant, to: BillInstant, events: Int, admittedUsers: Int? = nil) {
        self.from = from
        self.to = to
        self.events = events
        self.admittedUsers = admittedUsers
    }
}
