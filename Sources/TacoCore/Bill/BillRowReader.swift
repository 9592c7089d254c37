import Foundation

/// Turns the cells of one bill record into a validated `BillRow`: columns by name (`BillFormat`), NULL and empty
/// cells as nil, exact decimals, UTC periods with end after start, a currency code, tags as a JSON object, and
/// negative AWS usage only on credits, adjustments or corrections.
public struct BillRowReader: Sendable {
    public let file: String
    public let format: BillFormat
    public let header: [String]
    /// Column index of each field tacoplan reads (first present name wins).
    let index: [BillField: Int]
    /// The same by `BillField.ordinal` (-1: absent), read per cell.
    let columnOf: [Int]
    /// The next present column of a field that names several (-1: none), read when the first one's cell is empty
    /// or NULL on a row: CUR 2.0's net unblended cost else the unblended cost, a Savings Plan ARN else a reservation
    /// ARN, as `COALESCE` reads them in `ReconcileQuery`.
    let fallbackOf: [Int]
    /// Normalised tag texts already seen by this reader (a bill repeats a few tag sets on millions of rows).
    let tagMemo: TagMemo?

    /// Checks the header: a known format, required columns present, no duplicate names, within the limits.
    public init(file: String, header raw: [String]) throws(BillProblem) {
        let header = raw.enumerated().map {
            $0.offset == 0 ? String($0.element.trimmingPrefix("\u{FEFF}")) : $0.element
        }
        self.file = file
        self.header = header
        guard header.count <= BillLimits.maxColumns else {
            throw BillProblem(
                file: file, line: 1, message: "\(header.count) columns, more than \(BillLimits.maxColumns)",
                fix: "export only the FOCUS or CUR 2.0 columns")
        }
        guard let format = BillFormat.detect(header) else {
            throw BillProblem(
                file: file, line: 1,
                message: "not a FOCUS or CUR 2.0 bill: the header has neither BilledCost nor line_item_unblended_cost",
                fix: "export the bill from AWS Data Exports as FOCUS 1.0–1.2 or CUR 2.0, CSV (optionally gzip)")
        }
        self.format = format
        var position: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            guard position[name] == nil else {
                throw BillProblem(
                    file: file, line: 1, column: name, message: "the column '\(name)' appears twice",
                    fix: "remove the duplicate column")
            }
            position[name] = i
        }
        var index: [BillField: Int] = [:]
        var fallbackOf = [Int](repeating: -1, count: BillField.allCases.count)
        for field in BillField.allCases {
            let present = format.columns(field).compactMap { position[$0] }
            if let i = present.first { index[field] = i }
            if present.count > 1 { fallbackOf[field.ordinal] = present[1] }
        }
        let missing = format.required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { format.columns($0).joined(separator: " or ") }
            throw BillProblem(
                file: file, line: 1, message: "missing required column(s): \(names.joined(separator: ", "))",
                fix: "export the \(format == .focus ? "FOCUS" : "CUR 2.0") columns listed in Docs/Billing.md")
        }
        self.index = index
        var columnOf = [Int](repeating: -1, count: BillField.allCases.count)
        for (field, i) in index { columnOf[field.ordinal] = i }
        self.columnOf = columnOf
        self.fallbackOf = fallbackOf
        tagMemo = TagMemo()
    }

    /// The row of `cells` (one per header column) found at `line`; only the columns read become Strings.
    public func row(_ cells: some BillCells, line: Int) throws(BillProblem) -> BillRow {
        guard cells.cellCount == header.count else {
            throw BillProblem(
                file: file, line: line, message: "\(cells.cellCount) fields where the header has \(header.count)",
                fix: "check for an unquoted comma or a cut line")
        }
        func text(_ f: BillField) -> String? {
            let i = columnOf[f.ordinal]
            guard i >= 0 else { return nil }
            let fallback = fallbackOf[f.ordinal]
            return cellText(i) ?? (fallback >= 0 ? cellText(fallback) : nil)
        }
        func cellText(_ i: Int) -> String? {
            let v = cells.cell(i)
            guard let first = v.utf8.first, let last = v.utf8.last else { return nil }
            if first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09 {
                let t = v.trimmingCharacters(in: .whitespaces)
                return t.isEmpty || t == "NULL" ? nil : t
            }
            return v == "NULL" ? nil : v
        }
        func column(_ f: BillField) -> String { index[f].map { header[$0] } ?? f.rawValue }
        func problem(_ f: BillField, _ message: String, _ fix: String) -> BillProblem {
            BillProblem(file: file, line: line, column: column(f), message: message, fix: fix)
        }
        func required(_ f: BillField) throws(BillProblem) -> String {
            guard let v = text(f) else {
                throw problem(f, "empty or NULL", "every row needs \(column(f)) (FOCUS 1.2: mandatory)")
            }
            return v
        }
        func amount(_ f: BillField) throws(BillProblem) -> BillAmount? {
            let fallback = fallbackOf[f.ordinal]
            if let a = try cellAmount(columnOf[f.ordinal]) { return a }
            return fallback >= 0 ? try cellAmount(fallback) : nil
        }
        func cellAmount(_ i: Int) throws(BillProblem) -> BillAmount? {
            guard i >= 0 else { return nil }
            // The common case straight from the bytes; a padded or refused cell goes the String way for its message.
            let fast: BillAmount?? = cells.withCellBytes(i) { b in
                switch BillCellShape(b) {
                case .null: return .some(nil)
                case .padded: return nil
                case .plain:
                    if case .success(let a) = BillAmount.parse(b) { return .some(a) }
                    return nil
                }
            }
            if let fast { return fast }
            guard let v = cellText(i) else { return nil }
            switch BillAmount.parse(v) {
            case .success(let a): return a
            case .failure(.notANumber):
                throw BillProblem(
                    file: file, line: line, column: header[i], message: "'\(Excerpt.quoted(v))' is not a number",
                    fix: "write a decimal such as 0.00001605990 or 1.5E-4")
            case .failure(.outOfRange(let why)):
                throw BillProblem(
                    file: file, line: line, column: header[i],
                    message: "'\(Excerpt.quoted(v))' is outside the range of a bill amount: \(why)",
                    fix: "check the export; amounts are refused rather than rounded (Docs/Billing.md \"Limits\")")
            }
        }
        func instant(_ f: BillField) throws(BillProblem) -> BillInstant {
            let i = columnOf[f.ordinal]
            if i >= 0, let t = cells.withCellBytes(i, BillInstant.fixed),
                t >= BillLimits.earliestCharge, t <= BillLimits.latestCharge
            {
                return t
            }
            let v = try required(f)
            guard let t = BillInstant(text: v) else {
                throw problem(
                    f, "'\(Excerpt.quoted(v))' is not a UTC date-time",
                    "write UTC as 2024-09-01T00:00:00Z or 2024-09-01 00:00:00 (bills are UTC; no other offset)")
            }
            guard t >= BillLimits.earliestCharge, t <= BillLimits.latestCharge else {
                throw problem(
                    f,
                    "'\(Excerpt.quoted(v))' is outside the plausible charge periods (\(BillLimits.earliestCharge) → \(BillLimits.latestCharge))",
                    "check the export's dates; AWS billing began in 2006")
            }
            return t
        }
        let billed = try amount(.billedCost)
        guard let billed else { throw problem(.billedCost, "empty or NULL", "every row has a billed cost, 0 included") }
        let currency = try required(.currency)
        guard BillCurrency.isKnown(currency) else {
            throw problem(
                .currency, "'\(Excerpt.quoted(currency))' is not an ISO 4217 currency code",
                "write an active ISO 4217 code such as USD or EUR")
        }
        let start = try instant(.chargeStart)
        let end = try instant(.chargeEnd)
        guard start < end else {
            throw problem(
                .chargeEnd, "the charge period ends (\(end)) before or when it starts (\(start))",
                "ChargePeriodEnd is exclusive and must be after ChargePeriodStart")
        }
        let lineItemType = format == .cur2 ? try required(.chargeCategory) : nil
        var category: String
        if let t = lineItemType {
            guard let c = BillRowReader.curCategory[t] else {
                throw problem(
                    .chargeCategory, "unknown line item type '\(t)'",
                    "expected one of \(BillRowReader.curCategory.keys.sorted().joined(separator: ", "))")
            }
            category = c
        } else {
            category = try required(.chargeCategory)
        }
        var pricing: BillPricing?
        if let p = text(.pricingCategory) {
            guard let value = BillPricing(text: p) else {
                throw problem(
                    .pricingCategory, "unknown pricing category '\(p)'",
                    "FOCUS PricingCategory is Standard, Dynamic, Committed or Other")
            }
            pricing = value
        }
        let usageType = text(.usageType)
        var commitmentType = text(.commitmentType)
        if format == .cur2 {
            if usageType?.contains("SpotUsage") == true { pricing = .dynamic }
            if let t = lineItemType, let kind = BillRowReader.curCommittedUsage[t] {
                (pricing, commitmentType) = (.committed, kind)
            }
        }
        let provider = format == .cur2 ? "AWS" : try required(.providerName)
        let code = text(.serviceCode)
        let service =
            format == .cur2 ? BillRowReader.curServiceName(try required(.serviceName)) : try required(.serviceName)
        var row = BillRow(
            line: line, provider: provider, accountId: try required(.accountId), currency: currency,
            billed: billed, chargeStart: start, chargeEnd: end, chargeCategory: category, serviceName: service)
        row.accountName = text(.accountName)
        row.subAccountId = text(.subAccountId)
        row.effective = try amount(.effectiveCost)
        row.list = try amount(.listCost)
        row.chargeClass = text(.chargeClass)
        row.chargeDescription = text(.chargeDescription)
        row.serviceCode = code
        row.regionId = text(.regionId)
        row.pricing = pricing
        row.commitmentType = commitmentType
        row.commitmentId = text(.commitmentId)
        row.consumed = try amount(.consumedQuantity)
        row.consumedUnit = text(.consumedUnit)
        row.priced = try amount(.pricingQuantity)
        row.pricingUnit = text(.pricingUnit)
        row.skuPriceId = text(.skuPriceId)
        row.resourceId = text(.resourceId)
        row.usageType = usageType
        row.instanceType = BillRowReader.instanceType(
            column: text(.instanceType), details: text(.skuPriceDetails), usageType: usageType)
        if let t = text(.tags), t != "{}" {
            guard let json = tagMemo?.json(t) ?? BillRowReader.sortedJSONObject(t) else {
                throw problem(.tags, "the tags are not a JSON object", "write tags as {\"key\": \"value\"}, or NULL")
            }
            row.tags = json
        }
        let negative: BillField? =
            row.consumed?.isNegative == true
            ? .consumedQuantity : row.priced?.isNegative == true ? .pricingQuantity : nil
        let creditLike =
            row.chargeCategory == "Credit" || row.chargeCategory == "Adjustment" || row.chargeClass == "Correction"
        if let negative, row.isAWS, !creditLike {
            throw problem(
                negative, "negative usage on a '\(row.chargeCategory)' row",
                "negative quantities belong on Credit or Adjustment rows (or ChargeClass Correction); check the export")
        }
        if row.billed.isNegative, row.isAWS, row.chargeCategory == "Usage", !creditLike {
            throw problem(
                .billedCost,
                "a negative cost (\(Excerpt.quoted(NSDecimalNumber(decimal: row.billedCost).stringValue))) on a Usage row",
                "credits, refunds and discounts are Credit or Adjustment rows (or ChargeClass Correction); check the export"
            )
        }
        return row
    }

    /// CUR 2.0 `line_item_line_item_type` → FOCUS ChargeCategory (FinOps Foundation focus_converters).
    static let curCategory: [String: String] = [
        "Usage": "Usage", "DiscountedUsage": "Usage", "SavingsPlanCoveredUsage": "Usage", "Credit": "Credit",
        "Refund": "Credit", "Tax": "Tax", "Fee": "Purchase", "RIFee": "Purchase", "SavingsPlanRecurringFee": "Purchase",
        "SavingsPlanUpfrontFee": "Purchase", "SavingsPlanNegation": "Adjustment", "BundledDiscount": "Adjustment",
        "EdpDiscount": "Adjustment", "PrivateRateDiscount": "Adjustment", "Discount": "Adjustment",
        "DistributorDiscount": "Adjustment",
    ]

    /// CUR 2.0 product codes → the FOCUS ServiceName AWS writes for them (as in the FOCUS sample); any other code
    /// is its own name.
    static let curServiceNames: [String: String] = [
        "AmazonEC2": "Amazon Elastic Compute Cloud", "AmazonElastiCache": "Amazon ElastiCache",
        "AmazonEKS": "Amazon Elastic Container Service for Kubernetes", "AmazonDynamoDB": "Amazon DynamoDB",
        "AWSDataTransfer": "AWS Data Transfer", "AmazonS3": "Amazon Simple Storage Service",
        "AmazonCloudWatch": "AmazonCloudWatch",
    ]

    static func curServiceName(_ code: String) -> String { curServiceNames[code] ?? code }

    /// CUR 2.0 `line_item_line_item_type`s that are usage covered by a commitment: PricingCategory Committed and
    /// this CommitmentDiscountType whatever `pricing_term` says.
    static let curCommittedUsage = ["DiscountedUsage": "Reservation", "SavingsPlanCoveredUsage": "Savings Plan"]

    /// An exact decimal from text: digits with an optional sign, point and exponent; nothing else.
    public static func decimal(_ text: String) -> Decimal? {
        if case .success(let a) = BillAmount.parse(text) { return a.decimal }
        return nil
    }

    /// The previous exact-decimal check, kept for stored values of older imports.
    static func foundationDecimal(_ text: String) -> Decimal? {
        var digits = 0
        var point = false
        var exponent = false
        var expDigits = 0
        var previous: UInt8 = 0
        for (i, c) in text.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if exponent { expDigits += 1 } else { digits += 1 }
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard i == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            case UInt8(ascii: "."):
                guard !point, !exponent else { return nil }
                point = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !exponent, digits > 0 else { return nil }
                exponent = true
            default: return nil
            }
            previous = c
        }
        guard digits > 0, !exponent || expDigits > 0 else { return nil }
        return Decimal(string: text, locale: posix)
    }

    static let posix = Locale(identifier: "en_US_POSIX")

    static func instanceType(column: String?, details: String?, usageType: String?) -> String? {
        if let column { return column }
        if let details, let object = try? JSONSerialization.jsonObject(with: Data(details.utf8)) as? [String: Any] {
            for key in ["InstanceType", "x_InstanceType", "instanceType"] {
                if let v = object[key] as? String { return v }
            }
        }
        guard let usageType, let colon = usageType.lastIndex(of: ":") else { return nil }
        let kind = usageType[..<colon]
        guard
            ["BoxUsage", "SpotUsage", "NodeUsage", "DedicatedUsage", "HeavyUsage"].contains(where: {
                kind.hasSuffix($0)
            })
        else { return nil }
        return String(usageType[usageType.index(after: colon)...])
    }

    static func sortedJSONObject(_ text: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return nil
        }
        var strings: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let s as String: strings[key] = s
            case let n as NSNumber: strings[key] = n.stringValue
            case is NSNull: continue
            default: return nil
            }
        }
        return json(strings)
    }

    /// A JSON object of strings, keys sorted by their UTF-8 bytes (RFC 8259 escaping).
    static func json(_ map: [String: String]) -> String {
        var out = "{"
        for (i, key) in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if i > 0 { out += "," }
            out += quoted(key) + ":" + quoted(map[key] ?? "")
        }
        return out + "}"
    }

    static func quoted(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

/// The cells of one record, read by column index: a `[String]`, or a record reader that makes a String only of the
/// columns asked for.
public protocol BillCells {
    var cellCount: Int { get }
    func cell(_ i: Int) -> String
    /// Calls `body` with cell `i`'s UTF-8 bytes: the cells read as numbers or instants need no String.
    func withCellBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R
}

extension BillCells {
    public func withCellBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var text = cell(i)
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}

/// What a cell's bytes are before they are read as a value: NULL or empty, padded with blanks (read through the
/// String path, which trims), or plain.
enum BillCellShape {
    case null, padded, plain

    init(_ b: UnsafeRawBufferPointer) {
        guard let first = b.first, let last = b.last else {
            self = .null
            return
        }
        if first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09 {
            self = .padded
        } else if b.count == 4, b[0] == 0x4E, b[1] == 0x55, b[2] == 0x4C, b[3] == 0x4C {  // NULL
            self = .null
        } else {
            self = .plain
        }
    }
}

extension Array: BillCells where Element == String {
    public var cellCount: Int { count }
    public func cell(_ i: Int) -> String { self[i] }
}

/// Tag texts already normalised, bounded (`capacity`): the same tag set on many rows is parsed once.
final class TagMemo: @unchecked Sendable {
    static let capacity = 4096
    private var seen: [String: String?] = [:]
    private var last: (text: String, json: String?)?
    private let lock = NSLock()

    func json(_ text: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.text == text { return last.json }
        if let hit = seen[text] {
            last = (text, hit)
            return hit
        }
        let json = BillRowReader.sortedJSONObject(text)
        if seen.count >= Self.capacity { seen.removeAll(keepingCapacity: true) }
        seen[text] = json
        last = (text, json)
        return json
    }
}
