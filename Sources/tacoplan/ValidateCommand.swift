import ArgumentParser
import Foundation
import TacoCore
import TacoData
import TacoReport

/// `tacoplan validate PLAN [--benchmark FILE …]`: predicts every measured figure of a load test with the plan's
/// configuration, fits the free constants, checks them by leave-one-out and judges the plan's operating point
/// (Docs/Benchmarks.md §3–4). Its verdict is the estimate's for the same plan and evidence (Docs/Model.md §10);
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
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws { try reporting(body) }

    func body() throws {
        // The plan as `estimate` loads it (extends, --variant, prices as of --as-of from --db): validation runs the
        // same core model.
        let input = try PlanLoader(options: options).load()
        var results: [PlanValidation] = []
        for bench in try loadBenchmarks() {
            switch PlanValidation.run(input: input, benchmark: bench) {
            case .success(let v): results.append(v)
            case .failure(let p): throw Failure.input([p.description])
            }
        }
        let estimate = Estimate.compute(try calibration.apply(to: input, costsFile: options.costs))
        switch format {
        case .json:
            print(
                try StableJSON.encode(ValidateDocument(verdict: estimate.verdict, validations: results)),
                terminator: "")
        case .text:
            print(
                ValidationText.verdict(estimate.verdict) + "\n"
                    + results.map(ValidationText.render).joined(separator: "\n"), terminator: "")
        }
        if estimate.exitCode != 0 { throw ExitCode(estimate.exitCode) }
    }

    func loadBenchmarks() throws -> [ReferenceBenchmark] {
        let sources: [(String, String)] =
            benchmarks.isEmpty
            ? [("benchmarks/seed-load-test.yaml (bundled)", BundledData.seedLoadTestYAML)]
            : try benchmarks.map { ($0, try PlanLoader.readText($0)) }
        return try sources.map { file, text in
            // A plain step CSV (Docs/Benchmarks.md §5) is a benchmark with no environment: the plan's cluster.
            if file.lowercased().hasSuffix(".csv") {
                do {
                    let csv = try StepCSV.parse(text: text, file: file)
                    for w in csv.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
                    return ReferenceBenchmark(
                        name: file, title: file, source: file, file: file, environment: BenchmarkEnvironment(),
                        steps: csv.steps, scaleEvents: [])
                } catch { throw Failure.input(["\(error)"]) }
            }
            switch BenchmarkReader.read(text: text, file: file) {
            case .success(let b): return b
            case .failure(let e): throw Failure.input([e.description])
            }
        }
    }
}

/// `validate --format json`: the plan's verdict (as `estimate` gives it) and one validation per benchmark.
struct ValidateDocument: Encodable {
    var schema = "tacoplan.validate/2"
    var verdict: PlanVerdict
    var validations: [PlanValidation]
}
