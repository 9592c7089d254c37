import Foundation
import TacoCore
import TacoReport
import TacoStore

/// `pricing list`: what the price book holds, and the regions whose newest price is older than `staleAfterDays`
/// before `asOf` (default today).
public enum PricingListUseCase {
    public static func run(db: String?, asOf: Day?, staleAfterDays: Int, context: AppContext) throws(AppFailure)
        -> PriceBookListing
    {
        let database = try DatabaseOpener.open(db, access: .read, context: context)
        let today = asOf ?? context.clock.today
        let summary = try database.run { try $0.priceSummary() }
        let lines = summary.map {
            PriceBookListing.Line(
                service: $0.service, region: $0.region, engineOS: $0.engineOS, newest: $0.newestEffective,
                rows: $0.rows, source: $0.source)
        }
        return PriceBookListing(lines: lines, stale: stale(lines, today: today, after: staleAfterDays))
    }

    /// A region is stale when its newest price, over all services, is more than `after` days before `today`.
    public static func stale(_ lines: [PriceBookListing.Line], today: Day, after: Int) -> [PriceBookListing.StaleRegion]
    {
        var newestByRegion: [String: Day] = [:]
        for line in lines { newestByRegion[line.region] = max(newestByRegion[line.region] ?? line.newest, line.newest) }
        return newestByRegion.sorted { $0.key < $1.key }.compactMap { region, newest in
            let age = today.ordinal - newest.ordinal
            return age > after
                ? PriceBookListing.StaleRegion(region: region, newest: newest, age: age, today: today) : nil
        }
    }
}

/// `pricing show PRODUCT`: every stored price of one product and which is in force on `asOf` (default today).
public enum PricingShowUseCase {
    public struct Outcome: Sendable {
        public var day: Day
        public var quotes: [(quote: PriceQuote, inForce: Bool)]
    }

    public static func run(product: String, db: String?, asOf: Day?, context: AppContext) throws(AppFailure)
        -> Outcome
    {
        let database = try DatabaseOpener.open(db, access: .read, context: context)
        let day = asOf ?? context.clock.today
        let quotes = try database.run { try $0.prices(product: product) }
        guard !quotes.isEmpty else {
            throw AppFailure.input([
                "error: no prices for '\(product)'. Products are instance types (m7g.xlarge), cache node types "
                    + "(cache.m7g.xlarge) or DynamoDB usage (WriteRequestUnits); see `tacoplan pricing list`."
            ])
        }
        let sheet = PriceSheet(region: "", asOf: day, quotes: quotes)
        return Outcome(day: day, quotes: quotes.map { ($0, sheet.quote($0.key) == $0) })
    }
}

/// `pricing import FILE…`: official AWS price lists into the price book, in one transaction.
public enum PricingImportUseCase {
    public struct Request: Sendable {
        public var files: [String]
        public var format: PriceListFormat?
        public var includeDynamoDBExtras: Bool
        /// The day a Spot Advisor file was fetched (nil: today).
        public var capturedOn: Day?

        public init(files: [String], format: PriceListFormat?, includeDynamoDBExtras: Bool, capturedOn: Day?) {
            self.files = files
            self.format = format
            self.includeDynamoDBExtras = includeDynamoDBExtras
            self.capturedOn = capturedOn
        }
    }

    public struct Outcome: Sendable {
        public var files: [ImportedFile]
        /// Notes for stderr (a Spot Advisor file stored as captured today).
        public var notes: [String]
    }

    public static func run(
        _ request: Request, db: String?, progress: (@Sendable (ImportProgress) -> Void)?, context: AppContext
    ) throws(AppFailure) -> Outcome {
        let database = try DatabaseOpener.open(db, access: .write, context: context)
        let captured = request.capturedOn ?? context.clock.today
        let options = ImportOptions(
            format: request.format, includeDynamoDBExtras: request.includeDynamoDBExtras,
            capturedOn: captured.description, now: context.clock.now, progress: progress)
        let reports: [ImportReport]
        do {
            reports = try database.store.importPriceLists(paths: request.files, options: options)
        } catch {
            throw AppFailure.input(["error: \(error)", "Nothing was imported: the database is unchanged."])
        }
        var notes: [String] = []
        if request.capturedOn == nil && reports.contains(where: { $0.format == "spot-advisor" && $0.skipped == nil }) {
            notes.append(
                "note: spot-advisor-data.json carries no date; it was stored as captured \(captured) (today). "
                    + "Pass --captured-on YYYY-MM-DD for a snapshot fetched earlier.")
        }
        let files = reports.map {
            ImportedFile(
                file: $0.file, what: [$0.format, $0.offer, $0.version].filter { !$0.isEmpty }.joined(separator: " "),
                rowsSeen: $0.rowsSeen, rowsKept: $0.rowsKept, rowsAdded: $0.rowsAdded, specsAdded: $0.specsAdded,
                skipped: $0.skipped)
        }
        return Outcome(files: files, notes: notes)
    }
}
