import Yams

enum RedisReader {
    static func read(_ r: FieldReader) -> RedisSpec? {
        let engine = r.optional("engine", "redis or valkey", default: Engine.redis, note: "Redis OSS") {
            r.choice($0, $1, "engine", Engine.self)
        }
        let candidates = r.stringList("candidates", required: true)
        let replicas = r.optional("replicas", "replicas per shard", default: 1, note: "one replica per shard for HA") {
            r.positiveInt($0, $1, "replicas", min: 0, max: 5)
        }
        let fromReplicas = r.optional(
            "read_from_replicas", "true or false", default: false, note: "reads go to primaries"
        ) {
            r.bool($0, $1, "read_from_replicas")
        }
        let partitions = r.optional("queue_partitions", "a whole number", default: 1, note: "a single queue ZSET") {
            r.positiveInt($0, $1, "queue_partitions", max: AWSLimits.elastiCacheMaxShards)
        }
        let perUser = r.optional("bytes_per_user", "a size", default: Bytes(1000), note: "1KB per waiting user (seed)")
        {
            r.bytes($0, $1, "bytes_per_user")
        }
        let buffer = r.optional(
            "buffer_factor", "a number ≥ 1", default: 2.0, note: "2× the data (fragmentation, growth)"
        ) {
            r.number($0, $1, "buffer_factor", range: 1...100)
        }
        let reserved = r.optional(
            "reserved_memory", "a fraction", default: 0.25, note: "25 % (ElastiCache reserved-memory-percent)"
        ) {
            r.fraction($0, $1, "reserved_memory")
        }
        let ceiling = r.optional("engine_cpu_ceiling", "a fraction", default: 0.8, note: "80 % of the engine core") {
            r.fraction($0, $1, "engine_cpu_ceiling", allowZero: false)
        }
        let minShards = r.optional("min_shards", "a whole number", default: 1, note: "no floor") {
            r.positiveInt($0, $1, "min_shards", max: AWSLimits.elastiCacheMaxShards)
        }
        let alwaysOn = r.optional("always_on", "true or false", default: true, note: "the cluster runs all month") {
            r.bool($0, $1, "always_on")
        }
        let transient = readTransient(r.raw("transient_keys"), r)
        r.finish()
        guard let candidates, let transient else { return nil }
        return RedisSpec(
            engine: engine, candidates: candidates, replicas: replicas, readFromReplicas: fromReplicas,
            queuePartitions: partitions, bytesPerUser: perUser, bufferFactor: buffer, reservedMemory: reserved,
            engineCPUCeiling: ceiling, minShards: minShards, transientKeys: transient, alwaysOn: alwaysOn)
    }

    /// The seed's security design: admission tokens (30 s TTL), idempotency keys (5 min), rate-limit buckets.
    /// Bytes per key from the reference benchmark: a string key ≈ 312–341 B, a small hash ≈ 344–366 B.
    static let defaultTransient: [TransientKeys] = [
        TransientKeys(name: "admission_tokens", createdPer: .admission, ttl: Seconds(30), bytesPerKey: Bytes(350)),
        TransientKeys(name: "idempotency_keys", createdPer: .reservation, ttl: Seconds(300), bytesPerKey: Bytes(350)),
        TransientKeys(name: "rate_limit_buckets", createdPer: .poll, ttl: Seconds(2), bytesPerKey: Bytes(370)),
    ]

    static func readTransient(_ node: Node?, _ parent: FieldReader) -> [TransientKeys]? {
        let path = parent.fieldPath("transient_keys")
        guard let node else {
            parent.ctx.provenance.defaults[path] =
                "tokens 30 s, idempotency 5 min, rate-limit buckets 2 s; ≈350 B per key (reference benchmark)"
            return defaultTransient
        }
        let top = FieldReader(node, path: path, ctx: parent.ctx)
        var out: [TransientKeys] = []
        var failed = false
        for pair in top.pairs {
            let r = FieldReader(top.raw(pair.key), path: "\(path).\(pair.key)", ctx: parent.ctx)
            let per = r.required("created_per", "what creates a key", example: "admission") {
                r.choice($0, $1, "created_per", ApiDriver.self)
            }
            let ttl = r.required("ttl", "a duration", example: "30s") { r.duration($0, $1, "ttl") }
            let bytes = r.optional(
                "bytes_per_key", "a size", default: Bytes(350), note: "≈350 B per key (reference benchmark)"
            ) {
                r.bytes($0, $1, "bytes_per_key")
            }
            r.finish()
            guard let per, let ttl else {
                failed = true
                continue
            }
            out.append(TransientKeys(name: pair.key, createdPer: per, ttl: ttl, bytesPerKey: bytes))
        }
        return failed ? nil : out
    }
}
