import Foundation

/// The bounds of the search (MODEL §5, §6): every combination inside them is evaluated.
public struct SearchSpace: Codable, Hashable, Sendable {
    public var cacheTypes: [String]
    public var shards: ClosedRange<Int>
    public var replicas: ClosedRange<Int>
    public var queuePartitions: [Int]
    public var gatewayTypes: [String]
    /// Spot shares to try, as fractions.
    public var spotShares: [Double]
    public var dynamoModes: [CapacityMode]

    public init(
        cacheTypes: [String], shards: ClosedRange<Int>, replicas: ClosedRange<Int>, queuePartitions: [Int],
        gatewayTypes: [String], spotShares: [Double], dynamoModes: [CapacityMode]
    ) {
        self.cacheTypes = cacheTypes
        self.shards = shards
        self.replicas = replicas
        self.queuePartitions = queuePartitions
        self.gatewayTypes = gatewayTypes
        self.spotShares = spotShares
        self.dynamoModes = dynamoModes
    }

    /// The plan's own candidates, shards from `min_shards` to 32 (at least `min_shards`), the plan's replica count,
    /// its queue partitions, Spot shares 0 %…100 % in steps of 10 %, and the plan's DynamoDB mode.
    public static func of(_ plan: Plan) -> SearchSpace {
        SearchSpace(
            cacheTypes: plan.redis.candidates, shards: plan.redis.minShards...max(plan.redis.minShards, 32),
            replicas: plan.redis.replicas...plan.redis.replicas, queuePartitions: [plan.redis.queuePartitions],
            gatewayTypes: plan.gateway.nodeCandidates, spotShares: (0...10).map { Double($0) / 10 },
            dynamoModes: [plan.dynamodb.mode])
    }
}

/// What to minimize.
public enum SearchObjective: String, Codable, Hashable, Sendable, CaseIterable {
    case perMonth = "month"
    case perEvent = "event"
}

/// One evaluated configuration of one resource.
public struct SearchOption: Codable, Hashable, Sendable {
    public var resource: String
    /// `cache.m7g.xlarge × 5 shards × (1 + 1), 1 partition`.
    public var configuration: String
    public var nodes: Int
    public var hourly: Money?
    public var cost: Money?
    /// nil when feasible; else the first constraint it fails (in the fixed order the constraints are checked).
    public var rejectedBy: String?
    public var detail: String
    /// Sort key after cost: the configuration's numbers, for a deterministic order among equal costs.
    var order: [Double]
}

/// The cheapest feasible configuration, the top alternatives, and the cheaper ones rejected with why.
public struct SearchResult: Codable, Hashable, Sendable {
    public var objective: SearchObjective
    public var evaluated: Int
    /// Combinations covered: the resources are independent in cost and constraints, so the cheapest combination
    /// is the cheapest of each (the product is covered without enumerating it).
    public var combinations: Double
    public var redis: [SearchOption]
    public var gateway: [SearchOption]
    public var dynamodb: [SearchOption]
    public var chosenRedis: SearchOption?
    public var chosenGateway: SearchOption?
    public var chosenDynamo: SearchOption?
    /// Fixed cost of the objective (EKS control plane).
    public var fixed: Money
    public var total: Money?
    public var warnings: [String]

    /// The cheapest feasible options of one resource, best first.
    public func top(_ resource: String, _ n: Int) -> [SearchOption] {
        Array(all(resource).filter { $0.rejectedBy == nil && $0.cost != nil }.prefix(n))
    }

    /// Rejected options cheaper than the chosen one, cheapest first; every rejected option (UNPRICED ones too)
    /// when nothing is feasible, so the reason is always shown.
    public func rejectedCheaper(_ resource: String) -> [SearchOption] {
        let chosen = resource == "redis" ? chosenRedis : (resource == "gateway" ? chosenGateway : chosenDynamo)
        return all(resource).filter { o in
            guard o.rejectedBy != nil else { return false }
            guard let best = chosen?.cost else { return true }
            guard let c = o.cost else { return false }
            return c < best
        }
    }

