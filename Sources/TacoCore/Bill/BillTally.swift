import Foundation

/// The running sums of a reconciliation, fed one selected row at a time: per plan resource, per group of rows not
/// attributed (unplanned, charges, other providers, other currencies) and in total. Every row lands in exactly
/// one place, so the parts add up to `billedTotal` (USD) to the last digit.
public struct BillTally: Sendable {
    public struct Sum: Sendable {
        public var cost: Decimal = 0
        public var quantity: Decimal = 0
        public var rows = 0
    }

    /// Most file lines kept per group, to find its rows in the export.
    public static let linesPerGroup = 5

    let nodeTypes: Set<String>
    public private(set) var billed: [BillResource: Sum] = [:]
    var groupsByKey: [String: Reconciliation.Group] = [:]
    public private(set) var billedTotal = Decimal.zero
    public private(set) var attributedTotal = Decimal.zero
    public private(set) var rowsSelected = 0
    public private(set) var rowsAttributed = 0

    /// A tally for the node types the estimate chose (the ElastiCache and EC2 rows that can be the plan's).
    /// With the plan, its Redis node type as planned counts even when sizing found the cluster INFEASIBLE
    /// (`Reconciliation.asPlannedRedis`): a plan's own resource is never unplanned spend.
    public init(_ e: Estimate, plan: Plan? = nil) {
        var types = Set<String>()
        if let r = e.redis.chosen { types.insert(r.nodeType) }
        if let plan, let r = Reconciliation.asPlannedRedis(e, plan: plan) { types.insert(r.nodeType) }
        if let g = e.gateway.chosen { types.insert(g.nodeType) }
        nodeTypes = types
    }

    public var groups: [String: Reconciliation.Group] { groupsByKey }

    public mutating func add(_ row: BillRow) {
        add(
            BillChargeSum(
                charge: row.charge, billedCost: row.billedCost,
                quantity: row.consumedQuantity ?? row.pricingQuantity ?? 0, rows: 1, lines: [row.line]))
    }

    /// Adds the summed rows of one charge (from the store's aggregate or a warehouse's).
    public mutating func add(_ sum: BillChargeSum) {
        let row = sum.charge
        rowsSelected += sum.rows
        guard row.currency == "USD" else {
            return group("other currency", "\(row.provider) \(row.serviceName)", sum)
        }
        billedTotal += sum.billedCost
        guard row.isAWS else { return group("other provider", "\(row.provider) \(row.serviceName)", sum) }
        guard row.chargeCategory == "Usage" else {
            return group("charge", "\(row.chargeCategory): \(row.serviceName)", sum)
        }
        guard let resource = BillResource.of(row, nodeTypes: nodeTypes) else {
            return group("unplanned", [row.serviceName, row.usageType].compactMap { $0 }.joined(separator: " · "), sum)
        }
        var b = billed[resource] ?? Sum()
        b.cost += sum.billedCost
        b.quantity += sum.quantity
        b.rows += sum.rows
        billed[resource] = b
        attributedTotal += sum.billedCost
        rowsAttributed += sum.rows
    }

    private mutating func group(_ bucket: String, _ name: String, _ sum: BillChargeSum) {
        let key = bucket + "\u{1}" + name + "\u{1}" + sum.charge.currency
        var g =
            groupsByKey[key]
            ?? Reconciliation.Group(
                bucket: bucket, name: name, currency: sum.charge.currency, billedCost: .zero, rows: 0, lines: [])
        g.billedCost = g.billedCost + Money(sum.billedCost)
        g.rows += sum.rows
        g.lines = Array((g.lines + sum.lines).sorted().prefix(Self.linesPerGroup))
        groupsByKey[key] = g
    }
}
