/// A node role on a shard that holds a queue partition or on one that does not (Docs/Model.md §3): the node table
/// of the estimate. The raw value is the label reports print.
public enum ShardNodeRole: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case primaryQueueShard = "primary, queue shard"
    case replicaQueueShard = "replica, queue shard"
    case primaryOtherShard = "primary, other shard"
    case replicaOtherShard = "replica, other shard"
    public var description: String { rawValue }
}
