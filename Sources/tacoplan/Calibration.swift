import ArgumentParser
import TacoCore
import TacoData

/// The evidence ladder for per-command Redis costs (Docs/Model.md §9), applied by every planning command:
/// `--costs FILE` (your measured costs) first, then the bundled load test's calibration when the plan's Redis node
/// type and engine are the load test's, else the reference VM's costs. `--calibrated` forces the load-test
/// calibration onto other hardware (an extrapolation the verdict names).
struct CalibrationOption: ParsableArguments {
    @Flag(
        help: """
            Force the per-command Redis overhead fitted to the bundled load test (cache.m7g.xlarge, Redis OSS) even \
            when the plan runs on other hardware. Without it the calibration is used only on the load test's hardware.
            """)
    var calibrated = false

    @Option(
        help: """
            Which rung of the evidence ladder sizes Redis: best (default: --costs, else the load-test calibration on \
            its hardware, else the reference VM), calibrated (same as --calibrated) or reference (the reference VM's \
            costs on purpose; the verdict still shows the other rungs).
            """)
    var evidence: EvidenceChoice = .best

    enum EvidenceChoice: String, ExpressibleByArgument, CaseIterable { case best, calibrated, reference }

    /// The input on the chosen rung of the ladder. `costsFile` is the `--costs FILE` the input's table was read from.
    func apply(to input: EstimateInput, costsFile: String?) throws -> EstimateInput {
        try EvidenceLoader.apply(
            to: input, costsFile: costsFile, force: calibrated || evidence == .calibrated,
            reference: evidence == .reference)
    }
}

/// Loads the bundled rungs of the evidence ladder (the reference costs and the load test) once per process.
enum EvidenceLoader {
    static func apply(to input: EstimateInput, costsFile: String?, force: Bool, reference pin: Bool = false) throws
        -> EstimateInput
    {
        let reference = try PlanLoader.commandCosts()
        let file = "benchmarks/seed-load-test.yaml"
        var loadTest: ReferenceBenchmark?
        if case .success(let bench) = BenchmarkReader.read(text: BundledData.seedLoadTestYAML, file: file) {
            loadTest = bench
        } else if force {
            throw Failure.database(["\(file) (bundled): cannot be read"])
        }
        var request = EvidenceLadder.Request(
            measured: costsFile.map { (input.costs, $0) }, reference: reference, loadTest: loadTest,
            forceCalibration: force)
        request.pinReference = pin
        let out = EvidenceLadder.select(input, request)
        if force && !pin && out.evidence.evidence == .reference {
            throw Failure.input([
                "error: --calibrated: " + out.evidence.notUsed.joined(separator: "; "),
                "    fix: run `tacoplan validate` to see why, or drop --calibrated",
            ])
        }
        return out
    }
}
