import Foundation
import GRDB
import GRDBSQLite
import TacoCore

/// SQLite's "this text is not static; copy it" destructor, for `sqlite3_bind_text`.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Writes `bill_line` rows: repeated strings once in `bill_text` (ids cached, the cache bounded), amounts packed
/// (`BillAmount.packed`), bound straight to one prepared statement.
final class BillLineWriter {
    /// Most strings whose ids are kept in memory: 65,536 (a month's export has a few thousand distinct values per
    /// column; resource ids can be more, and the cache is cleared rather than grown).
    static let cacheCapacity = 65_536

    private let db: Database
    private let insert: Statement
    private let findText: Statement
    private let addText: Statement
    private var ids: [String: Int64] = [:]
    /// The last text and id of each column: most columns repeat their value from row to row, and comparing two
    /// Strings is cheaper than hashing one.
    private var last: [(text: String, id: Int64)] = Array(repeating: ("", -1), count: 32)

    static let columns = [
        "file_id", "line", "charge_start", "charge_end", "provider", "account", "account_name", "sub_account",
        "currency", "billed_cost", "effective_cost", "list_cost", "charge_category", "charge_class",
        "charge_description", "service_name", "service_code", "region", "pricing_category", "commitment_type",
        "commitment_id", "consumed_quantity", "consumed_unit", "pricing_quantity", "pricing_unit", "sku_price_id",
        "resource_id", "usage_type", "instance_type", "tags",
    ]

    init(_ db: Database) throws {
        self.db = db
        insert = try db.makeStatement(
            sql:
                "INSERT INTO bill_line (\(Self.columns.joined(separator: ", "))) VALUES (?\(String(repeating: ", ?", count: Self.columns.count - 1)))"
        )
        findText = try db.makeStatement(sql: "SELECT id FROM bill_text WHERE text = ?")
        addText = try db.makeStatement(sql: "INSERT INTO bill_text (text) VALUES (?)")
    }

    /// The id of `text` in `bill_text`, added when new.
    func id(_ text: String) throws -> Int64 {
        if let id = ids[text] { return id }
        let id: Int64
        if let found = try Int64.fetchOne(findText, arguments: [text]) {
            id = found
        } else {
            try addText.execute(arguments: [text])
            id = db.lastInsertedRowID
        }
        if ids.count >= Self.cacheCapacity {
            ids.removeAll(keepingCapacity: true)
            last = Array(repeating: ("", -1), count: 32)
        }
        ids[text] = id
        return id
    }

