import ArgumentParser
import TacoApp
import TacoReport

/// `tacoplan validate PLAN [--benchmark FILE …]`: predicts every measured figure of a load test with the plan's
/// configuration, fits the free constants, checks them by leave-one-out and judges the plan's operating point
/// (Docs/Benchmarks.md §3–4). Its verdict is the estimate's for the same plan and evidence (Docs/Model.md §15);
/// exit codes as every command: 0 FEASIBLE or AT RISK, 5 INFEASIBLE, 2 unreadable input.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Compare a plan with the reference load test (or your own) and judge its operating point.",
        discussion: """
            The verdict is the one `estimate` gives for the same plan and evidence; the load-test envelope \
            (VALIDATED / EXTRAPOLATED / FAILS) is printed as its evidence. Exit codes: 0 FEASIBLE or AT RISK, \
            5 INFEASIBLE, 2 unreadable plan or benchmark, 3 pricing data missing, 4 database error.
            """)

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption
    @Option(
        name: .customLong("benchmark"),
        help: "A benchmark file (YAML, or a step CSV), Docs/Benchmarks.md; replaces the bundled one. Repeatable.")
    var benchmarks: [String] = []
    @Option(help: "Output format: text (the same as table) or json.") var format: OutputFormat = .table
    static let formats: [OutputFormat] = [.table, .json]

    func validate() throws { try format.check(Self.formats, command: "validate") }

    func run() throws {
        let outcome = try ValidateUseCase.run(
            options.request, evidence: options.evidence(calibration), benchmarks: benchmarks, context: Terminal.context)
        for w in outcome.warnings { Terminal.error(w) }
        switch format {
        case .json:
            let document = ValidateDocument(
                verdict: outcome.verdict, validations: outcome.results, exit: outcome.exitCode)
            Terminal.out(try StableJSON.encode(document))
        default:
            Terminal.out(
                TextFold.fold(
                    ValidationText.verdict(outcome.verdict, exitCode: outcome.exitCode) + "\n"
                        + outcome.results.map(ValidationText.render).joined(separator: "\n")))
        }
        if let failure = outcome.failure { throw failure }
    }
}
