import ArgumentParser
import TacoApp
import TacoCore
import TacoReport

/// `tacoplan simulate PLAN`: the event second by second — demand vs capacity while the HPA and Karpenter follow
/// the ramp, what is shed or queued, and the smallest pre-warm that sheds nothing (Docs/Model.md §13).
/// `--validate` fits node launch → Ready to the seed's scale-up test instead and prints its verdict.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate the event over time: autoscaling, shed requests, pre-warm; or --validate the timing.",
        discussion:
            "Exit codes: 0 ok; 2 invalid input; 3 pricing data missing; 4 database error. With --validate the scale test's verdict (VALIDATED / EXTRAPOLATED / FAILS) is printed, and the exit is 0 when it could be judged."
    )

    @OptionGroup var options: PlanOptions
    @Option(help: "Time step, whole seconds (1s…60s).") var step: String = "1s"
    @Option(
        help:
            "Pods to pre-warm before the sale; `auto` for the priced pre-warm (the estimate's line), `smallest` for the smallest that sheds nothing here."
    )
    var prewarm: String?
    @Option(help: "Output format: table, json or csv.") var format: Format = .table
    @Option(help: "Gateway demand from a file instead of the waiting room: a CSV `duration,rps` or k6 JSON `stages`.")
    var demand: String?
    @Flag(help: "Fit node launch → Ready to the seed's scale-up test (benchmarks/seed-scale-test.yaml) and judge it.")
    var validate = false
    @Option(help: "With --validate: a scale-test file in the bundled one's schema instead of it.")
    var benchmark: String?

    enum Format: String, ExpressibleByArgument { case table, json, csv }

    func run() throws {
        let evidence = options.evidence()
        if validate {
            let validation = try SimulateUseCase.validate(
                options.request, demandFile: demand, benchmarkFile: benchmark, evidence: evidence,
                context: Terminal.context)
            switch format {
            case .json: Terminal.out(try StableJSON.encode(validation))
            case .table, .csv: Terminal.out(ScaleValidationText.render(validation))
            }
            return
        }
        let outcome = try SimulateUseCase.run(
            options.request, demandFile: demand, step: try stepSeconds(), prewarm: try request(), evidence: evidence,
            context: Terminal.context)
        let result = outcome.result
        let a = outcome.assessment
        let digest = AssessmentDigest(a.plan, estimate: a.estimate, exit: a.exitCode)
        switch format {
        case .table:
            Terminal.out(
                TextFold.fold(SimulationText.render(result) + SweepText.atOwnScale(a.plan, exit: a.exitCode)))
        case .json: Terminal.out(try StableJSON.encode(SimulationDocument(simulation: result, assessment: digest)))
        case .csv: Terminal.out(SimulationCSV.render(result))
        }
        if let failure = outcome.failure { throw failure }
    }

    func stepSeconds() throws -> Int {
        guard case .success(let s) = Seconds.parse(step), s.value == s.value.rounded(), s.value >= 1,
            s.value <= Double(Simulation.maxStep)
        else {
            throw AppFailure.input([
                "error: --step '\(step)' is not a whole number of seconds from 1s to \(Simulation.maxStep)s",
                "    fix: use e.g. --step 1s or --step 5s",
            ])
        }
        return Int(s.value)
    }

    func request() throws -> PrewarmRequest {
        guard let prewarm else { return .none }
        if prewarm == "auto" { return .auto }
        if prewarm == "smallest" { return .smallest }
        guard let n = Int(prewarm), (0...Simulation.maxPrewarm).contains(n) else {
            throw AppFailure.input([
                "error: --prewarm '\(prewarm)' is neither a pod count (0…\(Simulation.maxPrewarm)), auto nor smallest",
                "    fix: use e.g. --prewarm 40, --prewarm auto or --prewarm smallest",
            ])
        }
        return .pods(n)
    }
}
