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

    /// `bill_text` ids of the reading thread's text ids (`BillTextInterner`), since its last reset (-1: not sent).
    private var resolved: [Int64] = []

    /// Writes a batch of the reading thread: its new texts first (found or added in `bill_text`), then its rows,
    /// `rowsPerInsert` to a statement.
    func insert(_ batch: BillLineBatch, fileId: Int64) throws {
        if batch.reset { resolved.removeAll(keepingCapacity: true) }
        for text in batch.fresh {
            let i = Int(text.id)
            if i >= resolved.count { resolved.append(contentsOf: repeatElement(-1, count: i + 1 - resolved.count)) }
            if let found = try Int64.fetchOne(findText, arguments: [text.text]) {
                resolved[i] = found
            } else {
                try addText.execute(arguments: [text.text])
                resolved[i] = db.lastInsertedRowID
            }
        }
        var next = 0
        while next < batch.rows.count {
            let count = min(rowsPerInsert, batch.rows.count - next)
            let s = try insertStatement(rows: count).sqliteStatement
            sqlite3_reset(s)
            var i: Int32 = 0
            func int(_ v: Int64) {
                i += 1
                sqlite3_bind_int64(s, i, v)
            }
            func amount(_ a: BillAmount?) {
                i += 1
                Self.bind(a, s, i)
            }
            for r in batch.rows[next..<(next + count)] {
                func text(_ column: Int) {
                    i += 1
                    let id = r.texts[column]
                    if id < 0 { _ = sqlite3_bind_null(s, i) } else { sqlite3_bind_int64(s, i, resolved[Int(id)]) }
                }
                int(fileId)
                int(r.line)
                int(r.start)
                int(r.end)
                for c in 0..<5 { text(c) }  // provider, account, account_name, sub_account, currency
                amount(r.billed)
                amount(r.effective)
                amount(r.list)
                for c in 5..<14 { text(c) }  // charge_category … commitment_id
                amount(r.consumed)
                text(14)  // consumed_unit
                amount(r.priced)
                for c in 15..<21 { text(c) }  // pricing_unit … tags
            }
            _ = try BillRowStore.step(s, db)  // an INSERT returns no row
            next += count
        }
    }

    /// Rows per multi-row INSERT: 256 (7,680 parameters; fewer if the library's limit on parameters is lower). One
    /// statement step writes them all, so the statement's setup (opening its cursors, checking its foreign key) is
    /// paid once per 256 rows instead of once per row: 1M rows went in 1.4 s faster (Docs/Performance.md). Not 1,024:
    /// a prepared statement holds about 56 bytes per parameter, and at 1,024 rows the two statements (a full batch's
    /// and the last one's) cost the import about 5 MiB of its 64 MiB for no measurable speed.
    private lazy var rowsPerInsert: Int = {
        let limit = Int(sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
        return max(1, min(256, limit / Self.columns.count))
    }()

    /// The prepared multi-row INSERTs by row count (the full batch's, and the last batch's).
    private var multiRow: [Int: Statement] = [:]

    private func insertStatement(rows: Int) throws -> Statement {
        if let s = multiRow[rows] { return s }
        let one = "(?\(String(repeating: ", ?", count: Self.columns.count - 1)))"
        let s = try db.makeStatement(
            sql: "INSERT INTO bill_line (\(Self.columns.joined(separator: ", "))) VALUES "
                + Array(repeating: one, count: rows).joined(separator: ", "))
        multiRow[rows] = s
        return s
    }

    /// Binds an amount: its packed Int64, or its exact text past 58 bits of digits, or NULL.
    private static func bind(_ a: BillAmount?, _ s: OpaquePointer?, _ i: Int32) {
        guard let a else { return _ = sqlite3_bind_null(s, i) }
        if let p = a.packed {
            sqlite3_bind_int64(s, i, p)
        } else {
            _ = NSDecimalNumber(decimal: a.decimal).stringValue.withCString {
                sqlite3_bind_text(s, i, $0, -1, transient)
            }
        }
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
            Self.bind(a, s, i)
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
        _ = try BillRowStore.step(s, db)  // an INSERT returns no row
    }
}

