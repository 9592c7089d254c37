import Foundation

/// The Redis/Valkey cluster: shards, nodes and node type, each candidate with why it fits or not (Docs/Model.md §3).
/// Quantities only: `Costing.price` joins the node-hour prices (`PricedRedis`).
public struct RedisSizing: Codable, Hashable, Sendable {
    public struct Candidate: Codable, Hashable, Sendable {
        public var nodeType: String
        public var usableMemoryGiB: Double
        public var baselineGbps: Double
        public var memoryShards: Int
        public var networkShards: Int?
        public var engineShards: Int?
        public var shards: Int?
        /// The requirements that set `shards` (every one whose need equals it); nil when the candidate is not sized.
        /// The one place that says which need sets the shard count: notes, findings, the sweep and the report read it.
        public var shardDrivers: [ShardDriver]?
        /// shards × (1 + replicas); nil when the candidate is not sized.
        public var nodes: Int?
        public var feasible: Bool
        /// Why it was rejected, or which requirement set the shard count.
        public var note: String

        /// "5 shards set by memory": the shard count and what set it; nil when the candidate is not sized.
        public var shardPhrase: String? {
            guard let shards, let shardDrivers else { return nil }
            return
                "\(shards) \(shards == 1 ? "shard" : "shards") set by \(shardDrivers.map(\.phrase).joined(separator: ", "))"
        }

        /// "; network not checked (no baseline bandwidth for TYPE)" when its spec has no baseline bandwidth, else "".
        public var networkNote: String { RedisFit.networkNote(nodeType, checked: baselineGbps > 0) }
    }

    /// A command whose cost grows with N (the seed's KEYS lesson): the rate at which it fills one core.
    public struct LinearCommandFlag: Codable, Hashable, Sendable {
        public var api: String
        public var command: String
        public var n: Double
        public var microsPerCall: Double
        public var saturationRate: Double
        public var requestedRate: Double
        public var coresNeeded: Double
    }

    public struct NodeLoad: Codable, Hashable, Sendable {
        public var role: ShardNodeRole
        public var count: Int
        public var engineCPU: Double
        public var bandwidth: Double
    }

    public var engine: Engine
    public var memory: RedisMemory
    public var load: RedisLoad
    public var candidates: [Candidate]
    public var chosen: Candidate?
    public var engineShards: Int?
    public var hotKeyLoad: Double
    public var busiestEngineCPU: Double?
    public var nodeLoads: [NodeLoad]
    public var linearCommands: [LinearCommandFlag]
    public var infeasibleReason: String?
    /// The hot-key and busiest-node figures as bands with their evidence line (read them with
    /// `EngineCPUFigures.of(estimate)`).
    public var engineCPU: EngineCPUFigures
    /// When no candidate fits: the configuration the plan describes, priced anyway so a failing cluster keeps its
    /// cost in every total: the first candidate with an instance spec, at max(memory, network, engine-CPU
    /// shards where one exists, `min_shards`) shards × (1 + replicas) nodes. nil when a candidate fits or none has a
    /// spec.
    public var asPlanned: Candidate?

