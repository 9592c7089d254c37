import TacoCore
import TacoStore

/// `reconcile PLAN --from T --to T`: the plan's estimate (same evidence as `estimate`) set against the billed rows
/// of the window (Docs/Model.md §12).
public enum ReconcileUseCase {
    public static func run(
        _ request: PlanRequest, window: BillWindow, evidence: EvidenceRequest, context: AppContext
    ) throws(AppFailure) -> Reconciliation {
        let (plan, loaded) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        return try reconcile(plan, estimate: Estimate.compute(plan.input), window: window, database: loaded.database)
    }

    /// Tallies the selected rows of the window against `estimate`; exit 2 when no row is selected.
    static func reconcile(_ plan: LoadedPlan, estimate: Estimate, window: BillWindow, database: AppDatabase)
        throws(AppFailure) -> Reconciliation
    {
        let selection = BillSelection(from: window.from, to: window.to, tags: window.tags, account: window.account)
        var tally = BillTally(estimate)
        try database.run { store in
            try store.forEachBillRow(from: window.from, to: window.to) { row in
                if selection.matches(row) { tally.add(row) }
            }
        }
        guard tally.rowsSelected > 0 else {
            let tags = window.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            throw AppFailure.input([
                "error: no billed rows with a charge period starting \(window.from) → \(window.to)"
                    + (tags.isEmpty ? "" : " with tags \(tags)") + (window.account.map { " in account \($0)" } ?? ""),
                "    fix: `tacoplan bill list` shows the accounts and periods loaded; import the bill with `tacoplan bill import FILE`",
            ])
        }
        return Reconciliation.build(
            estimate, plan: plan.input.plan, tally: tally,
            window: ReconcileWindow(
                from: window.from, to: window.to, events: window.events, admittedUsers: window.admitted))
    }
}