enum BillRowStore {
    /// Steps `s` once: true when it produced a row, false when it is done; any other result throws SQLite's error.
    static func step(_ s: OpaquePointer?, _ db: Database) throws -> Bool {
        let code = sqlite3_step(s)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    /// A row of the first bill table (`bill_row`: decimals as text), for the move to `bill_line`.
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

/// The exact sum of one stored amount column over some rows: Int64 units per scale (`BillAmount.packed`), spilled
/// into a Decimal before they would overflow; exact texts added as Decimal.
struct AmountSum {
    var units = [Int64](repeating: 0, count: 32)
    var spilled = Decimal.zero

    mutating func add(_ s: OpaquePointer?, _ column: Int32) throws {
        switch sqlite3_column_type(s, column) {
        case SQLITE_NULL: return
        case SQLITE_INTEGER:
            let packed = sqlite3_column_int64(s, column)
            let scale = Int(packed & 31)
            let (sum, overflow) = units[scale].addingReportingOverflow(packed >> 5)
            if overflow {
                spilled += BillAmount.decimal(units: units[scale], scale: scale)
                units[scale] = packed >> 5
            } else {
                units[scale] = sum
            }
        default:
            let text = String(cString: sqlite3_column_text(s, column))
            guard let d = BillRowReader.decimal(text) else {
                throw StoreError.badStoredValue(table: "bill_line", column: "amount", value: text)
            }
            spilled += d
        }
    }

    var total: Decimal {
        var t = spilled
        for (scale, u) in units.enumerated() where u != 0 { t += BillAmount.decimal(units: u, scale: scale) }
        return t
    }
}

/// The 13 text ids (and commitment flag) that name one charge, hashed once (`ByteHash` of their 104 bytes)
/// instead of feeding all 16 lanes to the standard hasher per row.
struct ChargeKey: Hashable {
    let values: SIMD16<Int64>
    let mix: UInt64

    init(_ values: SIMD16<Int64>) {
        self.values = values
        mix = withUnsafeBytes(of: values) { ByteHash.of(UnsafeRawBufferPointer(rebasing: $0[0..<(13 * 8)])) }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(mix) }
    static func == (a: ChargeKey, b: ChargeKey) -> Bool { a.values == b.values }
}

/// The running sums of one charge.
struct ChargeAccumulator {
    var cost = AmountSum()
    var quantity = AmountSum()
    var rows = 0
    var firstLine = Int.max
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
            // The window's index pays when it selects a small part of the bill; for most of it, one pass over the
            // table beats an index probe per row (`+charge_start` keeps SQLite off the index). The count is
            // answered from the index alone.
            let inWindow =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM bill_line WHERE charge_start >= ? AND charge_start < ?",
                    arguments: [filter.from.seconds, filter.to.seconds]) ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT coalesce(sum(row_count), 0) FROM bill_file") ?? 0
            let column = inWindow * 4 > total ? "+charge_start" : "charge_start"
            var conditions = ["\(column) >= ?", "\(column) < ?"]
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
            // The rows are read once, in index order, and summed here per charge (13 text ids) and scale in
            // Int64 (overflow spills into Decimal): no SQL sort of a million rows by thirteen columns.
            let keys = [
                "provider", "currency", "charge_category", "charge_class", "service_name", "service_code",
                "usage_type", "pricing_unit", "consumed_unit", "charge_description", "instance_type",
                "pricing_category", "commitment_id IS NOT NULL",
            ]
            let sql = """
                SELECT \(keys.joined(separator: ", ")), billed_cost, coalesce(consumed_quantity, pricing_quantity), line
                FROM bill_line WHERE \(conditions.joined(separator: " AND "))
                """
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(StatementArguments(arguments))
            let s = statement.sqliteStatement
            var slots: [ChargeKey: Int] = [:]
            var accumulators: [ChargeAccumulator] = []
            while try BillRowStore.step(s, db) {
                // Text ids are `bill_text` rowids (1 and up), so SQLite's 0 for NULL stands for "no text".
                var values = SIMD16<Int64>(repeating: 0)
                for c in 0..<13 { values[c] = sqlite3_column_int64(s, Int32(c)) }
                let key = ChargeKey(values)
                let slot: Int
                if let known = slots[key] {
                    slot = known
                } else {
                    slot = accumulators.count
                    slots[key] = slot
                    accumulators.append(ChargeAccumulator())
                }
                try accumulators[slot].cost.add(s, 13)
                try accumulators[slot].quantity.add(s, 14)
                accumulators[slot].rows += 1
                accumulators[slot].firstLine = min(accumulators[slot].firstLine, Int(sqlite3_column_int64(s, 15)))
            }
            var out: [BillChargeSum] = []
            for (key, slot) in slots {
                let acc = accumulators[slot]
                func text(_ c: Int) throws -> String? { key.values[c] <= 0 ? nil : try texts.text(key.values[c]) }
                let charge = BillCharge(
                    provider: try text(0) ?? "", currency: try text(1) ?? "", chargeCategory: try text(2) ?? "",
                    chargeClass: try text(3), serviceName: try text(4) ?? "", serviceCode: try text(5),
                    usageType: try text(6), pricingUnit: try text(7), consumedUnit: try text(8),
                    chargeDescription: try text(9), instanceType: try text(10),
                    pricing: try text(11).flatMap(BillPricing.init(rawValue:)), committed: key.values[12] == 1)
                out.append(
                    BillChargeSum(
                        charge: charge, billedCost: acc.cost.total, quantity: acc.quantity.total, rows: acc.rows,
                        lines: [acc.firstLine]))
            }
            return out
        }
    }

    /// What is loaded per provider, account and currency: periods, rows and the exact Σ BilledCost (Σ units per
    /// scale in Int64 while the rows stream by, combined as Decimal — never SQLite's floating point).
    public func billSummaries() throws -> [BillSummary] {
        try writer.read { db in
            var texts = BillTexts(db: db)
            struct Running {
                var cost = AmountSum()
                var from = Int64.max
                var to = Int64.min
                var rows = 0
                var files = Set<Int64>()
            }
            var slots: [SIMD4<Int64>: Int] = [:]
            var running: [Running] = []
            let statement = try db.makeStatement(
                sql: "SELECT provider, account, currency, billed_cost, charge_start, charge_end, file_id FROM bill_line"
            )
            let s = statement.sqliteStatement
            while try BillRowStore.step(s, db) {
                let key = SIMD4<Int64>(
                    sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2), 0)
                let slot: Int
                if let known = slots[key] {
                    slot = known
                } else {
                    slot = running.count
                    slots[key] = slot
                    running.append(Running())
                }
                try running[slot].cost.add(s, 3)
                running[slot].from = min(running[slot].from, sqlite3_column_int64(s, 4))
                running[slot].to = max(running[slot].to, sqlite3_column_int64(s, 5))
                running[slot].rows += 1
                running[slot].files.insert(sqlite3_column_int64(s, 6))
            }
            var out: [BillSummary] = []
            for (key, slot) in slots {
                let r = running[slot]
                var summary = BillSummary(
                    provider: try texts.text(key[0]) ?? "", accountId: try texts.text(key[1]) ?? "",
                    currency: try texts.text(key[2]) ?? "", from: BillInstant(seconds: r.from),
                    to: BillInstant(seconds: r.to))
                summary.rows = r.rows
                summary.billedCost = Money(r.cost.total)
                summary.files = r.files.count
                out.append(summary)
            }
            return out.sorted {
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
