import ArgumentParser
import TacoApp
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
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table
    static let formats: [OutputFormat] = [.table, .json, .csv]
    @Option(help: "Gateway demand from a file instead of the waiting room: a CSV `duration,rps` or k6 JSON `stages`.")
    var demand: String?
    @Flag(
        name: .customLong("validate"),
        help: "Fit node launch → Ready to the seed's scale-up test (benchmarks/seed-scale-test.yaml) and judge it.")
    var validateTiming = false
    @Option(help: "With --validate: a scale-test file in the bundled one's schema instead of it.")
    var benchmark: String?

    /// Every option is checked here, before anything runs: the format, the step and the pre-warm.
    func validate() throws {
        try format.check(Self.formats, command: "simulate")
        _ = try stepSeconds()
        _ = try prewarmRequest()
    }

    func run() throws {
        let evidence = options.evidence()
        if validateTiming {
            let validation = try SimulateUseCase.validate(
                options.request, demandFile: demand, benchmarkFile: benchmark, evidence: evidence,
                context: Terminal.context)
            switch format {
            case .json: Terminal.out(try StableJSON.encode(validation))
            default: Terminal.out(ScaleValidationText.render(validation))
            }
            return
        }
        let outcome = try SimulateUseCase.run(
            options.request, demandFile: demand, step: try stepSeconds(), prewarm: try prewarmRequest(),
            evidence: evidence, context: Terminal.context)
        let result = outcome.result
        let a = outcome.assessment
        let digest = AssessmentDigest(a.plan, estimate: a.estimate, exit: a.exitCode)
        switch format {
        case .json: Terminal.out(try StableJSON.encode(SimulationDocument(simulation: result, assessment: digest)))
        case .csv: Terminal.out(SimulationCSV.render(result))
        default:
            Terminal.out(
                TextFold.fold(SimulationText.render(result) + SweepText.atOwnScale(a.plan, exit: a.exitCode)))
        }
        if let failure = outcome.failure { throw failure }
    }

    /// `--step` in whole seconds, 1…`Simulation.maxStep`.
    func stepSeconds() throws -> Int {
        guard case .success(let s) = Seconds.parse(step), s.value == s.value.rounded(), s.value >= 1,
            s.value <= Double(Simulation.maxStep)
        else {
            throw ValidationError(
                "--step '\(step)' is not a whole number of seconds from 1s to \(Simulation.maxStep)s; "
                    + "use e.g. --step 1s or --step 5s")
        }
        return Int(s.value)
    }

    /// `--prewarm`: none, `auto`, `smallest` or a pod count 0…`Simulation.maxPrewarm`.
    func prewarmRequest() throws -> PrewarmRequest {
        guard let prewarm else { return .none }
        if prewarm == "auto" { return .auto }
        if prewarm == "smallest" { return .smallest }
        guard let n = Int(prewarm), (0...Simulation.maxPrewarm).contains(n) else {
            throw ValidationError(
                "--prewarm '\(prewarm)' is neither a pod count (0…\(Simulation.maxPrewarm)), auto nor smallest; "
                    + "use e.g. --prewarm 40, --prewarm auto or --prewarm smallest")
        }
        return .pods(n)
    }
}
