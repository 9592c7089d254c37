import Foundation
import TacoData
import TacoStore

/// The one way a command opens the database: `--db` > `$TACOPLAN_DB` > `$XDG_DATA_HOME/tacoplan/tacoplan.sqlite` >
/// `~/.local/share/tacoplan/tacoplan.sqlite` (`DatabaseLocation`), migrations applied and the bundled price book
/// loaded on first use. Every failure, at open or later, is an `AppFailure` with exit 4 naming the file.
public enum DatabaseOpener {
    public static func open(_ option: String?, access: DatabaseAccess, context: AppContext) throws(AppFailure)
        -> AppDatabase
    {
        let path = DatabaseLocation.resolve(option: option, environment: context.environment)
        do {
            let db = try TacoDatabase.open(path: path)
            _ = try db.loadBundled(
                prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
            return AppDatabase(path: path, access: access, store: db)
        } catch {
            throw AppFailure.database(path, error)
        }
    }
}
