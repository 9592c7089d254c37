import Foundation

/// Engine work and network traffic the plan's command mix puts on the cluster, split the way Docs/Model.md §3 routes it:
/// the queue ZSET (one hot key per partition) vs keys spread by hash slot; writes to primaries, reads to primaries
/// or replicas.
public struct RedisLoad: Codable, Hashable, Sendable {
    /// One command as issued by one API, with its rate and cost.
    public struct CommandLoad: Codable, Hashable, Sendable {
        public var api: String
        public var command: String
        public var key: KeyFamily
        public var isRead: Bool
        public var callsPerSecond: Double
        public var cost: CommandCost
        public var bytesPerCall: Double
        /// Core-seconds per second (1.0 = one engine core).
        public var engineLoad: Double { callsPerSecond * cost.totalMicros / 1_000_000 }
        public var bandwidth: Double { callsPerSecond * bytesPerCall }
    }

    public var commands: [CommandLoad]
    public var partitions: Int
    public var replicas: Int
    public var readFromReplicas: Bool
    /// Engine CPU every node spends at zero load (fraction of one core): the load test's fitted intercept × the
    /// transfer factor (`CostBasis`), 0 on measured or reference costs. Part of every node's figure.
    public var baseline: Double = 0

    /// Totals by route: per queue partition (writes, reads) and spread over all shards (writes, reads).
    struct Split {
        var queueWrite = 0.0, queueRead = 0.0, spreadWrite = 0.0, spreadRead = 0.0
    }

    func split(_ measure: (CommandLoad) -> Double) -> Split {
        var s = Split()
        for c in commands {
            let v = measure(c)
            switch (c.key.isHotKey, c.isRead) {
            case (true, false): s.queueWrite += v / Double(partitions)
            case (true, true): s.queueRead += v / Double(partitions)
            case (false, false): s.spreadWrite += v
            case (false, true): s.spreadRead += v
            }
        }
        return s
    }

    /// The busiest primary and the busiest replica for `shards` shards, for a per-command measure.
    func busiest(shards: Int, _ measure: (CommandLoad) -> Double) -> (primary: Double, replica: Double) {
        let s = split(measure)
        let k = Double((partitions + shards - 1) / shards)
        let replicasServeReads = readFromReplicas && replicas > 0
        let primary =
            k * (s.queueWrite + (replicasServeReads ? 0 : s.queueRead))
            + (s.spreadWrite + (replicasServeReads ? 0 : s.spreadRead)) / Double(shards)
        let replica = replicasServeReads ? (k * s.queueRead + s.spreadRead / Double(shards)) / Double(replicas) : 0
        return (primary, replica)
    }

    public func busiestEngineLoad(shards: Int) -> Double {
        let b = busiest(shards: shards) { $0.engineLoad }
        return baseline + max(b.primary, b.replica)
    }

    public func busiestBandwidth(shards: Int) -> Double {
        let b = busiest(shards: shards) { $0.bandwidth }
        return max(b.primary, b.replica)
    }

    /// The floor no shard count removes: one queue partition's work on the node that serves it.
    public var hotKeyEngineLoad: Double {
        let s = split { $0.engineLoad }
        let replicasServeReads = readFromReplicas && replicas > 0
        return baseline
            + max(
                s.queueWrite + (replicasServeReads ? 0 : s.queueRead),
                replicasServeReads ? s.queueRead / Double(replicas) : 0)
    }

    public var totalEngineLoad: Double { commands.reduce(0) { $0 + $1.engineLoad } }

    /// Smallest shard count whose busiest node stays under `ceiling`, or nil when the hot key alone exceeds it.
    public func shardsForEngine(ceiling: Double, limit: Int = AWSLimits.elastiCacheMaxShards) -> Int? {
        guard hotKeyEngineLoad <= ceiling else { return nil }
        for s in 1...limit where busiestEngineLoad(shards: s) <= ceiling { return s }
        return nil
    }

    public func shardsForNetwork(capacity: Double, limit: Int = AWSLimits.elastiCacheMaxShards) -> Int? {
        for s in 1...limit where busiestBandwidth(shards: s) <= capacity { return s }
        return nil
    }

    /// `keyspace` is the N of O(log N) and O(N) commands (waiting users); nil = the plan's users.
    static func build(_ input: EstimateInput, traffic: Traffic, keyspace: Double? = nil) -> (RedisLoad, [String]) {
        let plan = input.plan
        let r = plan.redis
        let users = keyspace ?? Double(plan.event.users)
        var loads: [CommandLoad] = []
        var missing: [String] = []
        for api in plan.apis {
            let rate = traffic.rate(of: api.driver)
            for use in api.commands {
                let perRequest = use.count * (use.fanOut == .otherPartitions ? Double(r.queuePartitions - 1) : 1)
                guard perRequest > 0 else { continue }
                let complexity = CommandCostTable.complexity[use.command] ?? .constant
                let n = complexity == .linear ? users : users / Double(r.queuePartitions)
                guard let cost = input.costs.cost(use.command, n: n, engine: r.engine) else {
                    missing.append(use.command)
                    continue
                }
                loads.append(
                    CommandLoad(
                        api: api.name, command: use.command, key: use.key, isRead: use.isRead,
                        callsPerSecond: rate * perRequest, cost: cost,
                        bytesPerCall: CommandBytes.perCall(use.command, keyspace: users)))
            }
        }
        return (
            RedisLoad(
                commands: loads, partitions: r.queuePartitions, replicas: r.replicas,
                readFromReplicas: r.readFromReplicas,
                baseline: input.costs.basis.baseline * input.costs.basis.factor),
            missing
        )
    }
}
