import ArgumentParser
import TacoApp
import TacoReport

struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Size and price a plan: traffic, admission, Redis, gateway, DynamoDB, costs, findings.")

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table
    static let formats: [OutputFormat] = [.table, .json]

    @Flag(help: "Also print every figure's formula, arithmetic and input provenance.")
    var explain = false

    func validate() throws { try format.check(Self.formats, command: "estimate") }

    func run() throws {
        let outcome = try EstimateUseCase.run(
            options.request, evidence: options.evidence(calibration),
            context: Terminal.context)
        let estimate = outcome.estimate
        let a = outcome.assessment
        switch format {
        case .json:
            var document = EstimateDocument(estimate, assessment: a.plan, exit: a.exitCode)
            document.regions = a.regions.map {
                RegionsSection(deployment: $0.deployment, topologies: $0.topologies, fix: $0.fix)
            }
            Terminal.out(try document.json())
        default:
            let style = Style(enabled: Terminal.colour)
            if let r = a.regions { Terminal.out(TextFold.fold(RegionsText.banner(r.deployment) + "\n")) }
            Terminal.out(
                TextFold.fold(
                    EstimateText.render(
                        estimate, assessment: a.plan, deployment: a.regions?.deployment, deploymentFix: a.regions?.fix,
                        exitCode: a.exitCode, spelling: CommandSpelling.commandLine,
                        style: style)))
            if let r = a.regions {
                Terminal.out(
                    TextFold.fold(
                        "\n"
                            + RegionsText.render(
                                r.deployment, topologies: r.topologies, fix: r.fix, style: style)))
            }
            let footer = VariantFooter.render(family: outcome.plan.family, variant: outcome.plan.variant)
            if !footer.isEmpty { Terminal.out("\n" + TextFold.fold(footer)) }
            if explain { Terminal.out("\n" + ExplainText.render(estimate, style: style)) }
        }
        if let failure = outcome.failure { throw failure }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Every figure of an estimate: formula, arithmetic, and where each input came from.")

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption

    @Option(help: "Only figures whose id starts with this (e.g. redis., admission.rate).")
    var only: String?

    func run() throws {
        let outcome = try EstimateUseCase.run(
            options.request, evidence: options.evidence(calibration),
            context: Terminal.context)
        try ExplainFilter.check(outcome.estimate, only: only)
        Terminal.out(
            TextFold.fold(ExplainText.render(outcome.estimate, only: only, style: Style(enabled: Terminal.colour))))
        if let failure = outcome.failure { throw failure }
    }
}
