import Foundation

/// Which requirement sets the Redis shard count, and how much of the cluster memory is used (Docs/Model.md §7).
enum MemoryVsShardsRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        guard let c = e.redis.chosen, let shards = c.shards else { return [] }
        let usableTotal = c.usableMemoryGiB * Double(shards)
        // Memory drives the count when it alone sets it (`shardDrivers`); it ties when another need sets it too.
        let drivers = c.shardDrivers ?? []
        let needs =
            "\(c.memoryShards) shard(s) for memory, \(e.redis.engineShards.map(String.init) ?? "—") for engine CPU, floor \(input.plan.redis.minShards)"
        let (title, verdict): (String, String) =
            drivers == [.memory]
            ? ("Memory drives the shard count", "memory sets the shard count (\(needs))")
            : drivers.contains(.memory)
                ? (
                    "Memory ties for the shard count",
                    "memory needs as many shards as the largest other need (\(needs))"
                )
                : ("Memory does not drive the shard count", "memory does not set the shard count (\(needs))")
        let msg =
            "The cluster's \(shards) shards hold \(Format.number(usableTotal)) GiB of usable memory for \(Format.megabytes(e.redis.memory.required)) required (\(Format.percent(points: e.redis.memory.required / (usableTotal * Bytes.gib) * 100))). Memory needs \(c.memoryShards) shard(s), engine CPU \(e.redis.engineShards.map(String.init) ?? "—"), the plan floor \(input.plan.redis.minShards): \(c.note). "
            + (input.plan.claim(.redisMemory).flatMap { c in
                c.value.map {
                    "The claimed \"\(c.text)\" is \(Format.number($0 / e.redis.memory.queueData, maxDecimals: 1))× the queue data. "
                }
            } ?? "") + "Here \(verdict)."
        return [
            Finding(
                id: "memory-not-driver", severity: .info,
                title: title, message: msg,
                claim: input.plan.claim(.redisShards)?.text)
        ]
    }
}
