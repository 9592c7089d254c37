import Foundation

/// The attribution pushed down to the engine that holds the bill (`reconcile --sql`): one SQL query over a FOCUS
/// table with its standard column names that sums the selected rows per distinct charge (`BillCharge`). Its output,
/// saved as CSV, is what `reconcile --from-aggregate FILE` reads; tacoplan then attributes the few thousand charges
/// exactly as it attributes the rows it stores (`BillTally`), so the rule lives in one place.
public struct ReconcileQuery: Sendable {
    /// The SQL engine the query is written for.
    public enum Dialect: String, Sendable, CaseIterable {
        /// Amazon Athena (engine v3, Trino-based) over the Data Exports FOCUS table: Tags is a map.
        case athena
        /// Trino with the same table.
        case trino
        /// DuckDB, e.g. over `read_csv('focus.csv', all_varchar = true, nullstr = 'NULL')`: Tags is JSON text.
        case duckdb
    }

    /// Which columns the table has beyond FOCUS's own.
    public enum Columns: String, Sendable, CaseIterable {
        /// AWS Data Exports "FOCUS with AWS columns": also `x_ServiceCode` and `x_UsageType`.
        case aws
        /// FOCUS columns only.
        case focus
    }

    /// The decimal type money and quantities are summed in: 38 digits, 16 after the point (FOCUS and CUR write at
    /// most 11; tacoplan's own limit is `BillAmount.Limits`).
    public static let decimalType = "DECIMAL(38, 16)"

    /// The output columns, in order: the charge, then its sums (`BillAggregateReader` reads them by name).
    public static let outputColumns = [
        "provider", "currency", "charge_category", "charge_class", "service_name", "service_code", "usage_type",
        "pricing_unit", "consumed_unit", "charge_description", "pricing_category", "committed", "billed_cost",
        "quantity", "rows",
    ]

    public var dialect: Dialect
    public var table: String
    public var columns: Columns
    public var from: BillInstant
    public var to: BillInstant
    public var account: String?
    public var tags: [(key: String, value: String)]

    public init(
        dialect: Dialect, table: String, columns: Columns, from: BillInstant, to: BillInstant, account: String?,
        tags: [(key: String, value: String)]
    ) {
        self.dialect = dialect
        self.table = table
        self.columns = columns
        self.from = from
        self.to = to
        self.account = account
        self.tags = tags
    }

    /// True for a table name made of letters, digits, `_`, `.` and `-` only (the query quotes nothing else): a
    /// name is never pasted into SQL unchecked.
    public static func isValidTable(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 255
            && name.unicodeScalars.allSatisfy {
                (("a"..."z").contains($0) || ("A"..."Z").contains($0)
                    || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "-")
            }
    }

    /// A SQL string literal: single quotes doubled; control characters never reach it (they are refused by the
    /// CLI's tag and account checks, and escaped here as a last line).
    static func literal(_ s: String) -> String {
        "'"
            + s.replacingOccurrences(of: "'", with: "''").unicodeScalars.filter { $0.value >= 0x20 }.map(String.init)
            .joined() + "'"
    }

