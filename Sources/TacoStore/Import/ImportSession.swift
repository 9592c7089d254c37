import GRDB
import TacoCore

/// How far one file's import has got, for the progress line on stderr.
public struct ImportProgress: Sendable {
    public var file: String
    public var bytesRead: Int
    /// The file's size; nil when unknown.
    public var totalBytes: Int?
    public var rowsSeen: Int
    public var rowsKept: Int
}

/// Options for `pricing import`.
public struct ImportOptions: Sendable {
    /// Force the format instead of detecting it from the content.
    public var format: PriceListFormat?
    /// Also keep DynamoDB Standard-IA (`IA-…`) and replicated-write (`Repl…`) usage.
    public var includeDynamoDBExtras = false
    /// The day a Spot Advisor file was fetched (the file does not say); the CLI passes today.
    public var capturedOn: String
    /// The caller's clock as ISO-8601 text, for `import_run.started_at` / `finished_at`.
    public var now: @Sendable () -> String
    /// Called now and then while a file is read (about every 4 MB).
    public var progress: (@Sendable (ImportProgress) -> Void)?
    /// Import the valid rows of a file that also has rejected rows (conflicting keys are then dropped entirely);
    /// without it such a file fails the import and nothing is stored.
    public var acceptPartial = false

    public init(
        format: PriceListFormat? = nil, includeDynamoDBExtras: Bool = false, capturedOn: String,
        now: @escaping @Sendable () -> String, progress: (@Sendable (ImportProgress) -> Void)? = nil,
        acceptPartial: Bool = false
    ) {
        self.acceptPartial = acceptPartial
        self.format = format
        self.includeDynamoDBExtras = includeDynamoDBExtras
        self.capturedOn = capturedOn
        self.now = now
        self.progress = progress
    }
}

/// The writes of one import transaction: prepared statements and counters for the file being read.
final class ImportSession {
    let prices: PriceInserter
    let others: SpecAndSpotInserter
    let options: ImportOptions
    var rowsSeen = 0
    /// Rows the planner uses (added now or already present).
    var rowsKept = 0
    /// Rows that were new to the database.
    var rowsAdded = 0
    var specsAdded = 0
    /// Refused rows by reason, and the first example of each (`line 12: -5`).
    var rejected: [RejectReason: Int] = [:]
    var examples: [RejectReason: String] = [:]
    /// Kept prices of this file by key and day (see `conflictKey`), to find a key priced twice.
    private var pricesByKey: [ConflictKey: Substring] = [:]
    /// Keys priced differently by two rows: dropped at the end of the file under `--accept-partial`.
    private(set) var conflicted: [ConflictKey: PriceRow] = [:]
    /// Kept non-zero hourly prices, and how many of them are whole numbers from 1 to `smallWholeMax`.
    var hourlyPrices = 0
    var smallWholeHourlyPrices = 0
    /// A price column holding only whole numbers up to this (a vCPU count, a memory size) is not a price column.
    static let smallWholeMax = 1_024.0

    /// The plausible effective dates (`ValueRules`) as `YYYY-MM-DD` text, compared as text on the hot path.
    let earliestEffective = ValueRules.earliestEffectiveDate.description
    let latestEffective: String
    /// The last region code found in `AWSRegion.codes` (a regional file repeats one code on every row).
    private var knownRegion = ""

    init(_ db: Database, options: ImportOptions) throws {
        prices = try PriceInserter(db)
        others = try SpecAndSpotInserter(db)
        self.db = db
        self.options = options
        let today = Day(iso: options.now()) ?? Day(iso: options.capturedOn) ?? .epoch
        latestEffective = Day(ordinal: today.ordinal + ValueRules.effectiveDateLeadDays).description
    }

    /// Whether `region` is a known AWS Region code; an unknown one is counted as rejected (escaped in the example).
    func admitsRegion(_ region: String, place: @autoclosure () -> String) -> Bool {
        if region == knownRegion { return true }
        guard AWSRegion.isKnown(region) else {
            reject(.unknownRegion, place() + "'\(Excerpt.quoted(region))'")
            return false
        }
        knownRegion = region
        return true
    }

    /// The value rules every kept price row passes (region code, plausible effective date); a failing row is
    /// counted as rejected with its reason.
    func admits(_ row: PriceRow, place: @autoclosure () -> String) -> Bool {
        admits(region: row.region, product: row.product, effectiveFrom: row.effectiveFrom, place: place())
    }

    /// `admits` for a row's key fields.
    func admits(region: String, product: String, effectiveFrom: String, place: @autoclosure () -> String) -> Bool {
        guard admitsRegion(region, place: place()) else { return false }
        guard effectiveFrom >= earliestEffective && effectiveFrom <= latestEffective else {
            reject(.implausibleEffectiveDate, place() + "\(product) '\(effectiveFrom)'")
            return false
        }
        return true
    }

