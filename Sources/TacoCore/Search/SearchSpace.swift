import Foundation

/// The bounds of the search (Docs/Model.md §3, §6): every combination inside them is evaluated.
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
