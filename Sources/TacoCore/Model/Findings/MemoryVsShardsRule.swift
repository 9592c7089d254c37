import Foundation

/// Which requirement sets the Redis shard count, and how much of the cluster memory is used (Docs/Model.md §7).
enum MemoryVsShardsRule: FindingRule {
    static func findings(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        guard let c = e.redis.chosen, let shards = c.shards else { return [] }
        let usableTotal = c.usableMemoryGiB * Double(shards)
        let msg =
            "The cluster's \(shards) shards hold \(Show.n(usableTotal)) GiB of usable memory for \(Show.mb(e.redis.memory.required)) required (\(Show.n(e.redis.memory.required / (usableTotal * Bytes.gib) * 100, 1)) %). Memory needs \(c.memoryShards) shard(s), engine CPU \(e.redis.engineShards.map(String.init) ?? "—"), the plan floor \(input.plan.redis.minShards): \(c.note). The seed's \"300MB + buffer = 2GB\" is \(Show.n(SeedClaims.redisMemoryBytes / e.redis.memory.queueData, 1))× the queue data; either way memory is not what drives the shard count."
        return [
            Finding(
                id: "memory-not-driver", severity: .info, title: "Memory does not drive the shard count", message: msg,
                claim: "cache.m7g.xlarge × 10 nodes (5 shards)")
        ]
    }
}