    /// Sizes every candidate and chooses the cheapest feasible one by `Costing.hourly` at `prices`.
    static func size(_ input: EstimateInput, traffic: Traffic, prices: OptionPrices, _ ledger: inout Ledger)
        -> RedisSizing
    {
        let plan = input.plan
        let r = plan.redis
        let memory = RedisMemory.compute(input, traffic: traffic, &ledger)
        let (load, _) = RedisLoad.build(input, traffic: traffic)

        let hot = load.hotKeyEngineLoad
        let hotBand = EngineCPUBand(point: hot, evidence: input.costs.basis)
        ledger.record(
            "redis.hot_key_cpu", "Hot queue key engine CPU", value: hot, unit: "core", display: hotBand.text,
            formula:
                "baseline + Σ queue-key calls/s × µs per call ÷ partitions (÷ replicas for reads when reads go to replicas) (Docs/Model.md §3, §14)",
            arithmetic: hotKeyArithmetic(load, hot: hot),
            inputs: [
                FigureInput("evidence", Format.percent(load.baseline) + " baseline", input.costs.basis.line),
                FigureInput(
                    "band", hotBand.text, EngineCPUBand.explanation(point: hot, evidence: input.costs.basis)),
            ]
                + load.commands.filter { $0.key.isHotKey }.map {
                    FigureInput("\($0.api) \($0.command)", Format.number($0.cost.totalMicros) + " µs", $0.cost.citation)
                } + [
                    FigureInput("queue_partitions", "\(r.queuePartitions)", input.from("redis.queue_partitions")),
                    FigureInput("read_from_replicas", "\(r.readFromReplicas)", input.from("redis.read_from_replicas")),
                ])

        let engineShards = load.shardsForEngine(ceiling: r.engineCPUCeiling)
        ledger.record(
            "redis.engine_shards", "Shards needed for engine CPU", value: Double(engineShards ?? 0), unit: "shards",
            display: engineShards.map { "\($0)" } ?? "none suffices (hot key)",
            formula: "smallest S with busiest node's engine CPU ≤ ceiling (Docs/Model.md §3)",
            arithmetic: engineShards.map {
                "busiest node at S=\($0): \(Format.percent(load.busiestEngineLoad(shards: $0))) ≤ \(Format.percent(r.engineCPUCeiling))"
            } ?? "hot key alone needs \(Format.percent(hot)) > ceiling \(Format.percent(r.engineCPUCeiling))",
            inputs: [
                FigureInput(
                    "engine_cpu_ceiling", Format.percent(r.engineCPUCeiling), input.from("redis.engine_cpu_ceiling")),
                FigureInput("total engine CPU", Format.percent(load.totalEngineLoad), "Σ all command loads"),
            ])

        var flags: [LinearCommandFlag] = []
        for c in load.commands where c.cost.complexity == .linear {
            flags.append(
                LinearCommandFlag(
                    api: c.api, command: c.command, n: c.cost.n, microsPerCall: c.cost.totalMicros,
                    saturationRate: c.cost.saturationRate, requestedRate: c.callsPerSecond,
                    coresNeeded: c.engineLoad))
        }

        var candidates: [Candidate] = []
        for type in r.candidates {
            candidates.append(evaluate(type, input: input, memory: memory, load: load, engineShards: engineShards))
        }
        let feasible = candidates.filter(\.feasible)
        let priced = feasible.compactMap { c in
            c.nodes.flatMap { Costing.hourly(prices.cacheNode(c.nodeType), count: $0) }.map { (c, $0) }
        }
        let chosen = priced.min { ($0.1.amount, $0.0.nodeType) < ($1.1.amount, $1.0.nodeType) }?.0 ?? feasible.first

        var sizing = RedisSizing(
            engine: r.engine, memory: memory, load: load, candidates: candidates, chosen: chosen,
            engineShards: engineShards, hotKeyLoad: hot, busiestEngineCPU: nil, nodeLoads: [], linearCommands: flags,
            infeasibleReason: nil,
            engineCPU: EngineCPUFigures(
                hotKey: EngineCPUBand(point: hot, evidence: input.costs.basis), busiestNode: nil,
                evidence: input.costs.basis.line, steps: input.costs.basis.steps, ceiling: r.engineCPUCeiling),
            asPlanned: nil)
        if let c = chosen, let shards = c.shards {
            let busiest = load.busiestEngineLoad(shards: shards)
            sizing.busiestEngineCPU = busiest
            sizing.engineCPU.busiestNode = EngineCPUBand(point: busiest, evidence: input.costs.basis)
            sizing.nodeLoads = nodeLoads(load, shards: shards)
            record(c, sizing: sizing, input: input, &ledger)
        } else {
            sizing.infeasibleReason = candidates.map { "\($0.nodeType): \($0.note)" }.joined(separator: "; ")
            sizing.asPlanned = asPlanned(candidates, input: input, memory: memory, load: load)
        }
        return sizing
    }

    /// The plan's own cluster when it fails: the first candidate with a spec, sized by every constraint that can be
    /// met (memory, network, engine CPU when a shard count suffices, `min_shards`), the failing one ignored.
    static func asPlanned(_ candidates: [Candidate], input: EstimateInput, memory: RedisMemory, load: RedisLoad)
        -> Candidate?
    {
        let r = input.plan.redis
        guard var c = candidates.first(where: { input.book.specs[$0.nodeType] != nil }) else { return nil }
        let shards = max(c.memoryShards, c.networkShards ?? 1, c.engineShards ?? 1, r.minShards)
        c.shards = shards
        c.shardDrivers = ShardDriver.drivers(
            shards: shards, memory: c.memoryShards, network: c.networkShards, engineCPU: c.engineShards,
            minShards: r.minShards)
        c.nodes = shards * (1 + r.replicas)
        c.feasible = false
        return c
    }

