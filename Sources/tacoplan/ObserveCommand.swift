import ArgumentParser
import TacoApp
import TacoReport

/// `observe`: CloudWatch alarms (CloudFormation), Prometheus rules, a Grafana dashboard and a runbook whose every
/// threshold comes from the plan's estimate.
struct ObserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract:
            "Write the alarms, alert rules, dashboard and runbook of a plan, each threshold from its estimate.",
        discussion:
            "Files: alarms.yaml (CloudFormation, CloudWatch alarms), rules.yaml (Prometheus recording and alerting rules), dashboard.json (Grafana), runbook.md. Without -o a single format goes to stdout. The exit code follows the plan's verdict, after the files are written (5 INFEASIBLE)."
    )

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption

    @Option(help: "Output format: cloudformation, prometheus, grafana, markdown or all.")
    var format: ObservabilityFiles.Format = .all

    @Option(name: .shortAndLong, help: "Directory to write into (alarms.yaml, rules.yaml, dashboard.json, runbook.md).")
    var output: String?

    func validate() throws {
        if format == .all && output == nil {
            throw ValidationError("--format all writes four files; add -o DIR, e.g. -o observe/")
        }
    }

    func run() throws {
        let outcome = try ObserveUseCase.run(
            options.request, evidence: options.evidence(calibration), context: Terminal.context)
        let files = try ObservabilityFiles.render(outcome.model, format: format)
        if let output {
            let written = try ObserveUseCase.write(files, to: output)
            Terminal.error("wrote \(written.joined(separator: ", "))")
        } else {
            for f in files { Terminal.out(f.text) }
        }
        if let failure = outcome.failure { throw failure }
    }
}

extension ObservabilityFiles.Format: ExpressibleByArgument {}
