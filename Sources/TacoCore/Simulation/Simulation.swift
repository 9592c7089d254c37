import Foundation

/// How many pods to pre-warm before the sale (`--prewarm`).
public enum PrewarmRequest: Hashable, Sendable {
    case none
    /// Hold at least this many Ready pods (HPA minReplicas, placeholder-backed nodes) from the start of the run until
    /// the queue empties.
    case pods(Int)
    /// The priced pre-warm (`GatewaySizing.PreWarm`, the estimate's cost line): the peak's pods on every event node,
    /// Ready before the sale. The one pre-warm the estimate, the report and the deck state.
    case auto
    /// The smallest count that sheds no request in this timeline, found by bisection: an exploration of how much
    /// headroom the autoscalers' modelled timing leaves, never the priced figure.
    case smallest
}

/// One row of the timeline.
public struct SimulationRow: Codable, Hashable, Sendable {
    /// Seconds from the sale opening (negative before it).
    public var t: Double
    public var demandRPS: Double
    public var fleet: FleetStep
    /// The waiting room; nil with an explicit `scaling.demand`.
    public var joinRate: Double?
    public var admissionRate: Double?
    public var waitingUsers: Double?
    public var longestQueueWait: Double?
    /// Busiest Redis node's engine CPU (1.0 = one core), Docs/Model.md §3.
    public var redisEngineCPU: Double?
    public var dynamoWRUPerSecond: Double?
}

/// What one run of the simulation came to (Docs/Model.md §13).
public struct SimulationSummary: Codable, Hashable, Sendable {
    /// Seconds in which demand exceeded Ready capacity.
    public var overloadedSeconds: Double
    public var shedRequests: Double
    public var peakQueuedRequests: Double
    public var longestRequestWait: Double
    public var peakDemandRPS: Double
    public var peakCapacityRPS: Double
    public var peakReadyPods: Int
    public var peakNodes: Int
    /// Seconds from the sale opening until Ready pods first reached their peak; nil when the peak was held from
    /// before the sale.
    public var timeToPeakCapacity: Double?
    public var prewarmPods: Int
    public var spotInterruptions: Int
    public var onDemandNodeHours: Double
    public var spotNodeHours: Double
    /// Gateway node cost of the simulated timeline; nil = UNPRICED (no EC2 price in force).
    public var nodeCost: Money?
    public var drainedAt: Double?
    public var turnedAwayUsers: Double?
    public var longestQueueWait: Double?
    public var peakRedisEngineCPU: Double?
    public var peakDynamoWRUPerSecond: Double?
}

/// The pre-warm simulated and its price by the one pre-warm model (`GatewaySizing.PreWarm`): with `--prewarm auto`
/// exactly the estimate's pre-warm line (nodes, seconds, cost per event).
public struct PrewarmAdvice: Codable, Hashable, Sendable {
    public var pods: Int?
    /// Event nodes started before the sale.
    public var nodes: Int?
    /// Seconds before the sale they start: node start + pod start.
    public var seconds: Double
    /// nodes × On-Demand $/h × seconds ÷ 3,600 (`Costing.preWarmPerEvent`); nil = UNPRICED or none found.
    public var costPerEvent: Money?
    /// This timeline's gateway node cost with the pre-warm minus without it (the held pods also run through the
    /// ramp): what the simulated autoscaling would add, shown beside the priced figure, never summed.
    public var timelineExtraNodeCost: Money?
    public var simulations: Int
    public var note: String
}

/// A simulated event: settings, the full series, its summary and the pre-warm advice.
public struct SimulationResult: Codable, Hashable, Sendable {
    public var plan: String
    public var nodeType: String
    public var podsPerNode: Int
    public var step: Double
    public var demandSource: String
    public var settings: ScalingSpec
    public var nodeStart: Double
    public var podStart: Double
    public var hourlyOnDemand: Money?
    public var hourlySpot: Money?
    public var priceSource: String?
    public var rows: [SimulationRow]
    public var summary: SimulationSummary
    /// The same event with no pre-warm, when a pre-warm was asked for.
    public var withoutPrewarm: SimulationSummary?
    public var prewarm: PrewarmAdvice?
}

