import Foundation
import TacoCore
import TacoData

/// `validate`: the plan (loaded as `estimate` loads it) against the bundled load test or the user's benchmarks. Its
/// verdict is the estimate's for the same plan and evidence (Docs/Model.md §15); the load-test envelope
/// (VALIDATED / EXTRAPOLATED / FAILS) is printed as its evidence.
public enum ValidateUseCase {
    public struct Outcome: Sendable {
        public var results: [PlanValidation]
        /// Warnings about the benchmark files (stderr).
        public var warnings: [String]
        /// The plan's verdict, the one `estimate` gives for the same plan and evidence.
        public var verdict: PlanVerdict
        /// The assessment's exit (`Assessment.failure`): nil when the run exits 0.
        public var failure: AppFailure?
        /// What "(exit N)" prints: the code the run exits with.
        public var exitCode: Int32
    }

    public static func run(
        _ request: PlanRequest, evidence: EvidenceRequest, benchmarks: [String], context: AppContext
    ) throws(AppFailure) -> Outcome {
        let (plan, loaded) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        // The fit runs on the costs as given (not the ladder's calibration), exactly as the ladder's own fit does.
        let given = plan.inputAsGiven ?? plan.input
        var warnings: [String] = []
        var results: [PlanValidation] = []
        for bench in try loadBenchmarks(benchmarks, warnings: &warnings) {
            switch PlanValidation.run(input: given, benchmark: bench) {
            case .success(let v): results.append(v)
            case .failure(let p): throw AppFailure.input([p.description])
            }
        }
        // The verdict and exit only: validate prints no fix, so the fix search is skipped.
        let assessment = Assessment.make(plan, evidence: loaded, failOn: request.failOn, searchFix: false)
        return Outcome(
            results: results, warnings: warnings, verdict: assessment.verdict, failure: assessment.failure,
            exitCode: assessment.exitCode)
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
