import Foundation
import GRDB
import TacoCore

/// Reads and writes `bill_row`: decimals as their exact text, instants as epoch seconds.
enum BillRowStore {
    static let columns = [
        "line", "provider", "account_id", "account_name", "sub_account_id", "currency", "billed_cost",
        "effective_cost", "list_cost", "charge_start", "charge_end", "charge_category", "charge_class",
        "charge_description", "service_name", "service_code", "region_id", "pricing_category", "commitment_type",
        "commitment_id", "consumed_quantity", "consumed_unit", "pricing_quantity", "pricing_unit", "sku_price_id",
        "resource_id", "usage_type", "instance_type", "tags", "extra",
    ]

    static let insertSQL =
        "INSERT INTO bill_row (file_id, \(columns.joined(separator: ", "))) VALUES (?\(String(repeating: ", ?", count: columns.count)))"

    static func text(_ d: Decimal?) -> String? { d.map { NSDecimalNumber(decimal: $0).stringValue } }

    static func arguments(_ r: BillRow, fileId: Int64) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            fileId, r.line, r.provider, r.accountId, r.accountName, r.subAccountId, r.currency, text(r.billedCost),
            text(r.effectiveCost), text(r.listCost), r.chargeStart.seconds, r.chargeEnd.seconds, r.chargeCategory,
            r.chargeClass, r.chargeDescription, r.serviceName, r.serviceCode, r.regionId, r.pricing?.rawValue,
            r.commitmentType, r.commitmentId, text(r.consumedQuantity), r.consumedUnit, text(r.pricingQuantity),
            r.pricingUnit, r.skuPriceId, r.resourceId, r.usageType, r.instanceType, r.tags, r.extra,
        ]
        return StatementArguments(values)
    }

    static func decimal(_ row: Row, _ column: String) throws -> Decimal? {
        guard let t: String = row[column] else { return nil }
        guard let d = BillRowReader.decimal(t) else {
            throw StoreError.badStoredValue(table: "bill_row", column: column, value: t)
        }
        return d
    }

    static func read(_ row: Row) throws -> BillRow {
        var r = BillRow(
            line: row["line"], provider: row["provider"], accountId: row["account_id"], currency: row["currency"],
            billedCost: try decimal(row, "billed_cost") ?? 0, chargeStart: BillInstant(seconds: row["charge_start"]),
            chargeEnd: BillInstant(seconds: row["charge_end"]), chargeCategory: row["charge_category"],
            serviceName: row["service_name"])
        r.accountName = row["account_name"]
        r.subAccountId = row["sub_account_id"]
        r.effectiveCost = try decimal(row, "effective_cost")
        r.listCost = try decimal(row, "list_cost")
        r.chargeClass = row["charge_class"]
        r.chargeDescription = row["charge_description"]
        r.serviceCode = row["service_code"]
        r.regionId = row["region_id"]
        r.pricing = (row["pricing_category"] as String?).flatMap(BillPricing.init(rawValue:))
        r.commitmentType = row["commitment_type"]
        r.commitmentId = row["commitment_id"]
        r.consumedQuantity = try decimal(row, "consumed_quantity")
        r.consumedUnit = row["consumed_unit"]
        r.pricingQuantity = try decimal(row, "pricing_quantity")
        r.pricingUnit = row["pricing_unit"]
        r.skuPriceId = row["sku_price_id"]
        r.resourceId = row["resource_id"]
        r.usageType = row["usage_type"]
        r.instanceType = row["instance_type"]
        r.tags = row["tags"]
        r.extra = row["extra"]
        return r
    }
}

extension TacoDatabase {
    /// Rows whose charge period starts in [from, to), in file and line order.
    public func billRows(from: BillInstant, to: BillInstant) throws -> [BillRow] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM bill_row WHERE charge_start >= ? AND charge_start < ? ORDER BY file_id, line",
                arguments: [from.seconds, to.seconds]
            ).map(BillRowStore.read)
        }
    }

    /// Calls `body` with each row whose charge period starts in [from, to), in file and line order, one at a time
    /// (a cursor: memory does not grow with the number of rows).
    public func forEachBillRow(from: BillInstant, to: BillInstant, _ body: (BillRow) throws -> Void) throws {
        try writer.read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: "SELECT * FROM bill_row WHERE charge_start >= ? AND charge_start < ? ORDER BY file_id, line",
                arguments: [from.seconds, to.seconds])
            while let row = try cursor.next() { try body(try BillRowStore.read(row)) }
        }
    }

    /// What is loaded per provider, account and currency: periods, rows and the exact Σ BilledCost (summed as
    /// Decimal here, never by SQLite's floating point).
    public func billSummaries() throws -> [BillSummary] {
        try writer.read { db in
            var out: [String: BillSummary] = [:]
            let cursor = try Row.fetchCursor(
                db,
                sql:
                    "SELECT file_id, provider, account_id, currency, billed_cost, charge_start, charge_end FROM bill_row"
            )
            var files: [String: Set<Int64>] = [:]
            while let row = try cursor.next() {
                let key = [row["provider"], row["account_id"], row["currency"]].map { ($0 as String?) ?? "" }
                    .joined(separator: "\u{1}")
                let cost = try BillRowStore.decimal(row, "billed_cost") ?? 0
                let start = BillInstant(seconds: row["charge_start"])
                let end = BillInstant(seconds: row["charge_end"])
                var s =
                    out[key]
                    ?? BillSummary(
                        provider: row["provider"], accountId: row["account_id"], currency: row["currency"],
                        from: start, to: end)
                s.from = min(s.from, start)
                s.to = max(s.to, end)
                s.rows += 1
                s.billedCost = s.billedCost + Money(cost)
                files[key, default: []].insert(row["file_id"])
                s.files = files[key]?.count ?? 0
                out[key] = s
            }
            return out.values.sorted {
                ($0.provider, $0.accountId, $0.currency) < ($1.provider, $1.accountId, $1.currency)
            }
        }
    }

    /// Imported bill files: (file name, format, rows) for `bill list`.
    public func billFiles() throws -> [(name: String, format: String, rows: Int, importedAt: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT file_name, format, row_count, imported_at FROM bill_file ORDER BY id")
                .map { ($0["file_name"], $0["format"], $0["row_count"], $0["imported_at"]) }
        }
    }
}
