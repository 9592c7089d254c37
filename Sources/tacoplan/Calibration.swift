import ArgumentParser
import TacoCore
import TacoData

/// `--calibrated`: size Redis with the per-command overhead that `validate` fits to the bundled load test (measured
/// on the seed's cache.m7g.xlarge cluster) instead of the reference VM's overhead.
struct CalibrationOption: ParsableArguments {
    @Flag(
        help: """
            Use the per-command Redis overhead fitted by `tacoplan validate` to the bundled load test (cache.m7g.xlarge) \
            instead of the reference benchmark VM's.
            """)
    var calibrated = false

    /// The input with its cost table calibrated, or unchanged without the flag. The fit runs on the uncalibrated
    /// input, exactly as `validate` runs it.
    func apply(to input: EstimateInput) throws -> EstimateInput {
        guard calibrated else { return input }
        let file = "benchmarks/seed-load-test.yaml"
        guard case .success(let bench) = BenchmarkReader.read(text: BundledData.seedLoadTestYAML, file: file) else {
            throw Failure.database(["\(file) (bundled): cannot be read"])
        }
        guard case .success(let v) = PlanValidation.run(input: input, benchmark: bench),
            let o = v.constants.first(where: { $0.name == "redis.per_command_overhead" })
        else {
            throw Failure.input([
                "error: --calibrated: the bundled load test gives no per-command overhead for this plan",
                "    fix: run `tacoplan validate` to see why, or drop --calibrated",
            ])
        }
        var calibrated = input
        calibrated.costs.calibratedOverhead = CommandCostTable.CalibratedOverhead(
            micros: o.value, source: "tacoplan validate: \(o.basis), \(bench.name)")
        return calibrated
    }
}
