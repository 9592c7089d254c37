import Foundation
import TacoCore
import TacoReport
import TacoStore

/// `pricing import FILE…`: official AWS price lists into the price book, in one transaction.
public enum PricingImportUseCase {
    /// How far an import has got (bytes, rows), for the progress line.
    public typealias Progress = ImportProgress

    public struct Request: Sendable {
        public var files: [String]
        public var format: PriceListFormat?
        public var includeDynamoDBExtras: Bool
        /// The day a Spot Advisor file was fetched (nil: today).
        public var capturedOn: Day?
        /// Import the valid rows of a file that also has rejected rows (default: such a file fails, nothing changes).
        public var acceptPartial: Bool

        public init(
            files: [String], format: PriceListFormat?, includeDynamoDBExtras: Bool, capturedOn: Day?,
            acceptPartial: Bool = false
        ) {
            self.acceptPartial = acceptPartial
            self.files = files
            self.format = format
            self.includeDynamoDBExtras = includeDynamoDBExtras
            self.capturedOn = capturedOn
        }
    }

    public struct Outcome: Sendable {
        public var files: [ImportReport]
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
            capturedOn: captured.description, now: context.clock.now, progress: progress,
            acceptPartial: request.acceptPartial)
        let reports: [ImportReport]
        do {
            reports = try database.store.importPriceLists(paths: request.files, options: options)
        } catch {
            if let failure = AppFailure.databaseIfStore(database.path, error) { throw failure }
            throw AppFailure.input(["error: \(error)", "Nothing was imported: the database is unchanged."])
        }
        var notes: [String] = []
        if request.capturedOn == nil && reports.contains(where: { $0.format == "spot-advisor" && $0.skipped == nil }) {
            notes.append(
                "note: spot-advisor-data.json carries no date; it was stored as captured \(captured) (today). "
                    + "Pass --captured-on YYYY-MM-DD for a snapshot fetched earlier.")
        }
        return Outcome(files: reports, notes: notes)
    }
}
