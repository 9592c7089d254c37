import Foundation

/// How one Redis node type fits the load: the shard count each constraint needs on its own (Docs/Model.md §3
/// "Routing, hot key and shards"). `estimate` takes the largest of them; `search` rejects a shard count below any of
/// them, in `SizingConstraint` order. Both read the constraints from here only (Docs/Model.md §5a).
struct RedisFit {
    var nodeType: String
    var spec: InstanceSpec?
    /// Node memory × (1 − reserved memory), bytes.
    var usableBytes: Double
    /// The type's baseline network bandwidth, bytes/s; nil when the spec has none (an imported "Up to …" type):
    /// the network is then not checked, and both commands say so.
    var baselineBytesPerSecond: Double?
    /// One queue partition's data × buffer factor, bytes: a single key, so it must fit one node.
    var queuePartitionBytes: Double
    var memoryRequired: Double
    /// ⌈memory required ÷ usable per node⌉, at least 1.
    var memoryShards: Int
    /// Smallest shard count whose busiest node stays within the baseline; nil when none does; 1 when unchecked.
    var networkShards: Int?
    /// Smallest shard count whose busiest node's engine CPU stays under the ceiling; nil when the hot key alone
    /// exceeds it.
    var engineShards: Int?
    var minShards: Int
    var load: RedisLoad
    var ceiling: Double

    init(_ type: String, input: EstimateInput, memory: RedisMemory, load: RedisLoad, engineShards: Int?) {
        let r = input.plan.redis
        nodeType = type
        spec = input.book.specs[type]
        usableBytes = (spec?.memoryGiB ?? 0) * (1 - r.reservedMemory) * Bytes.gib
        let baseline = spec?.baselineGbps ?? 0
        baselineBytesPerSecond = baseline > 0 ? baseline * 1e9 / 8 : nil
        queuePartitionBytes = memory.queueData / Double(r.queuePartitions) * r.bufferFactor
        memoryRequired = memory.required
        memoryShards = max(usableBytes > 0 ? Int((memory.required / usableBytes).rounded(.up)) : 0, 1)
        networkShards = baselineBytesPerSecond.map { load.shardsForNetwork(capacity: $0) } ?? 1
        self.engineShards = engineShards
        minShards = r.minShards
        self.load = load
        ceiling = r.engineCPUCeiling
    }

    /// Whether the network was checked: false when the spec has no baseline bandwidth.
    var networkChecked: Bool { baselineBytesPerSecond != nil }

    /// The constraints no shard count can meet, in `SizingConstraint` order.
    var unmeetable: [SizingConstraint] {
        var out: [SizingConstraint] = []
        if spec == nil { out.append(.unknownNodeType) }
        if queuePartitionBytes > usableBytes { out.append(.queuePartitionMemory) }
        if engineShards == nil { out.append(.engineCPU) }
        if networkShards == nil { out.append(.network) }
        return out
    }

    /// The shard count every constraint accepts: max(memory, network, engine CPU, min_shards); nil when one
    /// cannot be met at any shard count.
    var shards: Int? {
        guard unmeetable.isEmpty, let net = networkShards, let engine = engineShards else { return nil }
        return max(memoryShards, net, engine, minShards)
    }

    /// The first constraint `shards` shards fail, with by how much; nil when all hold.
    func failure(shards: Int) -> (SizingConstraint, String)? {
        if spec == nil { return (.unknownNodeType, "") }
        if queuePartitionBytes > usableBytes {
            return (
                .queuePartitionMemory,
                "\(Format.megabytes(queuePartitionBytes)) > usable \(Format.gibibytes(usableBytes)) per node (\(Format.number(queuePartitionBytes / usableBytes, maxDecimals: 2))×)"
            )
        }
        let perShard = memoryRequired / Double(shards)
        if shards < memoryShards {
            return (
                .memory,
                "\(Format.megabytes(memoryRequired)) ÷ \(shards) shards = \(Format.megabytes(perShard)) > usable \(Format.gibibytes(usableBytes)) (\(Format.number(perShard / usableBytes, maxDecimals: 2))×)"
            )
        }
        if engineShards.map({ shards < $0 }) ?? true {
            let engine = load.busiestEngineLoad(shards: shards)
            return (
                .engineCPU,
                "\(Format.percent(engine)) > \(Format.percent(ceiling)) (\(Format.number(engine / ceiling, maxDecimals: 2))×)"
            )
        }
        if let capacity = baselineBytesPerSecond, networkShards.map({ shards < $0 }) ?? true {
            let bandwidth = load.busiestBandwidth(shards: shards)
            return (
                .network,
                "\(Format.number(bandwidth * 8 / 1e9, maxDecimals: 3)) Gbps > \(Format.number(capacity * 8 / 1e9, maxDecimals: 3)) Gbps baseline (\(Format.number(bandwidth / capacity, maxDecimals: 2))×)"
            )
        }
        if shards < minShards { return (.minShards, "\(shards) < \(minShards)") }
        return nil
    }

    /// "; network not checked (no baseline bandwidth for TYPE)" when the spec has no baseline, else "".
    var networkNote: String { Self.networkNote(nodeType, checked: networkChecked) }

    /// "; network not checked (no baseline bandwidth for TYPE)" when the network was not checked, else "".
    static func networkNote(_ nodeType: String, checked: Bool) -> String {
        checked ? "" : "; network not checked (no baseline bandwidth for \(nodeType))"
    }
}
