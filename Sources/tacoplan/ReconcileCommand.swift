import ArgumentParser
import TacoApp
import TacoCore
import TacoReport

/// `reconcile PLAN --from T --to T`: planned vs billed per resource, variance causes, unplanned spend.
struct ReconcileCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Plan vs actual: attribute the imported bill to the plan's resources and explain the variance.")

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption
    @OptionGroup var window: BillWindowOptions

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    func validate() throws {
        if window.from == nil || window.to == nil {
            throw ValidationError("reconcile needs a window: --from 2026-11-27 --to 2026-11-28 (UTC)")
        }
    }

    func run() throws {
        guard let billWindow = window.window else { return }
        let r = try ReconcileUseCase.run(
            options.request, window: billWindow, evidence: options.evidence(calibration), context: Terminal.context)
        switch format {
        case .table: Terminal.out(ReconciliationText.render(r))
        case .json: Terminal.out(try ReconciliationDocument(r).json())
        case .csv: Terminal.out(ReconciliationCSV.render(r))
        }
    }
}