/// `tacoplan simulate`: the event second by second (Docs/Model.md §13). Pure and deterministic: no
/// randomness, no clock.
public enum Simulation {
    /// Most steps one run may take: 200,000 (55 hours at 1 s), which bounds time and memory (~40 MB of rows).
    public static let maxSteps = 200_000
    /// Largest `--step`: 60 s, the coarsest grid that still resolves the 15 s HPA sync at all.
    public static let maxStep = 60
    /// Interruptions per Spot node per 30 days for each Spot Advisor bucket (<5 %, 5–10 %, 10–15 %, 15–20 %, >20 %):
    /// the bucket's upper bound, 20 % for ">20%" (Spot Advisor publishes a monthly interruption frequency,
    /// Docs/Model.md §13).
    static let interruptionsPerMonth = [0.05, 0.10, 0.15, 0.20, 0.20]
    /// Most pods `--prewarm` accepts (and the ceiling of the `--prewarm auto` search).
    public static let maxPrewarm = 100_000

    public static func run(
        _ input: EstimateInput, estimate: Estimate, step: Int = 1, prewarm: PrewarmRequest = .none
    ) throws(SimulationError) -> SimulationResult {
        guard (1...maxStep).contains(step) else {
            throw SimulationError(
                message: "a time step of \(step) s is outside 1…\(maxStep) s", fix: "use a step of 1 s (the default)")
        }
        guard let chosen = estimate.gateway.chosen, chosen.podsPerNode > 0 else {
            throw SimulationError(
                message: "no gateway node type fits a pod, so there is no fleet to simulate",
                fix: "see `\(input.spelling(.run(.estimate)))` for why each gateway.node_candidates type was rejected")
        }
        let dt = Double(step)
        let demand = try DemandBuilder.build(input, estimate, step: dt)
        let params = parameters(input, estimate, chosen)
        let plain = fleet(demand, params, prewarm: 0)
        var result = SimulationResult(
            plan: input.plan.name, nodeType: chosen.nodeType, podsPerNode: chosen.podsPerNode, step: dt,
            demandSource: demand.crowd == nil ? "scaling.demand stages" : "waiting room (event, clients, apis)",
            settings: input.plan.scaling, nodeStart: params.nodeStart, podStart: params.podStart,
            hourlyOnDemand: chosen.onDemandPrice?.usd,
            hourlySpot: chosen.onDemandPrice.map { Costing.spotPrice($0.usd, chosen.spot) },
            priceSource: chosen.onDemandPrice?.citation, rows: plain.rows,
            summary: summary(plain, demand, chosen, prewarm: 0))
        switch prewarm {
        case .none: return result
        case .pods(let n):
            guard (0...maxPrewarm).contains(n) else {
                throw SimulationError(
                    message: "a pre-warm of \(n) pods is outside 0…\(maxPrewarm) pods",
                    fix: "pre-warm a pod count in that range, or the priced pre-warm")
            }
            let warm = fleet(demand, params, prewarm: n)
            result.withoutPrewarm = result.summary
            result.rows = warm.rows
            result.summary = summary(warm, demand, chosen, prewarm: n)
            result.prewarm = advice(
                n, result.summary, result.withoutPrewarm, params, simulations: 2,
                note: "pre-warm of \(n) pods as asked", chosen: chosen)
        case .auto:
            let planned = estimate.gateway.preWarm
            let warm = fleet(demand, params, prewarm: planned.pods)
            result.withoutPrewarm = result.summary
            result.rows = warm.rows
            result.summary = summary(warm, demand, chosen, prewarm: planned.pods)
            result.prewarm = advice(
                planned.pods, result.summary, result.withoutPrewarm, params, simulations: 2,
                note: planned.needed
                    ? "the priced pre-warm (the estimate's line): \(planned.reason)"
                    : "no pre-warm priced: \(planned.reason)",
                chosen: chosen, planned: planned)
        case .smallest:
            let found = smallestPrewarm(demand, params, plainShed: result.summary.shedRequests)
            result.withoutPrewarm = result.summary
            if let pods = found.pods {
                let warm = fleet(demand, params, prewarm: pods)
                result.rows = warm.rows
                result.summary = summary(warm, demand, chosen, prewarm: pods)
            }
            result.prewarm = advice(
                found.pods, result.summary, result.withoutPrewarm, params, simulations: found.simulations,
                note: found.note + "; an exploration of the modelled autoscaling, not the priced pre-warm",
                chosen: chosen)
        }
        return result
    }