    func text(_ column: String) -> String { "NULLIF(TRIM(\(column)), '')" }
    func number(_ column: String) -> String { "TRY_CAST(\(column) AS \(Self.decimalType))" }
    func timestamp(_ i: BillInstant) -> String {
        let t = i.description.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
        return "TIMESTAMP '\(t)'"
    }
    var start: String {
        dialect == .duckdb
            ? "TRY_CAST(replace(replace(ChargePeriodStart, 'T', ' '), 'Z', '') AS TIMESTAMP)" : "ChargePeriodStart"
    }
    func tag(_ key: String) -> String {
        switch dialect {
        case .duckdb:
            "json_extract_string(Tags, \(Self.literal("$.\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\"")))"
        case .athena, .trino: "element_at(Tags, \(Self.literal(key)))"
        }
    }

    /// The query text.
    public var sql: String {
        let aws = columns == .aws
        var conditions = ["\(start) >= \(timestamp(from))", "\(start) < \(timestamp(to))"]
        if let account {
            conditions.append(
                "(BillingAccountId = \(Self.literal(account)) OR SubAccountId = \(Self.literal(account)))")
        }
        for t in tags {
            let v = Self.literal(t.value)
            conditions.append("(\(tag(t.key)) = \(v) OR \(tag("user:" + t.key)) = \(v))")
        }
        let selected = [
            ("provider", text("ProviderName")), ("currency", text("BillingCurrency")),
            ("charge_category", text("ChargeCategory")), ("charge_class", text("ChargeClass")),
            ("service_name", text("ServiceName")),
            ("service_code", aws ? text("x_ServiceCode") : "CAST(NULL AS VARCHAR)"),
            ("usage_type", aws ? text("x_UsageType") : "CAST(NULL AS VARCHAR)"),
            ("pricing_unit", text("PricingUnit")), ("consumed_unit", text("ConsumedUnit")),
            ("charge_description", text("ChargeDescription")), ("pricing_category", text("PricingCategory")),
            ("committed", "\(text("CommitmentDiscountId")) IS NOT NULL"),
        ]
        let sums = [
            ("billed_cost", "sum(\(number("BilledCost")))"),
            ("quantity", "sum(coalesce(\(number("ConsumedQuantity")), \(number("PricingQuantity")), 0))"),
            ("rows", "count(*)"),
        ]
        let lines = (selected + sums).map { "  \($0.1) AS \($0.0)" }.joined(separator: ",\n")
        let keys = selected.indices.map { "\($0 + 1)" }.joined(separator: ", ")
        return """
            -- tacoplan reconcile: the bill's rows summed per distinct charge (\(dialect.rawValue), \(columns.rawValue) columns).
            -- Save the result as CSV (header included) and run: tacoplan reconcile PLAN --from-aggregate FILE …
            SELECT
            \(lines)
            FROM \(table)
            WHERE \(conditions.joined(separator: "\n  AND "))
            GROUP BY \(keys)
            ORDER BY \(keys);

            """
    }
}

/// Reads the CSV a warehouse wrote from `ReconcileQuery` (`reconcile --from-aggregate`): one charge and its sums a
/// row, columns by name, sums exact (`BillAmount`).
public enum BillAggregateReader {
    public static func read(_ text: String, file: String) throws(BillProblem) -> [BillChargeSum] {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            throw BillProblem(
                file: file, line: error.line, message: error.message, fix: "save the query's result as CSV")
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() { index[name] = i }
        let missing = ReconcileQuery.outputColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw BillProblem(
                file: file, line: 1, message: "missing column(s) \(missing.joined(separator: ", "))",
                fix: "run the query `tacoplan reconcile PLAN --sql athena` prints and save its whole result as CSV")
        }
        var out: [BillChargeSum] = []
        for (line, fields) in table.rows {
            guard fields.count == header.count else {
                throw BillProblem(
                    file: file, line: line, message: "\(fields.count) fields where the header has \(header.count)",
                    fix: "check for an unquoted comma or a cut line")
            }
            func cell(_ name: String) -> String? {
                guard let i = index[name] else { return nil }
                let v = fields[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty || v == "NULL" ? nil : v
            }
            func amount(_ name: String) throws(BillProblem) -> Decimal {
                guard let v = cell(name) else { return 0 }
                guard case .success(let a) = BillAmount.parse(v) else {
                    throw BillProblem(
                        file: file, line: line, column: name,
                        message: "'\(Excerpt.quoted(v))' is not an exact decimal in range",
                        fix: "write the sums as decimals (the query casts to \(ReconcileQuery.decimalType))")
                }
                return a.decimal
            }
            guard let rows = cell("rows").flatMap(Int.init), rows > 0 else {
                throw BillProblem(
                    file: file, line: line, column: "rows", message: "not a positive row count",
                    fix: "keep the query's count(*) column")
            }
            let committed = (cell("committed") ?? "false").lowercased()
            guard ["true", "false", "1", "0", "t", "f"].contains(committed) else {
                throw BillProblem(
                    file: file, line: line, column: "committed",
                    message: "'\(Excerpt.quoted(committed))' is not true or false",
                    fix: "keep the query's boolean column")
            }
            let usage = cell("usage_type")
            let charge = BillCharge(
                provider: cell("provider") ?? "", currency: cell("currency") ?? "",
                chargeCategory: cell("charge_category") ?? "", chargeClass: cell("charge_class"),
                serviceName: cell("service_name") ?? "", serviceCode: cell("service_code"), usageType: usage,
                pricingUnit: cell("pricing_unit"), consumedUnit: cell("consumed_unit"),
                chargeDescription: cell("charge_description"),
                instanceType: BillRowReader.instanceType(column: nil, details: nil, usageType: usage),
                pricing: cell("pricing_category").flatMap(BillPricing.init(text:)),
                committed: ["true", "1", "t"].contains(committed))
            out.append(
                BillChargeSum(
                    charge: charge, billedCost: try amount("billed_cost"), quantity: try amount("quantity"),
                    rows: rows))
        }
        return out
    }
}
