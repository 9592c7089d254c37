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
            "redis.queue_data", "Queue data", value: queue, unit: "B", display: Format.megabytes(queue),
            formula: "users × bytes per user (Docs/Model.md §3)",
            arithmetic:
                "\(Format.number(users)) users × \(Format.number(r.bytesPerUser.value)) B = \(Format.megabytes(queue))",
            inputs: [
                FigureInput("users", Format.number(users), input.from("event.users")),
                FigureInput(
                    "bytes_per_user", Format.number(r.bytesPerUser.value) + " B", input.from("redis.bytes_per_user")),
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
                display: Format.megabytes(bytes),
                formula: "min(creation rate × TTL, users) × bytes per key (seed security design; Docs/Model.md §3)",
                arithmetic:
                    "min(\(Format.rate(rate)) × \(Format.seconds(t.ttl)), \(Format.number(cap))) = \(Format.number(live, maxDecimals: 0)) keys × \(Format.number(t.bytesPerKey.value)) B = \(Format.megabytes(bytes))",
                inputs: [
                    FigureInput("created per", t.createdPer.rawValue, input.from("redis.transient_keys")),
                    FigureInput("ttl", Format.seconds(t.ttl), input.from("redis.transient_keys")),
                ])
        }
        let transientTotal = families.reduce(0) { $0 + $1.bytes }
        let required = (queue + transientTotal) * r.bufferFactor
        ledger.record(
            "redis.memory_required", "Memory required", value: required, unit: "B", display: Format.megabytes(required),
            formula: "(queue data + transient keys) × buffer factor (Docs/Model.md §3)",
            arithmetic:
                "(\(Format.megabytes(queue)) + \(Format.megabytes(transientTotal))) × \(Format.number(r.bufferFactor)) = \(Format.megabytes(required))",
            inputs: [
                ledger.ref("redis.queue_data", "queue data"),
                FigureInput("buffer_factor", Format.number(r.bufferFactor), input.from("redis.buffer_factor")),
            ])
        return RedisMemory(queueData: queue, transient: families, required: required)
    }
}
