/// Memory the queue and the short-lived key families need (Docs/Model.md §3 "Memory").
public struct RedisMemory: Codable, Hashable, Sendable {
    public struct Family: Codable, Hashable, Sendable {
        public var name: String
        public var liveKeys: Double
        public var bytes: Double
    }
    /// users × bytes per user.
    public var queueData: Double
    public var transient: [Family]
    /// (queue data + transient keys) × buffer factor.
    public var required: Double

    static func compute(_ input: EstimateInput, traffic: Traffic, _ ledger: inout Ledger) -> RedisMemory {
        let plan = input.plan
        let r = plan.redis
        let users = Double(plan.event.users)
        let queue = users * r.bytesPerUser.value
        ledger.record(
            "redis.queue_data", "Queue data", value: queue, unit: "B", display: Show.mb(queue),
            formula: "users × bytes per user (Docs/Model.md §3)",
            arithmetic: "\(Show.n(users)) users × \(Show.n(r.bytesPerUser.value)) B = \(Show.mb(queue))",
            inputs: [
                FigureInput("users", Show.n(users), input.from("event.users")),
                FigureInput("bytes_per_user", Show.n(r.bytesPerUser.value) + " B", input.from("redis.bytes_per_user")),
            ])
        var families: [Family] = []
        for t in r.transientKeys {
            let rate = traffic.rate(of: t.createdPer)
            let cap = users * (t.createdPer == .reservation ? plan.dynamodb.attemptsPerUser : 1)
            let live = min(rate * t.ttl.value, cap)
            let bytes = live * t.bytesPerKey.value
            families.append(Family(name: t.name, liveKeys: live, bytes: bytes))
            ledger.record(
                "redis.transient.\(t.name)", "Live \(t.name.replacingOccurrences(of: "_", with: " "))", value: bytes,
                unit: "B",
                display: Show.mb(bytes),
                formula: "min(creation rate × TTL, users) × bytes per key (seed security design; Docs/Model.md §3)",
                arithmetic:
                    "min(\(Show.rate(rate)) × \(Show.secs(t.ttl)), \(Show.n(cap))) = \(Show.n(live, 0)) keys × \(Show.n(t.bytesPerKey.value)) B = \(Show.mb(bytes))",
                inputs: [
                    FigureInput("created per", t.createdPer.rawValue, input.from("redis.transient_keys")),
                    FigureInput("ttl", Show.secs(t.ttl), input.from("redis.transient_keys")),
                ])
        }
        let transientTotal = families.reduce(0) { $0 + $1.bytes }
        let required = (queue + transientTotal) * r.bufferFactor
        ledger.record(
            "redis.memory_required", "Memory required", value: required, unit: "B", display: Show.mb(required),
            formula: "(queue data + transient keys) × buffer factor (Docs/Model.md §3)",
            arithmetic:
                "(\(Show.mb(queue)) + \(Show.mb(transientTotal))) × \(Show.n(r.bufferFactor)) = \(Show.mb(required))",
            inputs: [
                ledger.ref("redis.queue_data", "queue data"),
                FigureInput("buffer_factor", Show.n(r.bufferFactor), input.from("redis.buffer_factor")),
            ])
        return RedisMemory(queueData: queue, transient: families, required: required)
    }
}
