import Foundation

/// The fixed facts of one fleet simulation: the plan's pod and node sizes, the latencies and the autoscalers'
/// settings (Docs/Model.md §13).
struct FleetParameters: Sendable {
    /// Requests/s one pod serves at 100 % CPU (`gateway.rps_per_pod`).
    var rpsPerPod: Double
    /// Requests/s one pod serves at the HPA target: rps_per_pod × hpa_target (Docs/Model.md §4).
    var targetPerPod: Double
    /// Pods one node holds (`GatewaySizing.packing`, Docs/Model.md §4).
    var podsPerNode: Int
    /// Node launch → Ready (`gateway.node_start`) and pod scheduled → Ready (`gateway.pod_start`), seconds.
    var nodeStart: Double
    var podStart: Double
    var scaling: ScalingSpec
    /// HPA minReplicas outside a pre-warm: max(1, min_pods, always-on pods).
    var minReplicas: Int
    var spotAllowed: Bool
    var gateway: GatewaySpec
    /// Expected Spot interruptions per Spot node-second (0 when `scaling.spot_interruptions` is off).
    var interruptionsPerNodeSecond: Double
}

/// One step of the fleet as the simulation records it.
public struct FleetStep: Codable, Hashable, Sendable {
    public var capacityRPS: Double
    public var servedRPS: Double
    public var shed: Double
    public var queued: Double
    public var oldestRequestWait: Double
    public var readyPods: Int
    /// Replicas the HPA asks for (ready + starting + pending).
    public var desiredPods: Int
    public var readyNodes: Int
    public var launchingNodes: Int
    public var onDemandNodes: Int
    public var spotNodes: Int
}

/// The gateway's pods and nodes under the Horizontal Pod Autoscaler and Karpenter, advanced one step at a time.
/// Counts only (no per-pod objects), so a step costs O(1) amortised.
struct GatewayFleet: Sendable {
    let p: FleetParameters
    private(set) var readyNodes: Int
    private var launching: [(at: Double, count: Int)] = []
    private(set) var pending = 0
    private var starting: [(at: Double, count: Int)] = []
    private(set) var readyPods: Int
    /// The HPA's replica count (ready + starting + pending).
    private(set) var replicas: Int
    private var recommendations: [(t: Double, replicas: Int)] = []
    private var scaleEvents: [(t: Double, delta: Int)] = []
    private var batchOpened: Double?
    private var batchChanged = 0.0
    private var batchPods = 0
    private var emptySince: Double?
    private var interruptionDebt = 0.0
    private(set) var interruptions = 0
    private var nextSample: Double
    private var nextSync: Double
    private var sample: Double?
    private var servedPrefix: [Double] = [0]
    private var backlog = RequestBacklog()
    /// Node-seconds billed (launching or Ready), On-Demand and Spot.
    private(set) var onDemandNodeSeconds = 0.0
    private(set) var spotNodeSeconds = 0.0

    init(_ p: FleetParameters, start: Double, pods: Int) {
        self.p = p
        readyPods = pods
        replicas = pods
        readyNodes = GatewayFleet.nodes(for: pods, p.podsPerNode)
        nextSample = start + p.scaling.metricResolution.value
        nextSync = start + p.scaling.hpaSync.value
    }

    static func nodes(for pods: Int, _ perNode: Int) -> Int { (pods + perNode - 1) / perNode }

    var startingPods: Int { starting.reduce(0) { $0 + $1.count } }
    var launchingNodes: Int { launching.reduce(0) { $0 + $1.count } }

    /// Advances over the step [t, t + dt) with `demand` requests/s and HPA minReplicas `minimum`.
    mutating func advance(index i: Int, t: Double, dt: Double, demand: Double, minimum: Int) -> FleetStep {
        while let first = launching.first, first.at <= t + 1e-9 {
            readyNodes += first.count
            launching.removeFirst()
        }
        while let first = starting.first, first.at <= t + 1e-9 {
            readyPods += first.count
            starting.removeFirst()
        }
        interrupt(dt: dt)
        if t >= nextSample - 1e-9 {
            let window = max(1, min(i, Int((p.scaling.metricResolution.value / dt - 1e-9).rounded(.up))))
            if i > 0 { sample = (servedPrefix[i] - servedPrefix[i - window]) / (Double(window) * dt) }
            while nextSample <= t + 1e-9 { nextSample += p.scaling.metricResolution.value }
        }
        if t >= nextSync - 1e-9 {
            while nextSync <= t + 1e-9 { nextSync += p.scaling.hpaSync.value }
            if let sample { sync(t: t, usage: sample, minimum: minimum) }
        } else if replicas < minimum {
            scale(to: minimum, t: t)
        }
        schedule(t: t)
        provision(t: t)
        let capacity = Double(readyPods) * p.rpsPerPod
        let (served, shed) = backlog.serve(
            t: t, dt: dt, arriving: demand * dt, budget: capacity * dt, maxWait: p.scaling.maxWait.value)
        servedPrefix.append(servedPrefix[i] + served)
        consolidate(t: t)
        let billed = readyNodes + launchingNodes
        let split = GatewaySizing.split(billed, spotAllowed: p.spotAllowed, p.gateway)
        onDemandNodeSeconds += Double(split.onDemand) * dt
        spotNodeSeconds += Double(split.spot) * dt
        return FleetStep(
            capacityRPS: capacity, servedRPS: served / dt, shed: shed, queued: backlog.queued,
            oldestRequestWait: backlog.oldestWait(t: t, dt: dt), readyPods: readyPods, desiredPods: replicas,
            readyNodes: readyNodes, launchingNodes: launchingNodes, onDemandNodes: split.onDemand,
            spotNodes: split.spot)
    }