    /// "writes on the primary: … = a; reads per replica: … = b → max": how the hot-key figure is put together.
    static func hotKeyArithmetic(_ load: RedisLoad, hot: Double) -> String {
        let queue = load.commands.filter { $0.key.isHotKey }
        let toReplicas = load.readFromReplicas && load.replicas > 0
        let p = Double(load.partitions)
        func terms(_ cs: [RedisLoad.CommandLoad]) -> String {
            cs.map { "\($0.command) \(Format.rate($0.callsPerSecond)) × \(Format.number($0.cost.totalMicros)) µs" }
                .joined(separator: " + ")
        }
        let part = load.partitions > 1 ? " ÷ \(load.partitions) partitions" : ""
        let base = load.baseline > 0 ? "baseline \(Format.percent(load.baseline)) + " : ""
        guard toReplicas else {
            let total = queue.reduce(0) { $0 + $1.engineLoad } / p
            return
                "\(base)(\(terms(queue)))\(part) = \(Format.percent(load.baseline + total)) of one core on the queue primary"
        }
        let writes = queue.filter { !$0.isRead }
        let reads = queue.filter(\.isRead)
        let w = writes.reduce(0) { $0 + $1.engineLoad } / p
        let r = reads.reduce(0) { $0 + $1.engineLoad } / p / Double(load.replicas)
        return
            "\(base)writes on the primary (\(terms(writes)))\(part) = \(Format.percent(load.baseline + w)); \(base)reads per replica (\(terms(reads)))\(part) ÷ \(load.replicas) = \(Format.percent(load.baseline + r)); busiest = \(Format.percent(hot))"
    }

    /// One candidate type judged by `RedisFit`, the constraints `search` judges with too (Docs/Model.md §3).
    static func evaluate(_ type: String, input: EstimateInput, memory: RedisMemory, load: RedisLoad, engineShards: Int?)
        -> Candidate
    {
        let r = input.plan.redis
        let fit = RedisFit(type, input: input, memory: memory, load: load, engineShards: engineShards)
        let usable = fit.usableBytes / Bytes.gib
        let baseline = fit.spec?.baselineGbps ?? 0
        var c = Candidate(
            nodeType: type, usableMemoryGiB: usable, baselineGbps: baseline, memoryShards: fit.memoryShards,
            networkShards: fit.networkShards, engineShards: engineShards, shards: nil, shardDrivers: nil, nodes: nil,
            feasible: false, note: "")
        switch fit.unmeetable.first {
        case .unknownNodeType:
            c.note = "unknown node type: no instance spec for \(type) in the price book"
            return c
        case .queuePartitionMemory:
            c.note =
                "memory: one queue partition (\(Format.megabytes(fit.queuePartitionBytes))) exceeds a node's usable \(Format.number(usable)) GiB"
            return c
        case .engineCPU:
            c.note =
                "hot key: one queue partition needs \(Format.percent(load.hotKeyEngineLoad)) of an engine core (ceiling \(Format.percent(r.engineCPUCeiling)))"
            if let worst = load.commands.filter({ $0.key.isHotKey }).max(by: { $0.engineLoad < $1.engineLoad }),
                worst.cost.complexity == .linear
            {
                c.note +=
                    "; \(worst.command) at N = \(Format.number(worst.cost.n)) costs \(Format.number(worst.cost.totalMicros, maxDecimals: 0)) µs, so one core saturates at \(Format.number(worst.cost.saturationRate, maxDecimals: 1)) calls/s while \(worst.api) issues \(Format.rate(worst.callsPerSecond))"
            } else {
                c.note += "; add read replicas with read_from_replicas, queue partitions, or lighten the command mix"
            }
            return c
        case .network:
            c.note =
                "network: the busiest node would need more than \(Format.number(baseline)) Gbps baseline at any shard count"
            return c
        default: break
        }
        guard let shards = fit.shards, let netShards = fit.networkShards, let engineShards else { return c }
        c.shards = shards
        c.shardDrivers = ShardDriver.drivers(
            shards: shards, memory: c.memoryShards, network: netShards, engineCPU: engineShards,
            minShards: r.minShards)
        c.nodes = shards * (1 + r.replicas)
        c.feasible = true
        c.note = (c.shardPhrase ?? "") + c.networkNote
        return c
    }

