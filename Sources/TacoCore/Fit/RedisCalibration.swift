/// Fits the Redis engine-CPU constants to a load test (Docs/Benchmarks.md §3, Docs/Model.md §3 and §14):
///     cpu(step) = a + o × A(step) + B(step),  A = calls/s on the busiest node ÷ 10⁴,  B = execution µs/s ÷ 10⁴
/// with the busiest node's work from the core `RedisLoad` at the step's traffic, `o` the per-command overhead in µs
/// and `a` an intercept in percent. Only point measurements are fitted; censored (≥ 100 %), bounded and `ok`
/// figures are checked against the fit.
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

    static func observation(_ step: BenchmarkStep, _ work: EngineWork, measured: Double) -> LinearObservation {
        LinearObservation(
            label: step.name,
            regressors: [1, work.callsPerSecond * percentPerMicrosecondRate],
            offset: work.executionMicrosPerSecond * percentPerMicrosecondRate, measured: measured)
    }

    /// Predicted engine CPU (percent of one core) of a node doing `work`.
    public func predict(_ work: EngineWork) -> Double? {
        guard let a = intercept, let o = overheadMicros else { return nil }
        return a + (o * work.callsPerSecond + work.executionMicrosPerSecond) * Self.percentPerMicrosecondRate
    }

    /// `work(step, o)` gives the work of the busiest node at that step when every command pays `o` µs of overhead
    /// (nil: the reference overheads). The node is chosen with the reference overheads first; when the fitted `o`
    /// makes another node the busiest at some step, the fit is redone once with the nodes chosen at that `o`.
    public static func calibrate(
        steps: [BenchmarkStep], work: (BenchmarkStep, Double?) -> EngineWork?
    ) -> RedisCalibration {
        func fitted(_ overhead: Double?) -> (RedisCalibration, [EngineWork?]) {
            let works = steps.map { work($0, overhead) }
            var points: [LinearObservation] = []
            for (step, w) in zip(steps, works) {
                guard case .point(let v)? = step.measured[.redisEngineCPU], let w else { continue }
                points.append(observation(step, w, measured: v))
            }
            var result = RedisCalibration(fit: nil, leaveOneOut: [], comparisons: [], note: "")
            do {
                result.fit = try LinearFit.fit(points)
                if points.count >= 3 { result.leaveOneOut = try LinearFit.leaveOneOut(points) }
            } catch {
                result.note = "Redis engine CPU not fitted: \(error) (\(points.count) point measurements)"
            }
            return (result, works)
        }
        var (result, works) = fitted(nil)
        if let o = result.overheadMicros {
            // Every figure is compared on the node that is busiest at the fitted overhead. Without a refit that is
            // `again.1` (equal to `works`), so the steps' work is only computed a third time after a refit.
            let again = fitted(o)
            if again.1 != works {
                (result, works) = again
                if let refit = result.overheadMicros { works = steps.map { work($0, refit) } }
            }
        }
        for (step, w) in zip(steps, works) {
            guard let figure = step.measured[.redisEngineCPU] else { continue }
            let predicted = w.flatMap { result.predict($0) }
            result.comparisons.append(
                StepComparison(step: step, resource: .redisEngineCPU, predicted: predicted, figure: figure))
        }
        return result
    }
}
