import Foundation
import TacoCore
import TacoData
import TacoStore

/// The one way a command opens the database: `--db` > `$TACOPLAN_DB` > `$XDG_DATA_HOME/tacoplan/tacoplan.sqlite` >
/// `~/.local/share/tacoplan/tacoplan.sqlite` (`DatabaseLocation`), migrations applied and the bundled price book
/// loaded on first use. Every failure, at open or later, is an `AppFailure` with exit 4 naming the file.
///
/// A command that writes waits up to `TacoDatabase.busyTimeout` (30 s) for another writer;
/// `$TACOPLAN_BUSY_TIMEOUT` (seconds, 0.1…3600) sets that wait, so a test can see the lock error in a second.
public enum DatabaseOpener {
    /// The environment variable that sets a writer's busy timeout in seconds.
    public static let busyTimeoutVariable = "TACOPLAN_BUSY_TIMEOUT"
    /// The range `$TACOPLAN_BUSY_TIMEOUT` may take, in seconds.
    static let busyTimeoutRange: ClosedRange<Double> = 0.1...3600

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
                let db = try TacoDatabase.open(path: path, busyTimeout: try busyTimeout(context.environment))
                _ = try db.loadBundled(prices: bundled.prices, specs: bundled.specs, spot: bundled.spot)
                return AppDatabase(path: path, access: access, store: db)
            }
        } catch let failure as AppFailure {
            throw failure
        } catch {
            throw AppFailure.database(path, error)
        }
    }

    /// `$TACOPLAN_BUSY_TIMEOUT` when set (a number of seconds in `busyTimeoutRange`), else the 30 s default.
    static func busyTimeout(_ environment: [String: String]) throws(AppFailure) -> TimeInterval {
        guard let text = environment[busyTimeoutVariable] else { return TacoDatabase.busyTimeout }
        guard let seconds = Double(text), busyTimeoutRange.contains(seconds) else {
            throw AppFailure.input(
                Diagnostic(
                    "\(busyTimeoutVariable)=\(text): expected a number of seconds from 0.1 to 3600",
                    fix: "unset \(busyTimeoutVariable) to wait the default \(Int(TacoDatabase.busyTimeout)) s"))
        }
        return seconds
    }
}