    func insert(_ r: BillRow, fileId: Int64) throws {
        let s = insert.sqliteStatement
        var i: Int32 = 0
        func int(_ v: Int64) {
            i += 1
            sqlite3_bind_int64(s, i, v)
        }
        func text(_ v: String?) throws {
            i += 1
            guard let v else { return _ = sqlite3_bind_null(s, i) }
            let column = Int(i)
            if last[column].id >= 0, last[column].text == v { return _ = sqlite3_bind_int64(s, i, last[column].id) }
            let id = try id(v)
            last[column] = (v, id)
            sqlite3_bind_int64(s, i, id)
        }
        func amount(_ a: BillAmount?) {
            i += 1
            guard let a else { return _ = sqlite3_bind_null(s, i) }
            if let p = a.packed {
                sqlite3_bind_int64(s, i, p)
            } else {
                _ = NSDecimalNumber(decimal: a.decimal).stringValue.withCString {
                    sqlite3_bind_text(s, i, $0, -1, transient)
                }
            }
        }
        sqlite3_reset(s)
        int(fileId)
        int(Int64(r.line))
        int(r.chargeStart.seconds)
        int(r.chargeEnd.seconds)
        try text(r.provider)
        try text(r.accountId)
        try text(r.accountName)
        try text(r.subAccountId)
        try text(r.currency)
        amount(r.billed)
        amount(r.effective)
        amount(r.list)
        try text(r.chargeCategory)
        try text(r.chargeClass)
        try text(r.chargeDescription)
        try text(r.serviceName)
        try text(r.serviceCode)
        try text(r.regionId)
        try text(r.pricing?.rawValue)
        try text(r.commitmentType)
        try text(r.commitmentId)
        amount(r.consumed)
        try text(r.consumedUnit)
        amount(r.priced)
        try text(r.pricingUnit)
        try text(r.skuPriceId)
        try text(r.resourceId)
        try text(r.usageType)
        try text(r.instanceType)
        try text(r.tags)
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

/// Exact sums of packed amounts: Σ units per scale in SQL (`packed >> 5` grouped by `packed & 31`), texts (amounts
/// past 58 bits) summed here as Decimal.
enum BillAmountSQL {
    /// The scale of a stored amount column: 0–31, −1 for an exact text, −2 for NULL.
    static func scale(_ c: String) -> String {
        "CASE WHEN \(c) IS NULL THEN -2 WHEN typeof(\(c)) = 'integer' THEN \(c) & 31 ELSE -1 END"
    }
    /// Σ units of the integer amounts of a group.
    static func units(_ c: String) -> String { "sum(CASE WHEN typeof(\(c)) = 'integer' THEN \(c) >> 5 END)" }
    /// The exact texts of the text amounts of a group, space-separated (rare: only past 58 bits of digits).
    static func texts(_ c: String) -> String { "group_concat(CASE WHEN typeof(\(c)) = 'text' THEN \(c) END, ' ')" }

    /// The Decimal of one group's (scale, units, texts).
    static func value(scale: Int, units: Int64?, texts: String?) throws -> Decimal {
        switch scale {
        case -2: return 0
        case -1:
            var total = Decimal.zero
            for t in (texts ?? "").split(separator: " ") {
                guard let d = BillRowReader.decimal(String(t)) else {
                    throw StoreError.badStoredValue(table: "bill_line", column: "amount", value: String(t))
                }
                total += d
            }
            return total
        default:
            guard let units else { return 0 }
            return BillAmount.decimal(units: units, scale: scale)
        }
    }
}

enum BillRowStore {
    /// A row of the first bill table (`bill_row`, issue 15: decimals as text), for the move to `bill_line`.
    static func readV1(_ row: Row) throws -> BillRow {
        func decimal(_ column: String) throws -> Decimal? {
            guard let t: String = row[column] else { return nil }
            guard let d = BillRowReader.decimal(t) else {
                throw StoreError.badStoredValue(table: "bill_row", column: column, value: t)
            }
            return d
        }
        var r = BillRow(
            line: row["line"], provider: row["provider"], accountId: row["account_id"], currency: row["currency"],
            billedCost: try decimal("billed_cost") ?? 0, chargeStart: BillInstant(seconds: row["charge_start"]),
            chargeEnd: BillInstant(seconds: row["charge_end"]), chargeCategory: row["charge_category"],
            serviceName: row["service_name"])
        r.accountName = row["account_name"]
        r.subAccountId = row["sub_account_id"]
        r.effectiveCost = try decimal("effective_cost")
        r.listCost = try decimal("list_cost")
        r.chargeClass = row["charge_class"]
        r.chargeDescription = row["charge_description"]
        r.serviceCode = row["service_code"]
        r.regionId = row["region_id"]
        r.pricing = (row["pricing_category"] as String?).flatMap(BillPricing.init(rawValue:))
        r.commitmentType = row["commitment_type"]
        r.commitmentId = row["commitment_id"]
        r.consumedQuantity = try decimal("consumed_quantity")
        r.consumedUnit = row["consumed_unit"]
        r.pricingQuantity = try decimal("pricing_quantity")
        r.pricingUnit = row["pricing_unit"]
        r.skuPriceId = row["sku_price_id"]
        r.resourceId = row["resource_id"]
        r.usageType = row["usage_type"]
        r.instanceType = row["instance_type"]
        r.tags = row["tags"]
        return r
    }
}

/// Reads `bill_text` ids back as strings, each once.
struct BillTexts {
    let db: Database
    var cache: [Int64: String] = [:]

    mutating func text(_ id: Int64?) throws -> String? {
        guard let id else { return nil }
        if let t = cache[id] { return t }
        guard let t = try String.fetchOne(db, sql: "SELECT text FROM bill_text WHERE id = ?", arguments: [id]) else {
            throw StoreError.badStoredValue(table: "bill_line", column: "text id", value: "\(id)")
        }
        cache[id] = t
        return t
    }
}

/// Which rows of the store a reconcile sums: the charge-period window, optionally an account and tags.
public struct BillRowFilter: Sendable {
    public var from: BillInstant
    public var to: BillInstant
    public var account: String?
    public var tags: [(key: String, value: String)]

    public init(from: BillInstant, to: BillInstant, account: String? = nil, tags: [(key: String, value: String)] = []) {
        self.from = from
        self.to = to
        self.account = account
        self.tags = tags
    }
}

extension TacoDatabase {
    /// The selected rows summed per distinct charge (`BillChargeSum`), exactly, in SQL: memory grows with the number
    /// of distinct charges, never with rows. Each charge keeps its first file line.
    public func billChargeSums(_ filter: BillRowFilter) throws -> [BillChargeSum] {
        try writer.read { db in
            var texts = BillTexts(db: db)
            var conditions = ["charge_start >= ?", "charge_start < ?"]
            var arguments: [any DatabaseValueConvertible] = [filter.from.seconds, filter.to.seconds]
            if let account = filter.account {
                guard
                    let id = try Int64.fetchOne(
                        db, sql: "SELECT id FROM bill_text WHERE text = ?", arguments: [account])
                else { return [] }
                conditions.append("(account = ? OR sub_account = ?)")
                arguments += [id, id]
            }
            if !filter.tags.isEmpty {
                // The distinct tag sets (few) are matched here; rows are then picked by tag id (indexed).
                var matching: [Int64] = []
                for id in try Int64.fetchAll(db, sql: "SELECT DISTINCT tags FROM bill_line") {
                    let map = BillRow.tagMap(try texts.text(id) ?? "{}")
                    if filter.tags.allSatisfy({ map[$0.key] == $0.value || map["user:" + $0.key] == $0.value }) {
                        matching.append(id)
                    }
                }
                guard !matching.isEmpty else { return [] }
                conditions.append("tags IN (\(matching.map(String.init).joined(separator: ",")))")
            }
            let quantity = "coalesce(consumed_quantity, pricing_quantity)"
            let keys = [
                "provider", "currency", "charge_category", "charge_class", "service_name", "service_code",
                "usage_type", "pricing_unit", "consumed_unit", "charge_description", "instance_type",
                "pricing_category", "commitment_id IS NOT NULL",
            ]
            let sql = """
                SELECT \(keys.joined(separator: ", ")),
                    \(BillAmountSQL.scale("billed_cost")) AS cs, \(BillAmountSQL.units("billed_cost")),
                    \(BillAmountSQL.texts("billed_cost")),
                    \(BillAmountSQL.scale(quantity)) AS qs, \(BillAmountSQL.units(quantity)), \(BillAmountSQL.texts(quantity)),
                    count(*), min(line)
                FROM bill_line WHERE \(conditions.joined(separator: " AND "))
                GROUP BY \(keys.indices.map { "\($0 + 1)" }.joined(separator: ", ")), cs, qs
                """
            var sums: [BillCharge: BillChargeSum] = [:]
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try cursor.next() {
                let charge = BillCharge(
                    provider: try texts.text(row[0]) ?? "", currency: try texts.text(row[1]) ?? "",
                    chargeCategory: try texts.text(row[2]) ?? "", chargeClass: try texts.text(row[3]),
                    serviceName: try texts.text(row[4]) ?? "", serviceCode: try texts.text(row[5]),
                    usageType: try texts.text(row[6]), pricingUnit: try texts.text(row[7]),
                    consumedUnit: try texts.text(row[8]), chargeDescription: try texts.text(row[9]),
                    instanceType: try texts.text(row[10]),
                    pricing: try texts.text(row[11]).flatMap(BillPricing.init(rawValue:)), committed: row[12])
                let cost = try BillAmountSQL.value(scale: row[13], units: row[14], texts: row[15])
                let q = try BillAmountSQL.value(scale: row[16], units: row[17], texts: row[18])
                var s = sums[charge] ?? BillChargeSum(charge: charge, billedCost: 0, quantity: 0, rows: 0, lines: [])
                s.billedCost += cost
                s.quantity += q
                s.rows += row[19]
                s.lines = [min(s.lines.first ?? Int.max, row[20] as Int)]
                sums[charge] = s
            }
            return Array(sums.values)
        }
    }

    /// What is loaded per provider, account and currency: periods, rows and the exact Σ BilledCost (Σ units per
    /// scale in SQL, combined here as Decimal — never SQLite's floating point).
    public func billSummaries() throws -> [BillSummary] {
        try writer.read { db in
            var texts = BillTexts(db: db)
            var out: [[Int64]: BillSummary] = [:]
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT provider, account, currency, \(BillAmountSQL.scale("billed_cost")) AS cs,
                        \(BillAmountSQL.units("billed_cost")), \(BillAmountSQL.texts("billed_cost")),
                        min(charge_start), max(charge_end), count(*), count(DISTINCT file_id)
                    FROM bill_line GROUP BY provider, account, currency, cs
                    """)
            var files: [[Int64]: Int] = [:]
            while let row = try cursor.next() {
                let key: [Int64] = [row[0], row[1], row[2]]
                let start = BillInstant(seconds: row[6])
                let end = BillInstant(seconds: row[7])
                var s: BillSummary
                if let known = out[key] {
                    s = known
                } else {
                    s = BillSummary(
                        provider: try texts.text(row[0]) ?? "", accountId: try texts.text(row[1]) ?? "",
                        currency: try texts.text(row[2]) ?? "", from: start, to: end)
                }
                s.from = min(s.from, start)
                s.to = max(s.to, end)
                s.rows += row[8]
                s.billedCost =
                    s.billedCost + Money(try BillAmountSQL.value(scale: row[3], units: row[4], texts: row[5]))
                files[key] = max(files[key] ?? 0, row[9])
                s.files = files[key] ?? 0
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
