import Foundation

/// Exhaustive, deterministic search over a `SearchSpace`, reusing the estimate's model pieces.
public enum ConfigSearch {
    public static func run(_ input: EstimateInput, space: SearchSpace, objective: SearchObjective) -> SearchResult {
        let base = Estimate.compute(input)
        let plan = input.plan
        let hours = Costing.eventHours(plan, traffic: base.traffic)
        let events = plan.event.eventsPerMonth
        // Every option is costed by `Costing`, as the estimate's cost lines are.
        func cost(hourly: Money, alwaysOn: Bool, eventHours: Decimal = hours) -> Money {
            Costing.cost(
                hourly: hourly, eventHours: eventHours, alwaysOn: alwaysOn, eventsPerMonth: events,
                objective: objective)
        }
        var redis = redisOptions(input, base: base, space: space) { cost(hourly: $0, alwaysOn: plan.redis.alwaysOn) }
        // Pre-warm (Docs/Model.md §4): every node runs On-Demand for the lead time before the sale, as in the estimate.
        let preWarmHours = base.gateway.preWarm.needed ? base.gateway.preWarm.leadHours : 0
        // Always-on baseline nodes (baseline_rps, min_pods) run all month; the rest only for the event, as in the estimate.
        var gateway = gatewayOptions(
            input, pods: base.gateway.pods, baselinePods: base.gateway.baselinePods, space: space
        ) {
            hourly, baselineHourly, surgeNodes, onDemandPrice in
            cost(hourly: hourly - baselineHourly, alwaysOn: false) + cost(hourly: baselineHourly, alwaysOn: true)
                + cost(hourly: onDemandPrice * Decimal(surgeNodes), alwaysOn: false, eventHours: preWarmHours)
        }
        var dynamo = dynamoOptions(input, base: base, space: space, objective: objective)
        sort(&redis)
        sort(&gateway)
        sort(&dynamo)
        let eks = base.costs.first { $0.resource == .eks }
        let fixed = (objective == .perMonth ? eks?.perMonth : eks?.perEvent) ?? .zero
        // The cheapest priced option that meets every constraint; else the first that meets them UNPRICED (shown
        // as such, never as INFEASIBLE: a missing price is not a failed constraint).
        let pick: ([SearchOption]) -> SearchOption? = {
            $0.first { $0.rejectedBy == nil && $0.cost != nil } ?? $0.first { $0.rejection == .unpriced }
        }
        let (r, g, d) = (pick(redis), pick(gateway), pick(dynamo))
        var total: Money?
        if let rc = r?.cost, let gc = g?.cost, let dc = d?.cost { total = fixed + rc + gc + dc }
        var warnings: [String] = []
        let g0 = plan.gateway
        if let asked = g0.requestedInterruption {
            warnings.append(
                "the plan asks for \(asked) interruption; the Spot Advisor's lowest bucket is \"<5%\", which is used")
        }
        let spotTypes = space.gatewayTypes.filter { t in
            input.book.spot[t].map { $0.bucket <= g0.interruptionLimit } ?? false
        }
        if space.spotShares.contains(where: { $0 > 0 }) && spotTypes.count < AWSLimits.spotDiversificationTypes {
            warnings.append(
                "only \(spotTypes.count) instance type(s) are allowed for Spot (interruption ≤ \(g0.interruptionLimit.label)); Karpenter's Spot-to-Spot consolidation needs at least \(AWSLimits.spotDiversificationTypes) to reach the modelled savings"
            )
        }
        return SearchResult(
            objective: objective, evaluated: redis.count + gateway.count + dynamo.count,
            combinations: Double(redis.count) * Double(gateway.count) * Double(dynamo.count), redis: redis,
            gateway: gateway, dynamodb: dynamo, chosenRedis: r, chosenGateway: g, chosenDynamo: d, fixed: fixed,
            total: total, warnings: warnings)
    }

    static func sort(_ options: inout [SearchOption]) {
        options.sort { a, b in
            let ca = a.cost?.amount ?? Decimal.greatestFiniteMagnitude
            let cb = b.cost?.amount ?? Decimal.greatestFiniteMagnitude
            if ca != cb { return ca < cb }
            if (a.rejectedBy == nil) != (b.rejectedBy == nil) { return a.rejectedBy == nil }
            if a.order != b.order { return a.order.lexicographicallyPrecedes(b.order) }
            return a.configuration < b.configuration
        }
    }

