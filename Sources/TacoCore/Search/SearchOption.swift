import Foundation

/// One evaluated configuration of one resource.
public struct SearchOption: Codable, Hashable, Sendable {
    public var resource: ResourceKind
    /// `cache.m7g.xlarge × 5 shards × (1 + 1), 1 partition`.
    public var configuration: String
    public var nodes: Int
    public var hourly: Money?
    public var cost: Money?
    /// nil when feasible; else the first constraint it fails (in `SizingConstraint` order).
    public var rejection: SizingConstraint?
    public var detail: String
    /// The node type (Redis, gateway); empty for DynamoDB.
    public var nodeType = ""
    /// Redis: shards, replicas per shard, queue partitions; 0 otherwise.
    public var shards = 0
    public var replicas = 0
    public var partitions = 0
    /// Gateway: the On-Demand / Spot split of `nodes`; 0 otherwise.
    public var onDemandNodes = 0
    public var spotNodes = 0
    /// Sort key after cost: the configuration's numbers, for a deterministic order among equal costs.
    var order: [Double] = []

    /// The label of the first constraint it fails (`SizingConstraint.rawValue`); nil when feasible.
    public var rejectedBy: String? { rejection?.rawValue }
}
