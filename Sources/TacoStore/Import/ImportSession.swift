import GRDB

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

    public init(
        format: PriceListFormat? = nil, includeDynamoDBExtras: Bool = false, capturedOn: String,
        now: @escaping @Sendable () -> String, progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) {
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

    init(_ db: Database, options: ImportOptions) throws {
        prices = try PriceInserter(db)
        others = try SpecAndSpotInserter(db)
        self.options = options
    }

    func reset() {
        rowsSeen = 0
        rowsKept = 0
        rowsAdded = 0
        specsAdded = 0
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

    /// One offer item (the caller counts it as seen): its price row and, for on-demand terms, its spec.
    func offer(_ item: OfferItem, _ selection: PlannerSelection, _ provenance: Provenance) throws {
        guard let row = selection.priceRow(item, from: provenance) else { return }
        try keep(row)
        if row.term == "OnDemand", let spec = selection.specRow(item, from: provenance) { try keep(spec) }
    }
}
