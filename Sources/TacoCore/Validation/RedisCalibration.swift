/// Fits the Redis engine-CPU constants to a load test (Docs/Benchmarks.md §3, MODEL §5 and §8):
///     cpu(step) = a + o × A(step) + B(step),  A = R × commands/request ÷ 10⁴,  B = R × execution µs/request ÷ 10⁴
/// with R the step's status requests/s, `o` the per-command overhead in µs and `a` an intercept in percent.
/// Only point measurements are fitted; censored (≥ 100 %), bounded and `ok` figures are checked against the fit.
public struct RedisCalibration: Hashable, Sendable {
    /// a (percent) and o (µs per command); nil when fewer than two steps carry a point measurement.
    public var fit: LinearFit?
    public var leaveOneOut: [LeaveOneOut]
    public var comparisons: [StepComparison]
    public var note: String

    public var intercept: Double? { fit?.constants[0] }
    public var overheadMicros: Double? { fit?.constants[1] }

    /// 10⁴ turns (calls/s × µs) into percent of one core: ÷ 10⁶ µs per s, × 100.
    static let percentPerMicrosecondRate = 1e-4

    static func observation(_ step: BenchmarkStep, _ work: StatusWork, measured: Double) -> LinearObservation {
        LinearObservation(
            label: step.name,
            regressors: [1, step.rps * work.commandsPerRequest * percentPerMicrosecondRate],
            offset: step.rps * work.executionMicrosPerRequest * percentPerMicrosecondRate, measured: measured)
    }

    /// Predicted engine CPU (percent of one core) at `rps` status requests/s doing `work` each.
    public func predict(rps: Double, work: StatusWork) -> Double? {
        guard let a = intercept, let o = overheadMicros else { return nil }
        return a + rps * (o * work.commandsPerRequest + work.executionMicrosPerRequest) * Self.percentPerMicrosecondRate
    }

    /// `work(implementation)` gives the per-request work on the busiest node in the benchmark's environment;
    /// steps without a status implementation use `planImplementation`.
    public static func calibrate(
        steps: [BenchmarkStep], planImplementation: StatusImplementation,
        work: (StatusImplementation) -> StatusWork?
    ) -> RedisCalibration {
        var points: [LinearObservation] = []
        for step in steps {
            guard case .point(let v)? = step.measured[.redisEngineCPU],
                let w = work(step.status ?? planImplementation)
            else { continue }
            points.append(observation(step, w, measured: v))
        }
        var result = RedisCalibration(fit: nil, leaveOneOut: [], comparisons: [], note: "")
        do {
            result.fit = try LinearFit.fit(points)
            if points.count >= 3 { result.leaveOneOut = try LinearFit.leaveOneOut(points) }
        } catch {
            result.note = "Redis engine CPU not fitted: \(error) (\(points.count) point measurements)"
        }
        for step in steps {
            guard let figure = step.measured[.redisEngineCPU] else { continue }
            let implementation = step.status ?? planImplementation
            let predicted = work(implementation).flatMap { result.predict(rps: step.rps, work: $0) }
            result.comparisons.append(
                StepComparison(step: step, resource: .redisEngineCPU, predicted: predicted, figure: figure))
        }
        return result
    }
}
