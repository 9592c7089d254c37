import TacoCore
import TacoData

/// `--calibrated`: size Redis with the per-command overhead that `validate` fits to the bundled load test (measured
/// on the seed's cache.m7g.xlarge cluster) instead of the reference VM's overhead (Docs/Benchmarks.md §3–4).
public enum Calibration {
    /// The bundled load test the overhead is fitted to.
    public static let benchmarkFile = "benchmarks/seed-load-test.yaml"

    /// The bundled load test, decoded.
    public static func bundledBenchmark() throws(AppFailure) -> ReferenceBenchmark {
        switch BenchmarkReader.read(text: BundledData.seedLoadTestYAML, file: benchmarkFile) {
        case .success(let bench): return bench
        case .failure(let e): throw AppFailure.input(["\(benchmarkFile) (bundled): cannot be read: \(e)"])
        }
    }

    /// The input with its cost table calibrated. The fit runs on the uncalibrated input, exactly as `validate`
    /// runs it; the fitted overhead is read from the typed `PlanValidation.overhead.calibrated`.
    public static func apply(to input: EstimateInput) throws(AppFailure) -> EstimateInput {
        let bench = try bundledBenchmark()
        guard case .success(let v) = PlanValidation.run(input: input, benchmark: bench),
            let micros = v.overhead.calibrated
        else {
            throw AppFailure.input([
                "error: --calibrated: the bundled load test gives no per-command overhead for this plan",
                "    fix: run `tacoplan validate` to see why, or drop --calibrated",
            ])
        }
        let basis = "least squares; on \(v.overhead.benchmarkNodeType ?? "the benchmark's node type")"
        var calibrated = input
        calibrated.costs.calibratedOverhead = CommandCostTable.CalibratedOverhead(
            micros: micros, source: "tacoplan validate: \(basis), \(bench.name)")
        return calibrated
    }
}
