import Yams

/// The plan's `search:` section (Docs/PlanSpec.md "search"): the bounds `tacoplan search` enumerates. Every field
/// is optional; an absent field keeps the plan's own setting (see `SearchSpace.of(_:book:)`).
public struct SearchSpec: Codable, Hashable, Sendable {
    /// Shard counts to try; nil = `redis.min_shards` … max(`min_shards`, 32).
    public var shards: ClosedRange<Int>?
    /// Replicas per shard; nil = the plan's `redis.replicas` only.
    public var replicas: ClosedRange<Int>?
    /// Queue partitions; nil = the plan's `redis.queue_partitions` only.
    public var queuePartitions: ClosedRange<Int>?
    /// Spot shares to try, as fractions in ascending order; nil = 0 %, 10 %, …, 100 %.
    public var spotShares: [Double]?
    public var objective: SearchObjective
    /// ElastiCache families (`m7g`, `r7g`) whose node types are searched besides `redis.candidates`.
    public var redisFamilies: [String]
    /// EC2 families (`c7g`, `m7i`) whose instance types are searched besides `gateway.node_candidates`.
    public var gatewayFamilies: [String]
    /// Keeps only family-selected types of these architectures; empty = any architecture.
    public var architectures: [InstanceSpec.Architecture]

    public init(
        shards: ClosedRange<Int>? = nil, replicas: ClosedRange<Int>? = nil, queuePartitions: ClosedRange<Int>? = nil,
        spotShares: [Double]? = nil, objective: SearchObjective = .perMonth, redisFamilies: [String] = [],
        gatewayFamilies: [String] = [], architectures: [InstanceSpec.Architecture] = []
    ) {
        self.shards = shards
        self.replicas = replicas
        self.queuePartitions = queuePartitions
        self.spotShares = spotShares
        self.objective = objective
        self.redisFamilies = redisFamilies
        self.gatewayFamilies = gatewayFamilies
        self.architectures = architectures
    }

    /// A plan without a `search:` section.
    public static let planDefaults = SearchSpec()
}
