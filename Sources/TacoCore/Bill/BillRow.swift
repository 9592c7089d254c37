import Foundation

/// One validated billed row (a FOCUS 1.2 charge, or a CUR 2.0 line item mapped to FOCUS names). Money stays
/// `Decimal` exactly as written in the file; `nil` is a NULL or empty cell.
public struct BillRow: Codable, Hashable, Sendable {
    /// 1-based line of the record in its file (the header is line 1).
    public var line: Int
    public var provider: String
    public var accountId: String
    public var accountName: String?
    public var subAccountId: String?
    /// ISO 4217 code; rows in different currencies are never summed together.
    public var currency: String
    /// The exact amounts as read (`BillAmount`: also packed for the store); the Decimal accessors below read them.
    public var billed: BillAmount
    public var effective: BillAmount?
    public var list: BillAmount?
    public var consumed: BillAmount?
    public var priced: BillAmount?
    public var billedCost: Decimal {
        get { billed.decimal }
        set { billed = BillAmount(newValue) }
    }
    public var effectiveCost: Decimal? {
        get { effective?.decimal }
        set { effective = newValue.map(BillAmount.init) }
    }
    public var listCost: Decimal? {
        get { list?.decimal }
        set { list = newValue.map(BillAmount.init) }
    }
    public var chargeStart: BillInstant
    public var chargeEnd: BillInstant
    /// FOCUS ChargeCategory: Usage, Purchase, Tax, Credit, Adjustment.
    public var chargeCategory: String
    public var chargeClass: String?
    public var chargeDescription: String?
    public var serviceName: String
    public var serviceCode: String?
    public var regionId: String?
    public var pricing: BillPricing?
    public var commitmentType: String?
    public var commitmentId: String?
    public var consumedQuantity: Decimal? {
        get { consumed?.decimal }
        set { consumed = newValue.map(BillAmount.init) }
    }
    public var consumedUnit: String?
    public var pricingQuantity: Decimal? {
        get { priced?.decimal }
        set { priced = newValue.map(BillAmount.init) }
    }
    public var pricingUnit: String?
    public var skuPriceId: String?
    public var resourceId: String?
    public var usageType: String?
    /// The EC2 or ElastiCache instance type when a column says it (x_InstanceType, SkuPriceDetails,
    /// product_instance_type) or the usage type ends in it (`BoxUsage:c7g.2xlarge`).
    public var instanceType: String?
    /// Tags as a JSON object text, keys sorted ("{}" when none).
    public var tags: String

    /// A row with its mandatory cells; the optional ones start nil (tags and extra "{}") and are set after.
    public init(
        line: Int, provider: String, accountId: String, currency: String, billedCost: Decimal,
        chargeStart: BillInstant, chargeEnd: BillInstant, chargeCategory: String, serviceName: String
    ) {
        self.init(
            line: line, provider: provider, accountId: accountId, currency: currency, billed: BillAmount(billedCost),
            chargeStart: chargeStart, chargeEnd: chargeEnd, chargeCategory: chargeCategory, serviceName: serviceName)
    }

    /// The same with the billed amount as read (no `Decimal` round trip per row while importing).
    init(
        line: Int, provider: String, accountId: String, currency: String, billed: BillAmount,
        chargeStart: BillInstant, chargeEnd: BillInstant, chargeCategory: String, serviceName: String
    ) {
        self.line = line
        self.provider = provider
        self.accountId = accountId
        self.currency = currency
        self.billed = billed
        self.chargeStart = chargeStart
        self.chargeEnd = chargeEnd
        self.chargeCategory = chargeCategory
        self.serviceName = serviceName
        tags = "{}"
    }

    /// True for Amazon Web Services rows, the only ones attributed to a plan.
    public var isAWS: Bool { BillRow.isAWS(provider) }

