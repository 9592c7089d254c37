/// The calibration of one load test (Docs/Model.md §14): the per-command overhead `o` and the baseline `a` fitted once
/// per benchmark to the engine CPU it measured, replaying the benchmark's own declared workload (`workload:`) on its
/// own cluster with the reference table's execution times,
///     cpu(step) = a + o × A(step) + B(step)     (RedisCalibration; A = calls/s ÷ 10⁴, B = execution µs/s ÷ 10⁴),
/// with residuals and leave-one-out errors. It depends on nothing but the benchmark and the reference table, so every
/// plan judged against it gets the same calibration, byte for byte.
public struct LoadTestCalibration: Hashable, Sendable {
    public var benchmark: String
    public var file: String
    /// The hardware the load test ran on: node type, engine and version.
    public var hardware: CostHardware
    public var shards: Int
    public var replicas: Int
    /// The fit of a (percent of one core) and o (µs per command), with comparisons for every step.
    public var redis: RedisCalibration
    /// The load of each step the workload gives, by step name (for reports).
    public var stepLoads: [String: RedisLoad]

    /// Intercept, percent of one core.
    public var interceptPercent: Double { redis.intercept ?? 0 }
    public var overheadMicros: Double { redis.overheadMicros ?? 0 }
    public var residuals: [Double] { redis.fit?.residuals ?? [] }
    /// Largest |leave-one-out error|, percentage points.
    public var leaveOneOutMax: Double { redis.leaveOneOut.map { abs($0.error) }.max() ?? 0 }
    /// Largest |leave-one-out error| ÷ the measured value at that step: the relative error of a figure this
    /// calibration predicts (the band's half-width before any transfer).
    public var relativeError: Double {
        redis.leaveOneOut.map { $0.measured > 0 ? abs($0.error) / $0.measured : 0 }.max() ?? 0
    }

    /// Why a benchmark gives no calibration.
    public struct Problem: Error, Hashable, Sendable {
        public var message: String
        public init(message: String) { self.message = message }
    }

    /// Fits the benchmark. Needs a `workload:`, the node type and engine of the load test, and at least three point
    /// measurements of Redis engine CPU (two constants plus one for leave-one-out).
    public static func fit(_ bench: ReferenceBenchmark, reference: CommandCostTable) -> Result<Self, Problem> {
        guard let workload = bench.workload else {
            return .failure(
                Problem(
                    message:
                        "\(bench.file) declares no `workload:` (the request mix it drove), so it cannot be calibrated"))
        }
        let env = bench.environment
        guard let nodeType = env.nodeType, let engine = env.engine, let shards = env.shards else {
            return .failure(
                Problem(
                    message: "\(bench.file) does not name its Redis node type, engine and shards (`environment.redis`)")
            )
        }
        let replicas = env.replicasPerShard ?? 0
        var loads: [String: RedisLoad] = [:]
        for step in bench.steps {
            switch workload.load(step: step, replicas: replicas, costs: reference, engine: engine) {
            case .success(let l): loads[step.name] = l
            case .failure(let missing):
                return .failure(
                    Problem(message: "\(bench.file): the workload's command '\(missing.command)' has no reference cost")
                )
            }
        }
        let redis = RedisCalibration.calibrate(steps: bench.steps) { step, overhead in
            loads[step.name]?.busiestNode(shards: shards, overheadMicros: overhead).work
        }
        guard redis.fit != nil, redis.leaveOneOut.count >= 3 else {
            return .failure(
                Problem(
                    message:
                        "\(bench.file): fewer than three point measurements of redis_engine_cpu: no fit with a leave-one-out error"
                ))
        }
        return .success(
            LoadTestCalibration(
                benchmark: bench.name, file: bench.file,
                hardware: CostHardware(nodeType: nodeType, engine: engine, version: env.engineVersion ?? ""),
                shards: shards, replicas: replicas, redis: redis, stepLoads: loads))
    }

    /// The evidence this calibration gives a cost table before any transfer.
    public var evidence: CostBasis {
        CostBasis(
            baseline: interceptPercent / 100, fitError: relativeError, hardware: hardware,
            origin:
                "calibrated on \(hardware.description) by \(benchmark) (least squares on \(redis.fit?.observations.count ?? 0) steps: "
                + "overhead \(Format.number(overheadMicros, maxDecimals: 2)) µs per command, baseline \(Format.percent(points: interceptPercent)) of a core; "
                + "largest leave-one-out error \(Format.number(leaveOneOutMax, maxDecimals: 1)) points = \(Format.percent(relativeError)) of the measured value)",
            steps: [])
    }

    /// The reference table with this calibration's overhead and evidence (no transfer yet); `spelling` names the
    /// command that fits it in the overhead's source.
    public func table(reference: CommandCostTable, spelling: StepSpelling) -> CommandCostTable {
        var t = reference
        t.calibratedOverhead = CommandCostTable.CalibratedOverhead(
            micros: overheadMicros,
            source: "\(spelling(.run(.validate))): least squares; on \(hardware.nodeType ?? "?"), \(benchmark)")
        t.basis = evidence
        return t
    }
}
