import ArgumentParser
import TacoApp
import TacoReport

/// `tacoplan compare`: plans and plan variants side by side, deltas against a baseline, savings per lever, and
/// the plan's declared claims (`claims:`) beside the computed savings; exits with the baseline's verdict.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "Compare plans and plan variants: configuration, nodes, utilization, cost, deltas and savings per lever.",
        discussion: """
            With one plan, its variants are compared with the plan itself (named 'base'). With several plans, each \
            plan is named by its file name (without .yaml) and its variants as 'plan/variant'.
            """)

    @Argument(help: "Plan files (YAML).")
    var plans: [String]

    @Option(help: "The column the others are compared with (default: the first plan).")
    var baseline: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var cost: CostOption
    @OptionGroup var calibration: CalibrationOption
    @OptionGroup var gate: FailOnOption

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table
    static let formats: [OutputFormat] = [.table, .json]

    @Flag(help: "Also print the baseline's automatic levers (always in --format json).")
    var levers = false

    func validate() throws {
        try format.check(Self.formats, command: "compare")
        if plans.isEmpty { throw ValidationError("give at least one plan file") }
    }

    func run() throws {
        let evidence = EvidenceRequest(
            db: store.db, asOf: store.day, costsFile: cost.costs, evidence: calibration.choice)
        let outcome = try CompareUseCase.run(
            plans: plans, baseline: baseline, evidence: evidence, failOn: gate.failOn, context: Terminal.context)
        let a = outcome.assessment
        switch format {
        case .json:
            var document = CompareDocument(outcome.comparison, levers: outcome.automaticLevers)
            document.assessment = AssessmentDigest(a.plan, estimate: a.estimate, exit: a.exitCode)
            document.deployment = a.regions.map { DeploymentAnswer($0.deployment, fix: $0.fix) }
            Terminal.out(try document.json())
        default:
            let style = Style(enabled: Terminal.colour)
            Terminal.out(
                TextFold.fold(
                    CompareText.render(outcome.comparison, style: style)
                        + (levers
                            ? AutomaticLeverText.render(
                                outcome.automaticLevers, baseline: outcome.comparison.baseline, style: style) : "")
                        + SweepText.atOwnScale(a.plan, exit: a.exitCode)))
            if !outcome.deployments.isEmpty {
                Terminal.out(
                    TextFold.fold(
                        "\n"
                            + RegionsText.deployments(
                                outcome.deployments.map { ($0.name, $0.deployment) },
                                fixes: outcome.deployments.compactMap { d in d.fix.map { (d.name, $0) } }, style: style)
                    ))
            }
        }
        if let failure = outcome.failure { throw failure }
    }
}
