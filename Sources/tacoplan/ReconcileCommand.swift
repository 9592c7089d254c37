import ArgumentParser
import TacoApp
import TacoReport

/// `reconcile PLAN --from T --to T`: planned vs billed per resource, variance causes, unplanned spend; or the
/// attribution as one SQL query for the account's warehouse (`--sql`) and its result read back (`--from-aggregate`).
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Plan vs actual: attribute the imported bill to the plan's resources and explain the variance.")

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption
    @OptionGroup var window: BillWindowOptions

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Option(
        help:
            "Print the attribution as one SQL query for athena, trino or duckdb over a FOCUS or CUR 2.0 table, and exit."
    )
    var sql: ReconcileQuery.Dialect?

    @Option(help: "The FOCUS or CUR 2.0 table the --sql query reads (letters, digits, _ . -).")
    var table = "focus"

    @Option(
        help:
            "Columns of that table: aws (FOCUS with AWS columns x_ServiceCode, x_UsageType), focus, or cur2 (CUR 2.0's line_item_… columns)."
    )
    var columns: ReconcileQuery.Columns = .aws

    @Option(help: "Reconcile from the --sql query's result saved as CSV instead of the imported bill.")
    var fromAggregate: String?

    func validate() throws {
        try format.check(Self.formats, command: "reconcile")
        if window.from == nil || window.to == nil {
            throw ValidationError("reconcile needs a window: --from 2026-11-27 --to 2026-11-28 (UTC)")
        }
        guard ReconcileQuery.isValidTable(table) else {
            throw ValidationError("--table: use letters, digits, _ . and - only, e.g. --table cur.focus_export")
        }
        if sql != nil && fromAggregate != nil {
            throw ValidationError("--sql prints the query; --from-aggregate reads its result: give one of them")
        }
    }

    func run() throws {
        guard let billWindow = window.window else { return }
        if let sql {
            Terminal.out(ReconcileUseCase.query(sql, table: table, columns: columns, window: billWindow))
            return
        }
        let outcome = try ReconcileUseCase.run(
            options.request, window: billWindow, source: fromAggregate.map { .aggregate(path: $0) } ?? .store,
            evidence: options.evidence(calibration), context: Terminal.context)
        let r = outcome.reconciliation
        switch format {
        case .json: Terminal.out(try ReconciliationDocument(r).json())
        case .csv: Terminal.out(ReconciliationCSV.render(r))
        default: Terminal.out(ReconciliationText.render(r))
        }
        if let failure = outcome.failure { throw failure }
    }
}

extension ReconcileQuery.Dialect: ExpressibleByArgument {}
extension ReconcileQuery.Columns: ExpressibleByArgument {}
