public struct RedisSpec: Codable, Hashable, Sendable {
    public var engine: Engine
    /// Candidate node types (`cache.m7g.xlarge`); the cheapest that fits is chosen.
    public var candidates: [String]
    public var replicas: Int
    public var readFromReplicas: Bool
    public var queuePartitions: Int
    public var bytesPerUser: Bytes
    public var bufferFactor: Double
    /// Fraction of node memory ElastiCache reserves (`reserved-memory-percent`, default 25 %).
    public var reservedMemory: Double
    /// Highest engine CPU (one core) allowed on the busiest node.
    public var engineCPUCeiling: Double
    /// A floor on shards (the seed chose 5); the model's own requirement is reported beside it.
    public var minShards: Int
    public var transientKeys: [TransientKeys]
    /// Whether the cluster runs all month (ElastiCache clusters are not created per event).
    public var alwaysOn: Bool
}

/// A short-lived key family (admission tokens, idempotency keys, rate-limit buckets): live keys =
/// creation rate × TTL (the seed's security design: 30 s tokens, 5 min idempotency keys).
public struct TransientKeys: Codable, Hashable, Sendable {
    public var name: String
    public var createdPer: ApiDriver
    public var ttl: Seconds
    public var bytesPerKey: Bytes
}