    /// Every type × partitions × replicas × shards, judged by `RedisFit`, the check `estimate` uses
    /// (Docs/Model.md §5a).
    static func redisOptions(_ input: EstimateInput, base: Estimate, space: SearchSpace, cost: (Money) -> Money)
        -> [SearchOption]
    {
        var out: [SearchOption] = []
        let r = input.plan.redis
        for (ti, type) in space.cacheTypes.enumerated() {
            let quote = OptionPrices(input).cacheNode(type)
            // Each node type gets the evidence carried to its own hardware (Docs/Model.md §14), as `estimate` of a
            // plan with that one candidate would.
            var typed = input
            typed.plan.redis.candidates = [type]
            if typed.plan.redis != input.plan.redis { typed = EvidenceLadder.reselect(typed) }
            for partitions in space.queuePartitions {
                for replicas in space.replicas {
                    var i = typed
                    i.plan.redis.queuePartitions = partitions
                    i.plan.redis.replicas = replicas
                    let (load, _) = RedisLoad.build(i, traffic: base.traffic)
                    let fit = RedisFit(
                        type, input: i, memory: base.redis.memory, load: load,
                        engineShards: load.shardsForEngine(ceiling: r.engineCPUCeiling))
                    for shards in space.shards {
                        let nodes = shards * (1 + replicas)
                        let hourly = Costing.hourly(quote, count: nodes)
                        var o = SearchOption(
                            resource: .redis,
                            configuration:
                                "\(type) \(r.engine.displayName) × \(shards) shards × (1 + \(replicas)), \(partitions) partition(s)",
                            nodes: nodes, hourly: hourly, cost: hourly.map(cost), rejection: nil, detail: "",
                            nodeType: type, shards: shards, replicas: replicas, partitions: partitions,
                            order: [Double(ti), Double(shards), Double(replicas), Double(partitions)])
                        if let (constraint, detail) = fit.failure(shards: shards) {
                            o.rejection = constraint
                            o.detail = detail
                        } else if quote == nil {
                            o.rejection = .unpriced
                        } else {
                            let engine = load.busiestEngineLoad(shards: shards)
                            o.detail =
                                "busiest engine CPU \(Format.percent(engine)), memory \(Format.percent(fit.memoryRequired / Double(shards) / fit.usableBytes)) of usable"
                                + fit.networkNote
                        }
                        out.append(o)
                    }
                }
            }
        }
        return out
    }

    /// Every type × Spot share, each judged by `GatewaySizing.option` at that share, the evaluation `estimate`
    /// uses (Docs/Model.md §4, §5a): a type Spot may not use runs On-Demand, and the On-Demand floor raises the
    /// On-Demand count (at most all nodes) rather than rejecting the share.
    static func gatewayOptions(
        _ input: EstimateInput, pods: Int, baselinePods: Int, space: SearchSpace,
        cost: (_ hourly: Money, _ baselineHourly: Money, _ surgeNodes: Int, _ onDemandPrice: Money) -> Money
    )
        -> [SearchOption]
    {
        var out: [SearchOption] = []
        for (ti, type) in space.gatewayTypes.enumerated() {
            for share in space.spotShares {
                var atShare = input
                atShare.plan.gateway.spotShare = share
                let g = Costing.price(
                    GatewaySizing.option(type, pods: pods, baselinePods: baselinePods, input: atShare),
                    OptionPrices(atShare))
                let baselineHourly =
                    Costing.gatewayHourly(
                        onDemand: g.baselineOnDemandNodes, spot: g.baselineSpotNodes, advice: g.spot,
                        quote: g.onDemandPrice) ?? .zero
                var o = SearchOption(
                    resource: .gateway,
                    configuration:
                        "\(type) (\(g.architecture)) × \(g.nodes): \(g.onDemandNodes) On-Demand + \(g.spotNodes) Spot (share \(Format.percent(share)))",
                    nodes: g.nodes, hourly: g.hourly,
                    cost: g.hourly.flatMap { h in
                        g.onDemandPrice.map { cost(h, baselineHourly, g.nodes - g.baselineNodes, $0.usd) }
                    },
                    rejection: nil, detail: "", nodeType: type, onDemandNodes: g.onDemandNodes, spotNodes: g.spotNodes,
                    order: [share, Double(ti)])
                if !g.feasible {
                    o.rejection = .podPacking
                    o.detail = g.note
                    o.cost = nil
                } else if g.hourly == nil {
                    o.rejection = .unpriced
                } else {
                    o.detail = "\(pods) pods, " + g.note
                }
                out.append(o)
            }
        }
        return out
    }

    /// Both modes: the partition limit the estimate reports (≤ `AWSLimits.dynamoPartitionWCU` WRU/s per
    /// partition key, when the plan names its keys). The on-demand new-table throughput
    /// (`AWSLimits.dynamoNewTableWRU`) is a pre-warm note in both commands, not a rejection (Docs/Model.md §5a).
    static func dynamoOptions(_ input: EstimateInput, base: Estimate, space: SearchSpace, objective: SearchObjective)
        -> [SearchOption]
    {
        let d = base.dynamodb
        let events = Decimal(input.plan.event.eventsPerMonth)
        return space.dynamoModes.enumerated().map { i, mode in
            let perEvent = mode == .onDemand ? d.expectedCost : d.provisionedCost
            var detail =
                "peak \(Format.number(d.peakWRUPerSecond, maxDecimals: 0)) WRU/s, ≥ \(max(Int((d.peakWRUPerSecond / AWSLimits.dynamoPartitionWCU).rounded(.up)), 1)) partition(s)"
            if mode == .onDemand && d.peakWRUPerSecond > AWSLimits.dynamoNewTableWRU {
                detail +=
                    "; above the \(Format.number(AWSLimits.dynamoNewTableWRU, maxDecimals: 0)) WRU/s a new on-demand table absorbs: pre-warm it"
            }
            var o = SearchOption(
                resource: .dynamodb,
                configuration: mode == .onDemand ? "on-demand" : "provisioned \(d.provisionedWCU) WCU",
                nodes: 0, hourly: nil, cost: perEvent.map { objective == .perMonth ? $0 * events : $0 },
                rejection: nil, detail: detail, order: [Double(i)])
            if let limit = d.partitionLimit {
                o.rejection = .partitionLimit
                o.detail = limit
            } else if perEvent == nil {
                o.rejection = .unpriced
            }
            return o
        }
    }
}
