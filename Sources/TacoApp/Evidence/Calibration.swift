import TacoCore
import TacoData

/// The evidence ladder for per-command Redis costs (Docs/Model.md §14), applied by every planning command: `--costs
/// FILE` (costs measured on the user's hardware) first, then the bundled load test's calibration when the plan's
/// Redis node type and engine are the load test's (cache.m7g.xlarge, Redis OSS), else the reference VM's costs.
/// `--calibrated` forces the load-test calibration onto other hardware (an extrapolation the verdict names);
/// `--evidence reference` pins the reference VM's costs (Docs/Benchmarks.md §3–4).
public enum Calibration {
    /// The bundled load test the overhead is fitted to.
    public static let benchmarkFile = "benchmarks/seed-load-test.yaml"

    /// The bundled load test, decoded once per process: every variant of a `compare` is put on the ladder, and
    /// parsing the YAML for each was a third of a 2,000-variant run.
    static let bundled = BenchmarkReader.read(text: BundledData.seedLoadTestYAML, file: benchmarkFile)

    /// The bundled load test, decoded.
    public static func bundledBenchmark() throws(AppFailure) -> ReferenceBenchmark {
        switch bundled {
        case .success(let bench): return bench
        case .failure(let e): throw AppFailure.input(["\(benchmarkFile) (bundled): cannot be read: \(e)"])
        }
    }

    /// The input on the ladder's rung for `request`. `input.costs` is the table as given (`--costs FILE` or the
    /// bundled reference); `reference` is the bundled reference table. Forcing the calibration when the load test
    /// gives no overhead for the plan is an input error (exit 2).
    public static func select(
        _ input: EstimateInput, request: EvidenceRequest, reference: CommandCostTable, memo: CalibrationMemo? = nil
    ) throws(AppFailure) -> EstimateInput {
        let force = request.forcesCalibration
        var loadTest: ReferenceBenchmark?
        do {
            loadTest = try bundledBenchmark()
        } catch {
            if force { throw error }
        }
        var ladder = EvidenceLadder.Request(
            measured: request.costsFile.map { (input.costs, $0) }, reference: reference, loadTest: loadTest,
            forceCalibration: force)
        ladder.pinReference = request.evidence == .reference
        ladder.memo = memo
        let out = EvidenceLadder.select(input, ladder)
        if force && !ladder.pinReference && out.evidence.evidence == .reference {
            throw AppFailure.input([
                "error: --calibrated: " + out.evidence.notUsed.joined(separator: "; "),
                "    fix: run `tacoplan validate` to see why, or drop --calibrated",
            ])
        }
        return out
    }
}
