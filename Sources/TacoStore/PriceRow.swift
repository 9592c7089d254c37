import GRDB

/// One `price` row as written: the key, the exact USD text, when it takes effect, and where it came from.
public struct PriceRow: Sendable, Hashable {
    public var service: String
    public var region: String
    public var product: String
    public var engineOS: String
    public var purchaseOption: String
    public var unit: String
    /// Exact decimal text for ONE unit, e.g. `0.0000012500`.
    public var usd: String
    /// `YYYY-MM-DD` from which the price is in force.
    public var effectiveFrom: String
    public var source: String
    public var confidence: String
    /// The imported file's name; empty for the bundled book.
    public var sourceFile = ""
    /// The file's publication timestamp and version as AWS printed them.
    public var publication = ""
    public var version = ""
    public var sku = ""
    /// `OnDemand` or `Reserved` (AWS term type); Spot history rows use `Spot`.
    public var term = "OnDemand"
    /// Reserved-term attributes as AWS spells them (`1yr`, `No Upfront`, `standard`).
    public var leaseLength = ""
    public var reservedPurchaseOption = ""
    public var offeringClass = ""
    /// Availability Zone for per-zone prices (Spot history); empty otherwise.
    public var zone = ""
    public var note = ""
    /// True when `effectiveFrom` is the price's documented start, not just the earliest evidence for it.
    public var startDocumented = false

    public init(
        service: String, region: String, product: String, engineOS: String, purchaseOption: String, unit: String,
        usd: String, effectiveFrom: String, source: String, confidence: String
    ) {
        self.service = service
        self.region = region
        self.product = product
        self.engineOS = engineOS
        self.purchaseOption = purchaseOption
        self.unit = unit
        self.usd = usd
        self.effectiveFrom = effectiveFrom
        self.source = source
        self.confidence = confidence
    }
}

/// A prepared `INSERT OR IGNORE INTO price` reused for every row of one transaction.
struct PriceInserter {
    private let statement: Statement
    private let db: Database

    init(_ db: Database) throws {
        self.db = db
        statement = try db.makeStatement(
            sql: """
                INSERT OR IGNORE INTO price (service, region, product, engine_os, purchase_option, unit, usd,
                    effective_from, source, confidence, source_file, publication, version, sku, term, lease_length,
                    reserved_purchase_option, offering_class, zone, note, start_documented)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// Inserts `row`; false when an identical key/day/source/zone row was already there.
    @discardableResult
    func insert(_ row: PriceRow) throws -> Bool {
        try statement.execute(arguments: [
            row.service, row.region, row.product, row.engineOS, row.purchaseOption, row.unit, row.usd,
            row.effectiveFrom, row.source, row.confidence, row.sourceFile, row.publication, row.version, row.sku,
            row.term, row.leaseLength, row.reservedPurchaseOption, row.offeringClass, row.zone, row.note,
            row.startDocumented ? 1 : 0,
        ])
        return db.changesCount > 0
    }
}
