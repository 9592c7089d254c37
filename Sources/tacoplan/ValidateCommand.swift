import ArgumentParser
import Foundation
import TacoApp
import TacoReport

/// `tacoplan validate PLAN [--benchmark FILE …]`: predicts every measured figure of a load test with the plan's
/// configuration, fits the free constants, checks them by leave-one-out and judges the plan's operating point
/// (Docs/Benchmarks.md §3–4). Exit codes: 0 VALIDATED, 10 EXTRAPOLATED, 11 FAILS, 2 unreadable input.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Compare a plan with the reference load test (or your own) and judge its operating point.",
        discussion: "Exit codes: 0 VALIDATED, 10 EXTRAPOLATED, 11 FAILS, 2 unreadable plan or benchmark.")

    @OptionGroup var options: PlanOptions
    @Option(
        name: .customLong("benchmark"),
        help: "A benchmark file (YAML, or a step CSV), Docs/Benchmarks.md; replaces the bundled one. Repeatable.")
    var benchmarks: [String] = []
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let outcome = try ValidateUseCase.run(
            options.request, evidence: options.evidence(), benchmarks: benchmarks, context: Terminal.context)
        for w in outcome.warnings { Terminal.error(w) }
        switch format {
        case .json: Terminal.out(try StableJSON.encode(outcome.results))
        case .text: Terminal.out(outcome.results.map(ValidationText.render).joined(separator: "\n"))
        }
        if let verdict = outcome.verdict { throw verdict }
    }
}
