import Foundation
import TacoCore
import TacoData

/// `validate`: the plan (loaded as `estimate` loads it) against the bundled load test or the user's benchmarks.
public enum ValidateUseCase {
    public struct Outcome: Sendable {
        public var results: [PlanValidation]
        /// Warnings about the benchmark files (stderr).
        public var warnings: [String]
        /// The worst verdict's exit: nil for VALIDATED, else EXTRAPOLATED (10) or FAILS (11).
        public var verdict: AppFailure?
    }

    public static func run(
        _ request: PlanRequest, evidence: EvidenceRequest, benchmarks: [String], context: AppContext
    ) throws(AppFailure) -> Outcome {
        let (plan, _) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        var warnings: [String] = []
        var results: [PlanValidation] = []
        for bench in try loadBenchmarks(benchmarks, warnings: &warnings) {
            switch PlanValidation.run(input: plan.input, benchmark: bench) {
            case .success(let v): results.append(v)
            case .failure(let p): throw AppFailure.input([p.description])
            }
        }
        let worst = results.map(\.envelope.verdict.exitCode).max() ?? 0
        let verdict = ExitStatus(rawValue: worst).map { AppFailure($0, []) }
        return Outcome(results: results, warnings: warnings, verdict: verdict)
    }

    /// The benchmarks named (YAML, or a step CSV: Docs/Benchmarks.md §5), or the bundled load test.
    static func loadBenchmarks(_ files: [String], warnings: inout [String]) throws(AppFailure) -> [ReferenceBenchmark] {
        var sources: [(String, String)] = []
        if files.isEmpty {
            sources = [("benchmarks/seed-load-test.yaml (bundled)", BundledData.seedLoadTestYAML)]
        } else {
            for file in files { sources.append((file, try TextFiles.read(file))) }
        }
        var out: [ReferenceBenchmark] = []
        for (file, text) in sources {
            // A plain step CSV is a benchmark with no environment: the plan's cluster.
            if file.lowercased().hasSuffix(".csv") {
                do {
                    let csv = try StepCSV.parse(text: text, file: file)
                    warnings += csv.warnings.map { "warning: \($0)" }
                    out.append(
                        ReferenceBenchmark(
                            name: file, title: file, source: file, file: file, environment: BenchmarkEnvironment(),
                            steps: csv.steps, scaleEvents: []))
                } catch { throw AppFailure.input(["\(error)"]) }
                continue
            }
            switch BenchmarkReader.read(text: text, file: file) {
            case .success(let b): out.append(b)
            case .failure(let e): throw AppFailure.input([e.description])
            }
        }
        return out
    }
}
