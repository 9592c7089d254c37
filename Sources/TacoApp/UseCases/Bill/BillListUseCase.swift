import TacoCore
import TacoStore

/// `bill list`: accounts, charge periods, rows and exact BilledCost totals of the imported bills.
public enum BillListUseCase {
    public struct Outcome: Sendable {
        public var summaries: [BillSummary]
        public var files: Int
    }

    public static func run(db: String?, context: AppContext) throws(AppFailure) -> Outcome {
        let database = try DatabaseOpener.open(db, access: .read, context: context)
        return try database.run { store in
            Outcome(summaries: try store.billSummaries(), files: try store.billFiles().count)
        }
    }
}
