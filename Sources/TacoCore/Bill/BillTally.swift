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
    public init(_ e: Estimate) {
        var types = Set<String>()
        if let r = e.redis.chosen { types.insert(r.nodeType) }
        if let g = e.gateway.chosen { types.insert(g.nodeType) }
        nodeTypes = types
    }

    public var groups: [String: Reconciliation.Group] { groupsByKey }

    public mutating func add(_ row: BillRow) {
        rowsSelected += 1
        guard row.currency == "USD" else {
            return group("other currency", "\(row.provider) \(row.serviceName)", row)
        }
        billedTotal += row.billedCost
        guard row.isAWS else { return group("other provider", "\(row.provider) \(row.serviceName)", row) }
        guard row.chargeCategory == "Usage" else {
            return group("charge", "\(row.chargeCategory): \(row.serviceName)", row)
        }
        guard let resource = BillResource.of(row, nodeTypes: nodeTypes) else {
            return group("unplanned", [row.serviceName, row.usageType].compactMap { $0 }.joined(separator: " · "), row)
        }
        var b = billed[resource] ?? Sum()
        b.cost += row.billedCost
        b.quantity += row.consumedQuantity ?? row.pricingQuantity ?? 0
        b.rows += 1
        billed[resource] = b
        attributedTotal += row.billedCost
        rowsAttributed += 1
    }

    private mutating func group(_ bucket: String, _ name: String, _ row: BillRow) {
        let key = bucket + "\u{1}" + name + "\u{1}" + row.currency
        var g =
            groupsByKey[key]
            ?? Reconciliation.Group(
                bucket: bucket, name: name, currency: row.currency, billedCost: .zero, rows: 0, lines: [])
        g.billedCost = g.billedCost + Money(row.billedCost)
        g.rows += 1
        if g.lines.count < Self.linesPerGroup { g.lines.append(row.line) }
        groupsByKey[key] = g
    }
}