    static func parameters(_ input: EstimateInput, _ estimate: Estimate, _ chosen: PricedGateway.Option)
        -> FleetParameters
    {
        let g = input.plan.gateway
        let s = input.plan.scaling
        let bucket = chosen.spot?.bucket ?? g.interruptionLimit
        let bucketRate = interruptionsPerMonth[bucket.rawValue]
        return FleetParameters(
            rpsPerPod: g.rpsPerPod, targetPerPod: g.rpsPerPod * g.hpaTarget, podsPerNode: chosen.podsPerNode,
            nodeStart: g.nodeStart.value, podStart: g.podStart.value, scaling: s,
            minReplicas: max(1, g.minPods, estimate.gateway.baselinePods), spotAllowed: chosen.spotAllowed,
            gateway: g,
            interruptionsPerNodeSecond: s.spotInterruptions && chosen.spotAllowed ? bucketRate / (30 * 86_400) : 0)
    }

    struct FleetRun {
        var rows: [SimulationRow]
        var fleet: GatewayFleet
        var shed: Double
    }

    /// Runs the fleet over the demand; `prewarm` pods are held from the first step until `holdUntil`.
    static func fleet(_ demand: DemandSeries, _ p: FleetParameters, prewarm: Int) -> FleetRun {
        let first = demand.gatewayRPS.first ?? 0
        let initial = max(p.minReplicas, prewarm, Int((first / p.targetPerPod - 1e-9).rounded(.up)))
        var fleet = GatewayFleet(p, start: demand.start, pods: initial)
        var rows: [SimulationRow] = []
        rows.reserveCapacity(demand.count)
        var shed = 0.0
        for i in 0..<demand.count {
            let t = demand.time(i)
            let minimum = t < demand.holdUntil ? max(p.minReplicas, prewarm) : p.minReplicas
            let step = fleet.advance(
                index: i, t: t, dt: demand.step, demand: demand.gatewayRPS[i], minimum: minimum)
            shed += step.shed
            let c = demand.crowd
            rows.append(
                SimulationRow(
                    t: t, demandRPS: demand.gatewayRPS[i], fleet: step, joinRate: c?.joinRate[i],
                    admissionRate: c?.admissionRate[i], waitingUsers: c?.waiting[i],
                    longestQueueWait: c?.longestWait[i], redisEngineCPU: c?.redisEngineCPU[i] ?? nil,
                    dynamoWRUPerSecond: c?.dynamoWRU[i]))
        }
        return FleetRun(rows: rows, fleet: fleet, shed: shed)
    }