    private let db: Database

    /// Counts `reset` calls: a template's `settledPrice` from another file is not this file's.
    private var generation = 0

    func reset() {
        generation += 1
        rowsSeen = 0
        rowsKept = 0
        rowsAdded = 0
        specsAdded = 0
        rejected = [:]
        examples = [:]
        pricesByKey = [:]
        conflicted = [:]
        hourlyPrices = 0
        smallWholeHourlyPrices = 0
    }

    func keep(_ row: PriceRow) throws {
        rowsKept += 1
        if try prices.insert(row) { rowsAdded += 1 }
    }

    func keep(_ row: SpecRow) throws {
        if try others.insert(row) { specsAdded += 1 }
    }

    func keep(_ row: SpotRow) throws {
        rowsKept += 1
        if try others.insert(row) { rowsAdded += 1 }
    }

    /// Counts a refused row under its reason, keeping the first example.
    func reject(_ reason: RejectReason, _ example: @autoclosure () -> String) {
        rejected[reason, default: 0] += 1
        if examples[reason] == nil { examples[reason] = example() }
    }

    /// One offer item (the caller counts it as seen): refused with a reason, or its price row and, for on-demand
    /// terms, its spec. A second price for a key and day already priced differently is a conflict.
    func offer(_ item: OfferItem, _ selection: PlannerSelection, _ provenance: Provenance) throws {
        guard let template = selection.template(item, from: provenance) else { return }
        switch template.verdict(price: PriceText.parse(item.usd), usd: item.usd) {
        case .skip:
            return
        case .reject(let reason, let value):
            reject(reason, Self.place(item) + "'\(value)'")
        case .keep(let value):
            try keep(
                template, usd: item.usd, price: PriceText.canonical(item.usd), value: value, sku: item.sku,
                place: Self.place(item))
        }
    }

    /// A row `PlannerSelection` kept: its template, price (text, canonical text and value) and SKU; `place` locates
    /// it in the file for the conflict example. A second price for a key and day already priced differently is a
    /// conflict. The row itself is built only when its key is new to this file (or conflicts).
    func keep(
        _ template: RowTemplate, usd: String, price: Substring, value: Double, sku: String,
        place: @autoclosure () -> String
    ) throws {
        let key = template.key
        // A key already priced by this file passed `admits`, which reads only the key's fields: it passes again.
        var earlier: Substring?
        if let settled = template.settledPrice, settled.generation == generation {
            earlier = settled.price
        } else {
            earlier = pricesByKey[key]
            if let earlier { template.settledPrice = (generation, earlier) }
        }
        if earlier == nil {
            guard admits(region: key.region, product: key.product, effectiveFrom: key.effectiveFrom, place: place())
            else { return }
        }
        if key.isHourly && value > 0 {
            hourlyPrices += 1
            if value <= Self.smallWholeMax && value == value.rounded() { smallWholeHourlyPrices += 1 }
        }
        if let earlier {
            if earlier != price {
                reject(
                    .conflict,
                    place() + "\(key.product) \(key.purchaseOption) \(key.unit) on \(key.effectiveFrom): "
                        + "\(earlier) and \(price)")
                conflicted[key] = template.prototype
            } else {
                // The same price again (another SKU or rate code for one key): used, nothing new to store.
                rowsKept += 1
            }
            return
        }
        pricesByKey[template.key] = price
        template.settledPrice = (generation, price)
        try keep(template.row(usd: usd, sku: sku))
        if let spec = template.spec { try keep(spec) }
    }

    static func place(_ item: OfferItem) -> String {
        item.line > 0 ? "line \(item.line): " : item.sku.isEmpty ? "" : "SKU \(item.sku): "
    }

    /// The `price` UNIQUE key within one file (the source is the file's).
    static func conflictKey(_ row: PriceRow) -> String {
        row.region + "|" + row.product + "|" + row.engineOS + "|" + row.purchaseOption + "|" + row.unit + "|"
            + row.effectiveFrom + "|" + row.zone
    }

    /// Removes the rows of keys two rows of this file priced differently: neither price can be trusted.
    func dropConflicts() throws {
        for row in conflicted.values {
            try db.execute(
                sql: """
                    DELETE FROM price WHERE service = ? AND region = ? AND product = ? AND engine_os = ?
                        AND purchase_option = ? AND unit = ? AND effective_from = ? AND source = ? AND zone = ?
                    """,
                arguments: [
                    row.service, row.region, row.product, row.engineOS, row.purchaseOption, row.unit,
                    row.effectiveFrom, row.source, row.zone,
                ])
            rowsAdded = max(0, rowsAdded - db.changesCount)
            rowsKept -= 1
        }
    }
}
