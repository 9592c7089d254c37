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
    }

    /// The row of `cells` (one per header column) found at `line`, read and checked by `BillLineReader`.
    public func row(_ cells: some BillCells, line: Int) throws(BillProblem) -> BillRow {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        for i in 0..<cells.cellCount {
            starts.append(bytes.count)
            cells.withCellBytes(i) { bytes.append(contentsOf: $0) }
            ends.append(bytes.count)
        }
        var reader = BillLineReader(self)
        let values = try bytes.withUnsafeBufferPointer { b throws(BillProblem) in
            try starts.withUnsafeBufferPointer { s throws(BillProblem) in
                try ends.withUnsafeBufferPointer { e throws(BillProblem) in
                    try reader.line(BillRecordView(bytes: b, starts: s, ends: e), line: line)
                }
            }
        }
        return reader.row(values)
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