    /// Bisection over pods: a pre-warm of ⌈peak demand ÷ rps_per_pod⌉ pods serves every step at once, so the
    /// smallest shedding-free count lies in 0…that (doubling further when Spot interruptions cost capacity).
    /// Assumes more pre-warm never sheds more; O(log n) simulations.
    static func smallestPrewarm(_ demand: DemandSeries, _ p: FleetParameters, plainShed: Double) -> (
        pods: Int?, simulations: Int, note: String
    ) {
        if plainShed <= 1e-6 { return (0, 1, "no pre-warm needed: the autoscalers keep up with the ramp") }
        let peak = demand.gatewayRPS.max() ?? 0
        var hi = max(1, Int((peak / p.rpsPerPod - 1e-9).rounded(.up)))
        var runs = 1
        while fleet(demand, p, prewarm: hi).shed > 1e-6 {
            runs += 1
            guard hi < maxPrewarm else {
                return (nil, runs, "even \(maxPrewarm) pre-warmed pods shed requests")
            }
            hi = min(maxPrewarm, hi * 2)
        }
        runs += 1
        var lo = 0
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            runs += 1
            if fleet(demand, p, prewarm: mid).shed > 1e-6 { lo = mid } else { hi = mid }
        }
        return (hi, runs, "smallest pre-warm that sheds nothing (bisection, \(runs) simulations)")
    }

    /// The advice for `pods` held pods, priced by the one pre-warm model: `planned` itself for `--prewarm auto`,
    /// otherwise the same rule (the pods' nodes beyond the always-on ones, started node start + pod start before
    /// the sale, On-Demand).
    static func advice(
        _ pods: Int?, _ warm: SimulationSummary, _ cold: SimulationSummary?, _ p: FleetParameters, simulations: Int,
        note: String, chosen: PricedGateway.Option, planned: GatewaySizing.PreWarm? = nil
    ) -> PrewarmAdvice {
        var extra: Money?
        if pods != nil, let w = warm.nodeCost, let c = cold?.nodeCost { extra = w - c }
        let lead = p.nodeStart + p.podStart
        let model =
            planned
            ?? pods.map { n in
                let nodes = max(0, GatewayFleet.nodes(for: n, p.podsPerNode) - chosen.baselineNodes)
                return GatewaySizing.PreWarm(
                    needed: nodes > 0, leadSeconds: nodes > 0 ? lead : 0, nodes: nodes, pods: n, reason: note)
            }
        return PrewarmAdvice(
            pods: pods, nodes: model?.nodes, seconds: model?.leadSeconds ?? 0,
            costPerEvent: model.flatMap { Costing.preWarmPerEvent($0, onDemandHourly: chosen.onDemandPrice?.usd) },
            timelineExtraNodeCost: extra, simulations: simulations, note: note)
    }

    static func summary(_ run: FleetRun, _ demand: DemandSeries, _ chosen: PricedGateway.Option, prewarm: Int)
        -> SimulationSummary
    {
        let rows = run.rows
        let dt = demand.step
        let peakReady = rows.map(\.fleet.readyPods).max() ?? 0
        let firstPeak = rows.first { $0.fleet.readyPods == peakReady }?.t
        let odSeconds = run.fleet.onDemandNodeSeconds
        let spotSeconds = run.fleet.spotNodeSeconds
        let cost = chosen.onDemandPrice.map { quote -> Money in
            let spot = Costing.spotPrice(quote.usd, chosen.spot)
            return quote.usd * (Decimal(Int(odSeconds.rounded())) / 3600) + spot
                * (Decimal(Int(spotSeconds.rounded())) / 3600)
        }
        let crowd = demand.crowd
        return SimulationSummary(
            overloadedSeconds: Double(rows.filter { $0.demandRPS > $0.fleet.capacityRPS + 1e-9 }.count) * dt,
            shedRequests: run.shed, peakQueuedRequests: rows.map(\.fleet.queued).max() ?? 0,
            longestRequestWait: rows.map(\.fleet.oldestRequestWait).max() ?? 0,
            peakDemandRPS: demand.gatewayRPS.max() ?? 0, peakCapacityRPS: rows.map(\.fleet.capacityRPS).max() ?? 0,
            peakReadyPods: peakReady,
            peakNodes: rows.map { $0.fleet.readyNodes + $0.fleet.launchingNodes }.max() ?? 0,
            timeToPeakCapacity: firstPeak.flatMap { $0 > 0 ? $0 : ($0 == demand.start ? nil : 0) },
            prewarmPods: prewarm, spotInterruptions: run.fleet.interruptions, onDemandNodeHours: odSeconds / 3600,
            spotNodeHours: spotSeconds / 3600, nodeCost: cost, drainedAt: crowd?.drainedAt,
            turnedAwayUsers: crowd?.turnedAway, longestQueueWait: crowd?.longestWait.max(),
            peakRedisEngineCPU: crowd?.redisEngineCPU.compactMap { $0 }.max(),
            peakDynamoWRUPerSecond: crowd?.dynamoWRU.max())
    }
}
