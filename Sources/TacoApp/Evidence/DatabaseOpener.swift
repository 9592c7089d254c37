import Foundation
import TacoData
import TacoStore

/// The one way a command opens the database: `--db` > `$TACOPLAN_DB` > `$XDG_DATA_HOME/tacoplan/tacoplan.sqlite` >
/// `~/.local/share/tacoplan/tacoplan.sqlite` (`DatabaseLocation`), migrations applied and the bundled price book
/// loaded on first use. Every failure, at open or later, is an `AppFailure` with exit 4 naming the file.
public enum DatabaseOpener {
    /// The bundled price book a new database is initialised with.
    static let bundled = BundledTexts(
        prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)

    public static func open(_ option: String?, access: DatabaseAccess, context: AppContext) throws(AppFailure)
        -> AppDatabase
    {
        let path = DatabaseLocation.resolve(option: option, environment: context.environment)
        do {
            switch access {
            case .read:
                // A WAL reader opened read-only: never waits for an import, works on a read-only file; the first
                // run creates the file through the write path (TacoDatabase.openForReading).
                let reading = try TacoDatabase.openForReading(path: path, bundled: bundled)
                for note in reading.notes { context.note(note) }
                return AppDatabase(path: path, access: access, store: reading.database)
            case .write:
                let db = try TacoDatabase.open(path: path)
                _ = try db.loadBundled(prices: bundled.prices, specs: bundled.specs, spot: bundled.spot)
                return AppDatabase(path: path, access: access, store: db)
            }
        } catch {
            throw AppFailure.database(path, error)
        }
    }
}
