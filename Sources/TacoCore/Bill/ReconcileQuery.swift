import Foundation

/// The attribution pushed down to the engine that holds the bill (`reconcile --sql`): one SQL query over a FOCUS
/// or CUR 2.0 table with its standard column names, mapped to FOCUS as `bill import` maps them, that sums the selected rows per distinct charge (`BillCharge`). Its output,
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

    /// The table's schema.
    public enum Columns: String, Sendable, CaseIterable {
        /// AWS Data Exports "FOCUS with AWS columns": also `x_ServiceCode` and `x_UsageType`.
        case aws
        /// FOCUS columns only.
        case focus
        /// AWS Data Exports CUR 2.0 (`COST_AND_USAGE_REPORT`, a fixed schema): snake_case columns, read through
        /// `BillFormat.cur2`'s mapping; `resource_tags` a map (Athena, Trino) or JSON text (DuckDB).
        case cur2
    }

    /// The decimal type money and quantities are summed in: 38 digits, 16 after the point (FOCUS and CUR write at
    /// most 11; tacoplan's own limit is `BillAmount.Limits`).
    public static let decimalType = "DECIMAL(38, 16)"

    /// The output columns an aggregate must have: the charge, then its sums (`BillAggregateReader` reads them by
    /// name; the query writes `instance_type` after `committed`).
    public static let outputColumns = [
        "provider", "currency", "charge_category", "charge_class", "service_name", "service_code", "usage_type",
        "pricing_unit", "consumed_unit", "charge_description", "pricing_category", "committed", "billed_cost",
        "quantity", "rows",
    ]
    /// Output columns read when present: `instance_type` (CUR 2.0's `product_instance_type`; without it, or when
    /// empty, the usage type's `…Usage:TYPE` suffix names the instance type, as in `bill import`).
    public static let optionalOutputColumns = ["instance_type"]

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
    /// The table's column for `field`: its FOCUS name, or the CUR 2.0 source `bill import` reads.
    func column(_ field: BillField) -> String {
        switch columns {
        case .aws, .focus: field.rawValue
        case .cur2: BillFormat.cur2.columns(field).first ?? field.rawValue
        }
    }
    /// Several CUR 2.0 columns for one field, first non-empty wins on each row as in `bill import`
    /// (`BillRowReader.fallbackOf`): the table has all of them (CUR 2.0's schema is fixed).
    func coalesced(_ field: BillField, _ read: (String) -> String) -> String {
        let names = columns == .cur2 ? BillFormat.cur2.columns(field) : [field.rawValue]
        return names.count == 1 ? read(names[0]) : "COALESCE(\(names.map(read).joined(separator: ", ")))"
    }
    var start: String {
        let c = column(.chargeStart)
        return dialect == .duckdb ? "TRY_CAST(replace(replace(\(c), 'T', ' '), 'Z', '') AS TIMESTAMP)" : c
    }
    func tag(_ key: String) -> String {
        let tags = column(.tags)
        return switch dialect {
        case .duckdb:
            "json_extract_string(\(tags), \(Self.literal("$.\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\"")))"
        case .athena, .trino: "element_at(\(tags), \(Self.literal(key)))"
        }
    }
    /// `CASE expression WHEN key THEN value … ELSE otherwise END` over a mapping, keys sorted.
    static func mapped(_ expression: String, _ map: [String: String], otherwise: String) -> String {
        let whens = map.keys.sorted().map { "WHEN \(literal($0)) THEN \(literal(map[$0] ?? ""))" }
        return "CASE \(expression) \(whens.joined(separator: " ")) ELSE \(otherwise) END"
    }

    /// The charge's columns (`BillCharge`), as `bill import` derives them from the table's.
    var selected: [(String, String)] {
        let null = "CAST(NULL AS VARCHAR)"
        switch columns {
        case .aws, .focus:
            let aws = columns == .aws
            return [
                ("provider", text("ProviderName")), ("currency", text("BillingCurrency")),
                ("charge_category", text("ChargeCategory")), ("charge_class", text("ChargeClass")),
                ("service_name", text("ServiceName")),
                ("service_code", aws ? text("x_ServiceCode") : null),
                ("usage_type", aws ? text("x_UsageType") : null),
                ("pricing_unit", text("PricingUnit")), ("consumed_unit", text("ConsumedUnit")),
                ("charge_description", text("ChargeDescription")), ("pricing_category", text("PricingCategory")),
                ("committed", "\(text("CommitmentDiscountId")) IS NOT NULL"), ("instance_type", null),
            ]
        case .cur2:
            // As BillRowReader.row: the provider is AWS; the line item type maps to a ChargeCategory (a type the
            // importer does not know stays as written: a charge, never usage); the product code names the
            // service; usage covered by a reservation or Savings Plan is Committed, a SpotUsage type Dynamic, else
            // `pricing_term` (OnDemand, Reserved … read by BillPricing); there is no ChargeClass.
            let type = text(column(.chargeCategory))
            let code = text(column(.serviceName))
            let usage = text(column(.usageType))
            let committedUsage = BillRowReader.curCommittedUsage.keys.sorted().map(Self.literal)
            return [
                ("provider", Self.literal("AWS")), ("currency", text(column(.currency))),
                ("charge_category", Self.mapped(type, BillRowReader.curCategory, otherwise: type)),
                ("charge_class", null),
                ("service_name", Self.mapped(code, BillRowReader.curServiceNames, otherwise: code)),
                ("service_code", text(column(.serviceCode))), ("usage_type", usage),
                ("pricing_unit", text(column(.pricingUnit))), ("consumed_unit", text(column(.consumedUnit))),
                ("charge_description", text(column(.chargeDescription))),
                (
                    "pricing_category",
                    "CASE WHEN \(type) IN (\(committedUsage.joined(separator: ", "))) THEN 'Committed'"
                        + " WHEN \(usage) LIKE '%SpotUsage%' THEN 'Dynamic' ELSE \(text(column(.pricingCategory))) END"
                ),
                ("committed", "\(coalesced(.commitmentId, text)) IS NOT NULL"),
                ("instance_type", text(column(.instanceType))),
            ]
        }
    }

    /// The query text; its header comment names the commands that run it, as `spelling` writes them.
    public func sql(_ spelling: StepSpelling) -> String {
        var conditions = ["\(start) >= \(timestamp(from))", "\(start) < \(timestamp(to))"]
        if let account {
            let a = Self.literal(account)
            conditions.append("(\(column(.accountId)) = \(a) OR \(column(.subAccountId)) = \(a))")
        }
        for t in tags {
            let v = Self.literal(t.value)
            conditions.append("(\(tag(t.key)) = \(v) OR \(tag("user:" + t.key)) = \(v))")
        }
        let quantity =
            columns == .cur2
            ? "sum(coalesce(\(number(column(.consumedQuantity))), 0))"
            : "sum(coalesce(\(number("ConsumedQuantity")), \(number("PricingQuantity")), 0))"
        let sums = [
            ("billed_cost", "sum(\(coalesced(.billedCost, number)))"),
            ("quantity", quantity),
            ("rows", "count(*)"),
        ]
        let lines = (selected + sums).map { "  \($0.1) AS \($0.0)" }.joined(separator: ",\n")
        let keys = selected.indices.map { "\($0 + 1)" }.joined(separator: ", ")
        return """
            -- \(spelling(.run(.reconcile))): the bill's rows summed per distinct charge (\(dialect.rawValue), \(columns.rawValue) columns).
            -- Save the result as CSV (header included) and run: \(spelling(.reconcileFromAggregate)) …
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
    public static func read(_ text: String, file: String, spelling: StepSpelling) throws(BillProblem)
        -> [BillChargeSum]
    {
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
                fix:
                    "run the query `\(spelling(.printReconcileQuery(.athena)))` prints and save its whole result as CSV"
            )
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
                instanceType: BillRowReader.instanceType(
                    column: cell("instance_type"), details: nil, usageType: usage),
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