    static func nodeLoads(_ load: RedisLoad, shards: Int) -> [NodeLoad] {
        let engine = load.busiest(shards: shards) { $0.engineLoad }
        let bw = load.busiest(shards: shards) { $0.bandwidth }
        let base = load.baseline
        var out = [
            NodeLoad(role: .primaryQueueShard, count: 1, engineCPU: base + engine.primary, bandwidth: bw.primary)
        ]
        if load.replicas > 0 {
            out.append(
                NodeLoad(
                    role: .replicaQueueShard, count: load.replicas, engineCPU: base + engine.replica,
                    bandwidth: bw.replica))
        }
        let queueShards = min(load.partitions, shards)
        if shards > queueShards {
            let other = RedisLoad(
                commands: load.commands.filter { !$0.key.isHotKey }, partitions: 1, replicas: load.replicas,
                readFromReplicas: load.readFromReplicas)
            let e = other.busiest(shards: shards) { $0.engineLoad }
            let b = other.busiest(shards: shards) { $0.bandwidth }
            out.append(
                NodeLoad(
                    role: .primaryOtherShard, count: shards - queueShards, engineCPU: base + e.primary,
                    bandwidth: b.primary))
            if load.replicas > 0 {
                out.append(
                    NodeLoad(
                        role: .replicaOtherShard, count: (shards - queueShards) * load.replicas,
                        engineCPU: base + e.replica, bandwidth: b.replica))
            }
        }
        return out
    }

    static func record(_ c: Candidate, sizing: RedisSizing, input: EstimateInput, _ ledger: inout Ledger) {
        let r = input.plan.redis
        ledger.record(
            "redis.usable_memory_per_node", "Usable memory per node", value: c.usableMemoryGiB, unit: "GiB",
            display: Format.number(c.usableMemoryGiB) + " GiB",
            formula: "node memory × (1 − reserved memory) (Docs/Model.md §3)",
            arithmetic:
                "\(Format.number(input.book.specs[c.nodeType]?.memoryGiB ?? 0)) GiB × (1 − \(Format.percent(r.reservedMemory))) = \(Format.number(c.usableMemoryGiB)) GiB",
            inputs: [
                FigureInput(
                    "memory", Format.number(input.book.specs[c.nodeType]?.memoryGiB ?? 0) + " GiB",
                    "instance spec \(c.nodeType): \(input.book.specs[c.nodeType]?.source ?? "")"),
                FigureInput("reserved_memory", Format.percent(r.reservedMemory), input.from("redis.reserved_memory")),
            ])
        ledger.record(
            "redis.memory_shards", "Shards needed for memory", value: Double(c.memoryShards), unit: "shards",
            display: "\(c.memoryShards)", formula: "⌈memory required ÷ usable per node⌉ (Docs/Model.md §3)",
            arithmetic:
                "⌈\(Format.megabytes(sizing.memory.required)) ÷ \(Format.number(c.usableMemoryGiB)) GiB⌉ = \(c.memoryShards)",
            inputs: [
                ledger.ref("redis.memory_required", "memory required"),
                ledger.ref("redis.usable_memory_per_node", "usable per node"),
            ])
        let shards = c.shards ?? 0
        let nodes = c.nodes ?? 0
        ledger.record(
            "redis.shards", "Shards", value: Double(shards), unit: "shards", display: "\(shards)",
            formula: "max(memory, network, engine-CPU shards, min_shards) (Docs/Model.md §3)",
            arithmetic:
                "max(\(c.memoryShards), \(c.networkShards ?? 0), \(c.engineShards ?? 0), \(r.minShards)) = \(shards)",
            inputs: [
                ledger.ref("redis.memory_shards", "memory shards"),
                ledger.ref("redis.engine_shards", "engine-CPU shards"),
                FigureInput(
                    "network shards", "\(c.networkShards ?? 0)",
                    "busiest node bandwidth ≤ \(Format.number(c.baselineGbps)) Gbps baseline"),
                FigureInput("min_shards", "\(r.minShards)", input.from("redis.min_shards")),
            ])
        ledger.record(
            "redis.nodes", "Redis nodes", value: Double(nodes), unit: "nodes", display: "\(nodes) × \(c.nodeType)",
            formula: "shards × (1 + replicas) (Docs/Model.md §3)",
            arithmetic: "\(shards) × (1 + \(r.replicas)) = \(nodes) nodes",
            inputs: [
                ledger.ref("redis.shards", "shards"),
                FigureInput("replicas", "\(r.replicas)", input.from("redis.replicas")),
            ])
        let busiest = sizing.busiestEngineCPU ?? 0
        ledger.record(
            "redis.busiest_engine_cpu", "Busiest node engine CPU", value: busiest, unit: "core",
            display: sizing.engineCPU.busiestNode?.text ?? Format.percent(busiest),
            formula: "baseline + max over nodes of Σ routed calls/s × µs per call (Docs/Model.md §3, §14)",
            arithmetic: sizing.nodeLoads.map { "\($0.role): \(Format.percent($0.engineCPU))" }.joined(separator: "; "),
            inputs: [
                FigureInput(
                    "engine_cpu_ceiling", Format.percent(r.engineCPUCeiling), input.from("redis.engine_cpu_ceiling"))
            ])
    }
}
