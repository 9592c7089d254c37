import TacoCore
import TacoData

/// The evidence ladder for per-command Redis costs (Docs/Model.md §14), applied by every planning command: the
/// bundled load test is calibrated ONCE per process (`LoadTestCalibration`, from its declared workload and the
/// bundled reference costs — the same for every plan), `--costs FILE` names the hardware it was measured on, and
/// both are carried to the plan's node type and engine by benchmarks/transfer-rules.csv. `--evidence calibrated` requires the
/// calibration (an error when the load test gives none); `--evidence reference` pins the reference VM's costs.
public enum Calibration {
    /// The bundled load test the overhead is fitted to.
    public static let benchmarkFile = "benchmarks/seed-load-test.yaml"
    /// The bundled transfer table.
    public static let rulesFile = "benchmarks/transfer-rules.csv"

    /// The bundled load test, decoded once per process.
    static let bundled = BenchmarkReader.read(text: BundledData.seedLoadTestYAML, file: benchmarkFile)

    /// The bundled load test's calibration against the bundled reference costs, fitted once per process: it depends
    /// on nothing else, so every plan, variant, lever and sweep point gets the same one.
    static let bundledCalibration: Result<LoadTestCalibration, LoadTestCalibration.Problem> = {
        guard case .success(let bench) = bundled else {
            return .failure(LoadTestCalibration.Problem(message: "the bundled load test could not be read"))
        }
        guard let reference = try? CommandCostTable(csv: BundledData.redisCommandCostsCSV) else {
            return .failure(LoadTestCalibration.Problem(message: "the bundled reference costs could not be read"))
        }
        return LoadTestCalibration.fit(bench, reference: reference)
    }()

    /// The bundled transfer table, read once per process.
    static let bundledRules = Result { () throws(CommandCostError) -> TransferRules in
        try TransferRules(csv: BundledData.transferRulesCSV, file: rulesFile)
    }

    /// The bundled load test, decoded.
    public static func bundledBenchmark() throws(AppFailure) -> ReferenceBenchmark {
        switch bundled {
        case .success(let bench): return bench
        case .failure(let e): throw AppFailure.input(["\(benchmarkFile) (bundled): cannot be read: \(e)"])
        }
    }

    /// The bundled load test's calibration (the one every command uses).
    public static func loadTestCalibration() -> Result<LoadTestCalibration, LoadTestCalibration.Problem> {
        bundledCalibration
    }

    /// The bundled transfer table.
    public static func transferRules() throws(AppFailure) -> TransferRules {
        switch bundledRules {
        case .success(let rules): return rules
        case .failure(let e): throw AppFailure.input(["\(rulesFile) (bundled): cannot be read: \(e)"])
        }
    }

    /// The input on the ladder's rung for `request`. `input.costs` is the table as given (`--costs FILE` or the
    /// bundled reference); `reference` is the bundled reference table. Requiring the calibration when the load test
    /// gives none is an input error (exit 2).
    public static func select(
        _ input: EstimateInput, request: EvidenceRequest, reference: CommandCostTable
    ) throws(AppFailure) -> EstimateInput {
        let force = request.forcesCalibration
        var ladder = EvidenceLadder.Request(
            measured: request.costsFile.map { (input.costs, $0) }, reference: reference,
            calibration: bundledCalibration, rules: try transferRules(), forceCalibration: force,
            spelling: CommandSpelling.commandLine)
        ladder.pinReference = request.evidence == .reference
        if force, case .failure(let why) = bundledCalibration {
            throw AppFailure.input(
                Diagnostic(
                    why.message, subject: "--evidence calibrated",
                    fix: "run `tacoplan validate` to see why, or use --evidence best"))
        }
        return EvidenceLadder.select(input, ladder)
    }
}