    /// "AWS" or "Amazon Web Services…" in any letter case, compared as ASCII bytes (no lowercased copy per row).
    static func isAWS(_ provider: String) -> Bool {
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        let u = provider.utf8
        if u.count == 3 { return zip(u, "aws".utf8).allSatisfy { lower($0) == $1 } }
        let prefix = "amazon web services".utf8
        return u.count >= prefix.count && zip(u, prefix).allSatisfy { lower($0) == $1 }
    }

    public var tagMap: [String: String] { BillRow.tagMap(tags) }

    /// The tags of a JSON object text as strings ([:] when it is not an object).
    public static func tagMap(_ tags: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(tags.utf8)) as? [String: Any] else {
            return [:]
        }
        return object.compactMapValues { v in (v as? String) ?? (v as? NSNumber).map { "\($0)" } }
    }
}

/// FOCUS PricingCategory: how a row was priced. CUR 2.0 rows map from `pricing_term`, the line item type and the
/// usage type (`SpotUsage`).
public enum BillPricing: String, Codable, Sendable, CaseIterable {
    /// Standard = On-Demand list rates.
    case standard = "Standard"
    /// Dynamic = Spot.
    case dynamic = "Dynamic"
    /// Committed = Reserved Instances or Savings Plans.
    case committed = "Committed"
    case other = "Other"

    /// FOCUS values and the synonyms older exports and CUR use.
    public init?(text: String) {
        // FOCUS's own spellings first: a bill repeats them on every row, and the folding below goes through
        // Foundation.
        switch text {
        case "Standard": self = .standard
        case "Dynamic": self = .dynamic
        case "Committed": self = .committed
        case "Other": self = .other
        default: self.init(folded: text)
        }
    }

    private init?(folded text: String) {
        switch text.lowercased().replacingOccurrences(of: " ", with: "") {
        case "standard", "on-demand", "ondemand": self = .standard
        case "dynamic", "spot": self = .dynamic
        case "committed", "commitment-based", "reserved", "savingsplan": self = .committed
        case "other": self = .other
        default: return nil
        }
    }
}

/// Limits on one bill file (every input has one).
public enum BillLimits {
    /// Largest decompressed file read: 8 GiB. AWS Data Exports split a month's export into several gzip parts
    /// well below this; a bigger single file is refused rather than read for hours.
    public static let maxBytes: Int64 = 8 << 30
    /// Longest record: 1 MiB. A FOCUS or CUR row is a few kilobytes even with many tags.
    public static let maxRecordBytes = 1 << 20
    /// Most columns: 1,024. CUR 2.0 has about 125 static columns, FOCUS 1.2 about 50 plus `x_` ones.
    public static let maxColumns = 1024
    /// Most decompressed bytes per compressed byte of a gzip bill: 200. CSV exports compress 10–30× (repeated
    /// column values); a file that inflates further is a decompression bomb, refused before it fills the disk.
    public static let maxGzipRatio: Int64 = 200
    /// Decompressed bytes always allowed, whatever the ratio (a small gzip of a small bill): 64 MiB.
    public static let gzipRatioFloor: Int64 = 64 << 20
    /// Most empty records in a row: 1,000. An export never has blank lines; a run of them is a damaged or hostile
    /// file, refused at once instead of being read to its end.
    public static let maxEmptyRecordRun = 1000
    /// Charge periods must lie in [2006-01-01, 2100-01-01): AWS billed its first service (S3) in March 2006, and a
    /// period in the next century is a typo or a hostile file, not a bill.
    public static let earliestCharge = BillInstant(seconds: 1_136_073_600)
    public static let latestCharge = BillInstant(seconds: 4_102_444_800)
}

/// A bill file that cannot be imported, by file, line and column, with what was expected and the fix.
public struct BillProblem: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var column: String?
    public var message: String
    public var fix: String

    public init(file: String, line: Int?, column: String? = nil, message: String, fix: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
    }

    public var diagnostic: Diagnostic {
        Diagnostic(message, at: Diagnostic.Location(file: file, line: line, columnName: column), fix: fix)
    }

    public var description: String { diagnostic.description }
}