    func all(_ resource: String) -> [SearchOption] {
        resource == "redis" ? redis : (resource == "gateway" ? gateway : dynamodb)
    }
}

/// Exhaustive, deterministic search over a `SearchSpace`, reusing the estimate's model pieces.
public enum ConfigSearch {
    public static func run(_ input: EstimateInput, space: SearchSpace, objective: SearchObjective) -> SearchResult {
        let base = Estimate.compute(input)
        let plan = input.plan
        let hours = Costing.eventHours(plan, traffic: base.traffic)
        let events = Decimal(plan.event.eventsPerMonth)
        func cost(hourly: Money, alwaysOn: Bool) -> Money {
            switch objective {
            case .perEvent: return hourly * hours
            case .perMonth: return alwaysOn ? hourly * Costing.hoursPerMonth : hourly * hours * events
            }
        }
        var redis = redisOptions(input, base: base, space: space) { cost(hourly: $0, alwaysOn: plan.redis.alwaysOn) }
        // Pre-warm (MODEL §6): every node runs On-Demand for the lead time before the sale, as in the estimate.
        let preWarmHours = base.gateway.preWarm.needed ? Decimal(exactly: base.gateway.preWarm.leadSeconds) / 3600 : 0
        let perEvents: Decimal = objective == .perMonth ? events : 1
        // Always-on baseline nodes (baseline_rps, min_pods) run all month; the rest only for the event, as in the estimate.
        var gateway = gatewayOptions(
            input, pods: base.gateway.pods, baselinePods: base.gateway.baselinePods, space: space
        ) {
            hourly, baselineHourly, surgeNodes, onDemandPrice in
            cost(hourly: hourly - baselineHourly, alwaysOn: false) + cost(hourly: baselineHourly, alwaysOn: true)
                + onDemandPrice * (Decimal(surgeNodes) * preWarmHours * perEvents)
        }
        var dynamo = dynamoOptions(input, base: base, space: space, objective: objective)
        sort(&redis)
        sort(&gateway)
        sort(&dynamo)
        let eks = base.costs.first { $0.resource == "eks" }
        let fixed = (objective == .perMonth ? eks?.perMonth : eks?.perEvent) ?? .zero
        let pick: ([SearchOption]) -> SearchOption? = { $0.first { $0.rejectedBy == nil && $0.cost != nil } }
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
        if space.spotShares.contains(where: { $0 > 0 }) && spotTypes.count < 15 {
            warnings.append(
                "only \(spotTypes.count) instance type(s) are allowed for Spot (interruption ≤ \(g0.interruptionLimit.label)); Karpenter's Spot-to-Spot consolidation needs at least 15 to reach the modelled savings"
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

    /// Constraints in order: queue partition memory, memory, engine CPU on the busiest node, baseline network.
    static func redisOptions(_ input: EstimateInput, base: Estimate, space: SearchSpace, cost: (Money) -> Money)
        -> [SearchOption]
    {
        var out: [SearchOption] = []
        let r = input.plan.redis
        let memory = base.redis.memory
        for (ti, type) in space.cacheTypes.enumerated() {
            let spec = input.book.specs[type]
            let usable = (spec?.memoryGiB ?? 0) * (1 - r.reservedMemory) * Bytes.gib
            let capacity = (spec?.baselineGbps ?? 0) * 1e9 / 8
            let key = PriceKey(
                service: .elasticache, region: input.plan.event.region, product: type, engineOS: r.engine.rawValue,
                purchaseOption: "on-demand", unit: "hour")
            let price = input.book.sheet.quote(key)?.usd
            for partitions in space.queuePartitions {
                for replicas in space.replicas {
                    var p = input.plan
                    p.redis.queuePartitions = partitions
                    p.redis.replicas = replicas
                    var i = input
                    i.plan = p
                    let (load, _) = RedisLoad.build(i, traffic: base.traffic)
                    let partitionBytes = memory.queueData / Double(partitions) * r.bufferFactor
                    for shards in space.shards {
                        let nodes = shards * (1 + replicas)
                        let hourly = price.map { $0 * Decimal(nodes) }
                        var o = SearchOption(
                            resource: "redis",
                            configuration:
                                "\(type) \(r.engine.displayName) × \(shards) shards × (1 + \(replicas)), \(partitions) partition(s)",
                            nodes: nodes, hourly: hourly, cost: hourly.map(cost), rejectedBy: nil, detail: "",
                            order: [Double(ti), Double(shards), Double(replicas), Double(partitions)])
                        let engine = load.busiestEngineLoad(shards: shards)
                        let bandwidth = load.busiestBandwidth(shards: shards)
                        if spec == nil {
                            o.rejectedBy = "unknown node type"
                        } else if partitionBytes > usable {
                            o.rejectedBy = "memory (one queue partition)"
                            o.detail =
                                "\(Show.mb(partitionBytes)) > usable \(Show.gib(usable)) per node (\(Show.n(partitionBytes / usable, 2))×)"
                        } else if memory.required / Double(shards) > usable {
                            o.rejectedBy = "memory"
                            o.detail =
                                "\(Show.mb(memory.required)) ÷ \(shards) shards = \(Show.mb(memory.required / Double(shards))) > usable \(Show.gib(usable)) (\(Show.n(memory.required / Double(shards) / usable, 2))×)"
                        } else if engine > r.engineCPUCeiling {
                            o.rejectedBy = "engine CPU ceiling on the busiest node"
                            o.detail =
                                "\(Show.pct(engine)) > \(Show.pct(r.engineCPUCeiling)) (\(Show.n(engine / r.engineCPUCeiling, 2))×)"
                        } else if bandwidth > capacity {
                            o.rejectedBy = "baseline network"
                            o.detail =
                                "\(Show.n(bandwidth * 8 / 1e9, 3)) Gbps > \(Show.n(capacity * 8 / 1e9, 3)) Gbps baseline (\(Show.n(bandwidth / capacity, 2))×)"
                        } else if shards < r.minShards {
                            o.rejectedBy = "plan floor min_shards"
                            o.detail = "\(shards) < \(r.minShards)"
                        } else if price == nil {
                            o.rejectedBy = "UNPRICED"
                        } else {
                            o.detail =
                                "busiest engine CPU \(Show.pct(engine)), memory \(Show.pct(memory.required / Double(shards) / usable)) of usable"
                        }
                        out.append(o)
                    }
                }
            }
        }
        return out
    }

    /// Constraints in order: pod packing, interruption bucket, Spot data, On-Demand floor.
    static func gatewayOptions(
        _ input: EstimateInput, pods: Int, baselinePods: Int, space: SearchSpace,
        cost: (_ hourly: Money, _ baselineHourly: Money, _ surgeNodes: Int, _ onDemandPrice: Money) -> Money
    )
        -> [SearchOption]
    {
        var out: [SearchOption] = []
        let g = input.plan.gateway
        for (ti, type) in space.gatewayTypes.enumerated() {
            let spec = input.book.specs[type]
            let (perNode, allocCPU, allocMem) = GatewaySizing.packing(spec, g)
            let key = PriceKey(
                service: .ec2, region: input.plan.event.region, product: type, engineOS: "linux",
                purchaseOption: "on-demand", unit: "hour")
            let price = input.book.sheet.quote(key)?.usd
            let advice = input.book.spot[type]
            for share in space.spotShares {
                let nodes = perNode > 0 ? max(Int((Double(pods) / Double(perNode)).rounded(.up)), 1) : 0
                let spot = Int((Double(nodes) * share).rounded(.down))
                let onDemand = nodes - spot
                let spotPrice = price.map { GatewaySizing.spotPrice($0, advice) }
                var hourly: Money?
                var baselineHourly = Money.zero
                let baseNodes =
                    perNode > 0 && baselinePods > 0 ? Int((Double(baselinePods) / Double(perNode)).rounded(.up)) : 0
                if let price, let spotPrice {
                    hourly = price * Decimal(onDemand) + spotPrice * Decimal(spot)
                    var atShare = g
                    atShare.spotShare = share
                    let base = GatewaySizing.split(baseNodes, spotAllowed: true, atShare)
                    baselineHourly = price * Decimal(base.onDemand) + spotPrice * Decimal(base.spot)
                }
                var o = SearchOption(
                    resource: "gateway",
                    configuration:
                        "\(type) (\(spec?.architecture.rawValue ?? "?")) × \(nodes): \(onDemand) On-Demand + \(spot) Spot (share \(Show.pct(share)))",
                    nodes: nodes, hourly: hourly,
                    cost: hourly.flatMap { h in price.map { cost(h, baselineHourly, nodes - baseNodes, $0) } },
                    rejectedBy: nil, detail: "",
                    order: [share, Double(ti)])
                if perNode == 0 {
                    o.rejectedBy = "pod packing"
                    o.detail = "a pod does not fit the allocatable \(Show.n(allocCPU)) vCPU / \(Show.gib(allocMem))"
                    o.cost = nil
                } else if spot > 0, let a = advice, a.bucket > g.interruptionLimit {
                    o.rejectedBy = "interruption bucket"
                    o.detail = "\(type) is \(a.bucket.label), the plan allows ≤ \(g.interruptionLimit.label)"
                } else if spot > 0 && advice == nil {
                    o.rejectedBy = "no Spot Advisor data"
                } else if onDemand < g.onDemandFloor {
                    o.rejectedBy = "On-Demand floor"
                    o.detail = "\(onDemand) On-Demand < floor \(g.onDemandFloor)"
                } else if price == nil {
                    o.rejectedBy = "UNPRICED"
                } else {
                    o.detail =
                        "\(pods) pods, \(perNode) per node"
                        + (advice.map { ", Spot \($0.savingsPercent) % off (\($0.bucket.label))" } ?? "")
                }
                out.append(o)
            }
        }
        return out
    }

    /// Both modes: the partition limit (≤ 1,000 WRU/s per partition key, when the plan names its keys); on-demand
    /// also the new-table limit (4,000 WRU/s absorbed at once).
    static func dynamoOptions(_ input: EstimateInput, base: Estimate, space: SearchSpace, objective: SearchObjective)
        -> [SearchOption]
    {
        let d = base.dynamodb
        let events = Decimal(input.plan.event.eventsPerMonth)
        return space.dynamoModes.enumerated().map { i, mode in
            let perEvent: Money?
            if mode == .onDemand {
                perEvent = d.wruPrice.map { $0.usd * (Decimal(exactly: d.expectedWrites) * Decimal(d.wruPerWrite)) }
            } else {
                perEvent = d.provisionedCost
            }
            var o = SearchOption(
                resource: "dynamodb",
                configuration: mode == .onDemand ? "on-demand" : "provisioned \(d.provisionedWCU) WCU",
                nodes: 0, hourly: nil, cost: perEvent.map { objective == .perMonth ? $0 * events : $0 },
                rejectedBy: nil,
                detail:
                    "peak \(Show.n(d.peakWRUPerSecond, 0)) WRU/s, ≥ \(max(Int((d.peakWRUPerSecond / 1000).rounded(.up)), 1)) partition(s)",
                order: [Double(i)])
            if let limit = d.partitionLimit {
                o.rejectedBy = "partition limit"
                o.detail = limit
            } else if mode == .onDemand && d.peakWRUPerSecond > 4000 {
                o.rejectedBy = "new-table limit"
                o.detail =
                    "peak \(Show.n(d.peakWRUPerSecond, 0)) WRU/s > 4,000 WRU/s a new on-demand table absorbs (pre-warm it)"
            }
            if perEvent == nil && o.rejectedBy == nil { o.rejectedBy = "UNPRICED" }
            return o
        }
    }
}
