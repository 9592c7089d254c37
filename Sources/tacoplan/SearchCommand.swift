import ArgumentParser
import TacoApp
import TacoReport

/// `tacoplan search`: the cheapest feasible configuration of each resource within the plan's `search:` bounds,
/// the next-cheapest alternatives, and every cheaper configuration that was rejected with its binding constraint.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the cheapest feasible configuration within the plan's search bounds, with the alternatives.",
        discussion: """
            Enumerates every combination inside the plan's `search:` section (Docs/PlanSpec.md): Redis node types, \
            shards, replicas and queue partitions; gateway node types and Spot shares; the DynamoDB mode. Each is \
            checked against every constraint; the cheapest feasible one per resource is chosen (per month or per \
            event, as `search.objective` says). Exits 5 when a resource has no feasible configuration.
            """)

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption

    @Option(help: "How many feasible alternatives to list per resource (the chosen one included).")
    var top: Int = 3

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table
    static let formats: [OutputFormat] = [.table, .json]

    func validate() throws {
        try format.check(Self.formats, command: "search")
        if top < 1 { throw ValidationError("--top must be at least 1, found \(top)") }
    }

    func run() throws {
        let outcome = try SearchUseCase.run(
            options.request, evidence: options.evidence(calibration), top: top,
            context: Terminal.context)
        switch format {
        case .json: Terminal.out(try outcome.document.json())
        default:
            Terminal.out(TextFold.fold(SearchText.render(outcome.document, style: Style(enabled: Terminal.colour))))
            let footer = VariantFooter.render(family: outcome.plan.family, variant: outcome.plan.variant)
            if !footer.isEmpty { Terminal.out("\n" + TextFold.fold(footer)) }
        }
        if let failure = outcome.failure { throw failure }
    }
}