    /// The HPA: desired = ⌈usage ÷ (rps_per_pod × target)⌉ unless usage ÷ (ready × target) is within the tolerance;
    /// scale-down takes the highest recommendation of the stabilisation window; both are limited by the policies.
    private mutating func sync(t: Double, usage: Double, minimum: Int) {
        let s = p.scaling
        var recommendation = replicas
        if readyPods > 0 {
            let ratio = usage / (p.targetPerPod * Double(readyPods))
            if abs(ratio - 1) > s.hpaTolerance {
                recommendation = Int((usage / p.targetPerPod - 1e-9).rounded(.up))
            }
        }
        recommendations.append((t, recommendation))
        while let first = recommendations.first, first.t < t - s.scaleDownStabilization.value - 1e-9 {
            recommendations.removeFirst()
        }
        var desired = recommendation
        if recommendation < replicas {
            desired = min(replicas, recommendations.map(\.replicas).max() ?? recommendation)
        }
        scaleEvents.removeAll { $0.t <= t - s.policyPeriod.value + 1e-9 }
        let added = scaleEvents.filter { $0.delta > 0 }.reduce(0) { $0 + $1.delta }
        let removed = scaleEvents.filter { $0.delta < 0 }.reduce(0) { $0 - $1.delta }
        let upStart = replicas - added
        let upLimit = max(
            Int((Double(upStart) * (1 + s.scaleUpPercent / 100) - 1e-9).rounded(.up)), upStart + s.scaleUpPods)
        let downStart = replicas + removed
        let downLimit = Int((Double(downStart) * (1 - s.scaleDownPercent / 100) - 1e-9).rounded(.up))
        desired = max(min(desired, upLimit), downLimit, minimum, 1)
        scale(to: desired, t: t)
    }

    private mutating func scale(to desired: Int, t: Double) {
        let delta = desired - replicas
        guard delta != 0 else { return }
        scaleEvents.append((t, delta))
        replicas = desired
        if delta > 0 {
            pending += delta
            return
        }
        // A ReplicaSet removes unscheduled pods first, then not-yet-ready ones (newest first), then ready ones.
        var remove = -delta
        let fromPending = min(remove, pending)
        pending -= fromPending
        remove -= fromPending
        while remove > 0, var last = starting.popLast() {
            let take = min(remove, last.count)
            last.count -= take
            remove -= take
            if last.count > 0 { starting.append(last) }
        }
        readyPods -= remove
    }

    /// Pending pods go to free slots on Ready nodes; they serve `pod_start` later.
    private mutating func schedule(t: Double) {
        let free = readyNodes * p.podsPerNode - readyPods - startingPods
        let placed = min(pending, max(free, 0))
        guard placed > 0 else { return }
        pending -= placed
        starting.append((t + p.podStart, placed))
    }

    /// Karpenter: pods no launching node will hold are batched until none arrived for `batch_idle` or `batch_max`
    /// after the first, then ⌈pods ÷ pods per node⌉ nodes launch, Ready `node_start` later.
    private mutating func provision(t: Double) {
        let unprovisioned = pending - launchingNodes * p.podsPerNode
        guard unprovisioned > 0 else {
            batchOpened = nil
            return
        }
        if batchOpened == nil {
            batchOpened = t
            batchChanged = t
        } else if unprovisioned > batchPods {
            batchChanged = t
        }
        batchPods = unprovisioned
        let s = p.scaling
        guard let opened = batchOpened,
            t - batchChanged >= s.batchIdle.value - 1e-9 || t - opened >= s.batchMax.value - 1e-9
        else { return }
        launching.append((t + p.nodeStart, GatewayFleet.nodes(for: unprovisioned, p.podsPerNode)))
        batchOpened = nil
    }

    /// Empty nodes (beyond ⌈pods ÷ pods per node⌉, ideal packing) go once they were empty `consolidate_after`.
    private mutating func consolidate(t: Double) {
        let needed = GatewayFleet.nodes(for: readyPods + startingPods + pending, p.podsPerNode)
        let empty = readyNodes - needed
        guard empty > 0 else {
            emptySince = nil
            return
        }
        let since = emptySince ?? t
        emptySince = since
        if t - since >= p.scaling.consolidateAfter.value - 1e-9 {
            readyNodes -= empty
            emptySince = nil
        }
    }

    /// Spot interruptions as an expected-rate process: Spot nodes × rate × dt accumulate, and each whole unit takes
    /// one Ready Spot node away; its pods go back to pending (no credit for the two-minute notice).
    private mutating func interrupt(dt: Double) {
        guard p.interruptionsPerNodeSecond > 0 else { return }
        let spot = GatewaySizing.split(readyNodes, spotAllowed: p.spotAllowed, p.gateway).spot
        interruptionDebt += Double(spot) * p.interruptionsPerNodeSecond * dt
        while interruptionDebt >= 1, readyNodes > 0 {
            interruptionDebt -= 1
            readyNodes -= 1
            interruptions += 1
            var lost = min(p.podsPerNode, readyPods + startingPods)
            let fromReady = min(lost, readyPods)
            readyPods -= fromReady
            lost -= fromReady
            pending += fromReady
            while lost > 0, var last = starting.popLast() {
                let take = min(lost, last.count)
                last.count -= take
                lost -= take
                pending += take
                if last.count > 0 { starting.append(last) }
            }
        }
    }
}
