import TacoCore
import TacoReport
import TacoStore

/// `bill import FILE…`: FOCUS / CUR 2.0 exports into SQLite, one transaction per file, idempotent (Docs/Billing.md).
/// Files that fail leave the database unchanged for them; the others are imported.
public enum BillImportUseCase {
    /// How far an import has got (bytes, rows), for the progress line.
    public typealias Progress = BillImportProgress

    public struct Outcome: Sendable {
        public var imported: [ImportedBill]
        /// Exit 2 after printing the imported files, when some file was refused (its lines say which and why).
        public var failure: AppFailure?
    }

    public static func run(
        files: [String], db: String?, progress: (@Sendable (BillImportProgress) -> Void)? = nil, context: AppContext
    ) throws(AppFailure) -> Outcome {
        let database = try DatabaseOpener.open(db, access: .write, context: context)
        var imported: [ImportedBill] = []
        var problems: [String] = []
        for file in files {
            do {
                imported.append(
                    try database.store.importBill(path: file, importedAt: context.clock.now(), progress: progress))
            } catch let problem as BillProblem {
                problems.append(
                    Excerpt.quoted(problem.description, limit: 2000).replacingOccurrences(of: "\\n", with: "\n"))
            } catch {
                throw AppFailure.database(database.path, error)
            }
        }
        let failure =
            problems.isEmpty
            ? nil
            : AppFailure.input(
                problems + ["\(problems.count) file(s) not imported; the database is unchanged for them"])
        return Outcome(imported: imported, failure: failure)
    }
}
