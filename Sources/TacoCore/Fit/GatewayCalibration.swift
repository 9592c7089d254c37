/// Gateway constants from a load test (Docs/Benchmarks.md §3, Docs/Model.md §4).
/// Requests per pod r: least squares through the origin on the scale-up events, Δpods = Δrps × (1/r).
/// Per-pod CPU: with pods added in proportion to load, a pod's CPU is constant in R; its estimate is the mean of the
/// point measurements (least squares on a constant), checked by leave-one-out.
public struct GatewayCalibration: Hashable, Sendable {
    public var podsPerRPS: LinearFit?
    public var podsLeaveOneOut: [LeaveOneOut]
    public var podCPU: LinearFit?
    public var podCPULeaveOneOut: [LeaveOneOut]
    public var comparisons: [StepComparison]

    /// Requests/s each added pod absorbs (1 ÷ fitted slope).
    public var requestsPerPod: Double? {
        guard let slope = podsPerRPS?.constants[0], slope > 0 else { return nil }
        return 1 / slope
    }
    /// Percent CPU of one gateway pod under the benchmark's scaling.
    public var podCPUPercent: Double? { podCPU?.constants[0] }

    public static func calibrate(steps: [BenchmarkStep], events: [ScaleEvent]) -> GatewayCalibration {
        let ups = events.filter { $0.direction == .up }.map {
            LinearObservation(
                label: "\(Format.grouped($0.fromRPS))→\(Format.grouped($0.toRPS))", regressors: [$0.toRPS - $0.fromRPS],
                measured: $0.pods)
        }
        let cpus = steps.compactMap { step -> LinearObservation? in
            guard case .point(let v)? = step.measured[.gatewayCPU] else { return nil }
            return LinearObservation(label: step.name, regressors: [1], measured: v)
        }
        var result = GatewayCalibration(
            podsPerRPS: nil, podsLeaveOneOut: [], podCPU: nil, podCPULeaveOneOut: [], comparisons: [])
        result.podsPerRPS = try? LinearFit.fit(ups)
        result.podsLeaveOneOut = ups.count >= 2 ? (try? LinearFit.leaveOneOut(ups)) ?? [] : []
        result.podCPU = try? LinearFit.fit(cpus)
        result.podCPULeaveOneOut = cpus.count >= 2 ? (try? LinearFit.leaveOneOut(cpus)) ?? [] : []
        for step in steps {
            guard let figure = step.measured[.gatewayCPU] else { continue }
            result.comparisons.append(
                StepComparison(step: step, resource: .gatewayCPU, predicted: result.podCPUPercent, figure: figure))
        }
        return result
    }
}
