import ArgumentParser
import Foundation
import TacoCore
import TacoData

/// `tacoplan validate PLAN [--benchmark FILE …]`: predicts every measured figure of a load test with the plan's
/// configuration, fits the free constants, checks them by leave-one-out and judges the plan's operating point
/// (Docs/Benchmarks.md §3–4). Exit codes: 0 VALIDATED, 10 EXTRAPOLATED, 11 FAILS, 1 unreadable input.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Compare a plan with the reference load test (or your own) and judge its operating point.",
        discussion: "Exit codes: 0 VALIDATED, 10 EXTRAPOLATED, 11 FAILS, 1 unreadable plan or benchmark.")

    @Argument(help: "The plan file (YAML).") var plan: String
    @Option(
        name: .customLong("benchmark"),
        help: "A benchmark file (YAML, Docs/Benchmarks.md); replaces the bundled one. Repeatable.")
    var benchmarks: [String] = []
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let planText = try ValidationFile.read(plan)
        let decoded: Plan
        switch PlanDecoder.decode(text: planText, file: plan) {
        case .success(let (p, _)): decoded = p
        case .failure(let errors): throw ValidationInputFailure(message: errors.description)
        }
        let costs: ExecutionCosts
        do {
            costs = try ExecutionCosts(
                csv: BundledBenchmarks.files["redis-command-costs.csv"] ?? "",
                file: "benchmarks/redis-command-costs.csv")
        } catch { throw ValidationInputFailure(message: error.description) }
        var results: [PlanValidation] = []
        for bench in try loadBenchmarks() {
            switch PlanValidation.run(plan: decoded, benchmark: bench, costs: costs) {
            case .success(let v): results.append(v)
            case .failure(let p): throw ValidationInputFailure(message: p.description)
            }
        }
        switch format {
        case .json: print(try ValidationJSON.encode(results))
        case .text: print(results.map(ValidationText.render).joined(separator: "\n"), terminator: "")
        }
        let worst = results.map(\.envelope.verdict.exitCode).max() ?? 0
        if worst != 0 { throw ExitCode(worst) }
    }

    func loadBenchmarks() throws -> [ReferenceBenchmark] {
        let sources: [(String, String)] =
            benchmarks.isEmpty
            ? [("benchmarks/seed-load-test.yaml (bundled)", BundledBenchmarks.files["seed-load-test.yaml"] ?? "")]
            : try benchmarks.map { ($0, try ValidationFile.read($0)) }
        return try sources.map { file, text in
            switch BenchmarkReader.read(text: text, file: file) {
            case .success(let b): return b
            case .failure(let e): throw ValidationInputFailure(message: e.description)
            }
        }
    }
}

/// A reading error already phrased for the user: printed as is, exit 1, no stack trace.
struct ValidationInputFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

enum ValidationFile {
    static func read(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationInputFailure(message: "\(path): error: no such file")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ValidationInputFailure(message: "\(path): error: cannot read the file as UTF-8 text")
        }
        return text
    }
}

enum ValidationJSON {
    static func encode(_ results: [PlanValidation]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(results), as: UTF8.self)
    }
}
