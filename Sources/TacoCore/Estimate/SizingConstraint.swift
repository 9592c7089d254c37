/// A constraint a configuration must meet, one list for `estimate` and `search` (Docs/Model.md §3–§5, §5a). The raw value is the label reports and the `search` JSON print as `rejectedBy`.
public enum SizingConstraint: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The node type has no instance spec (memory, bandwidth) in the price book.
    case unknownNodeType = "unknown node type"
    /// One queue partition (a single key) must fit one node's usable memory: no shard count splits it.
    case queuePartitionMemory = "memory (one queue partition)"
    /// The cluster's required memory ÷ shards must fit one node's usable memory.
    case memory = "memory"
    /// The busiest node's engine CPU must stay under `engine_cpu_ceiling`.
    case engineCPU = "engine CPU ceiling on the busiest node"
    /// The busiest node's bandwidth must stay under the node type's baseline (checked only when the spec has one).
    case network = "baseline network"
    /// The plan's `min_shards` floor.
    case minShards = "plan floor min_shards"
    /// A gateway pod does not fit a node's allocatable CPU and memory.
    case podPacking = "pod packing"
    /// DynamoDB: one partition key serves at most `AWSLimits.dynamoPartitionWCU` WRU/s, whatever the mode.
    case partitionLimit = "partition limit"
    /// No price in force: never $0, so an unpriced option is not chosen.
    case unpriced = "UNPRICED"

    public var description: String { rawValue }
}
