import Foundation
import TacoCore
import TacoStore

/// `reconcile PLAN --from T --to T`: the plan's estimate (same evidence as `estimate`) set against the billed rows
/// of the window, summed per charge in the store (Docs/Model.md §12) or read from a warehouse's aggregate
/// (`--from-aggregate`). The exit follows the plan's verdict, as `estimate`'s does.
public enum ReconcileUseCase {
    public struct Outcome: Sendable {
        public var reconciliation: Reconciliation
        /// The verdict's exit after printing (`EstimateUseCase.failure`): 5 INFEASIBLE, 3 mostly UNPRICED.
        public var failure: AppFailure?
    }

    /// Where the billed sums come from.
    public enum Source: Sendable {
        /// The bills imported into the database.
        case store
        /// A CSV of `ReconcileQuery`'s output, already filtered to the window by the warehouse.
        case aggregate(path: String)
    }

    /// `reconcile --sql`: the one query that sums the window's billed rows per charge in the account's warehouse
    /// (its result is what `--from-aggregate` reads back).
    public static func query(
        _ dialect: ReconcileQuery.Dialect, table: String, columns: ReconcileQuery.Columns, window: BillWindow
    ) -> String {
        ReconcileQuery(
            dialect: dialect, table: table, columns: columns, from: window.from, to: window.to,
            account: window.account, tags: window.tags
        ).sql(CommandSpelling.commandLine)
    }

    public static func run(
        _ request: PlanRequest, window: BillWindow, source: Source = .store, evidence: EvidenceRequest,
        context: AppContext
    ) throws(AppFailure) -> Outcome {
        let (plan, loaded) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        // The plan's one assessment: the same estimate (as-planned lines included) and the same exit as `estimate`.
        // The bill does not depend on a fix, so none is searched.
        let assessment = Assessment.make(plan, evidence: loaded, failOn: request.failOn, searchFix: false)
        let estimate = assessment.estimate
        let sums: [BillChargeSum]
        switch source {
        case .store:
            sums = try storedSums(window, database: loaded.database)
        case .aggregate(let path):
            let text = try TextFiles.read(path, as: .billAggregate)
            do { sums = try BillAggregateReader.read(text, file: path, spelling: CommandSpelling.commandLine) } catch {
                throw AppFailure.input(error.description.split(separator: "\n").map(String.init))
            }
        }
        let r = try reconcile(plan, estimate: estimate, window: window, sums: sums)
        return Outcome(reconciliation: r, failure: assessment.failure)
    }

    /// The imported rows of the window summed per charge, in the store.
    static func storedSums(_ window: BillWindow, database: AppDatabase) throws(AppFailure) -> [BillChargeSum] {
        try database.run { store in
            try store.billChargeSums(
                BillRowFilter(from: window.from, to: window.to, account: window.account, tags: window.tags))
        }
    }

    /// Attributes the summed charges of the window to `estimate`; exit 2 when no row is selected.
    static func reconcile(_ plan: LoadedPlan, estimate: Estimate, window: BillWindow, sums: [BillChargeSum])
        throws(AppFailure) -> Reconciliation
    {
        var tally = BillTally(estimate, plan: plan.input.plan)
        for s in sums { tally.add(s) }
        guard tally.rowsSelected > 0 else {
            let tags = window.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            throw AppFailure.input(
                Diagnostic(
                    "no billed rows with a charge period starting \(window.from) → \(window.to)"
                        + (tags.isEmpty ? "" : " with tags \(Excerpt.quoted(tags, limit: 200))")
                        + (window.account.map { " in account \(Excerpt.quoted($0))" } ?? ""),
                    fix:
                        "`tacoplan bill list` shows the accounts and periods loaded; import the bill with `tacoplan bill import FILE`"
                ))
        }
        let events = window.events ?? defaultEvents(plan.input.plan, window: window)
        return Reconciliation.build(
            estimate, plan: plan.input.plan, tally: tally,
            window: ReconcileWindow(from: window.from, to: window.to, events: events, admittedUsers: window.admitted))
    }

    /// Sales in the window when `--events` is not given: the plan's events per month × the window's share of a
    /// month (730 h, AWS's billing month), rounded, at least 1 — the same events per month the estimate uses.
    static func defaultEvents(_ plan: Plan, window: BillWindow) -> Int {
        let hours = Double(window.to.seconds - window.from.seconds) / 3600
        let events = Double(plan.event.eventsPerMonth) * hours / 730
        return max(1, Int(events.rounded()))
    }
}
