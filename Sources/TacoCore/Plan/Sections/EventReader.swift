enum EventReader {
    static func read(_ r: FieldReader) -> EventSpec? {
        let region = r.required("region", "an AWS region code", example: "us-east-1") { t, n -> String? in
            let ok = t.range(of: #"^[a-z]{2}(-gov)?-[a-z]+-\d$"#, options: .regularExpression) != nil
            if !ok {
                r.ctx.problem(
                    n, r.fieldPath("region"), "'\(t)' is not an AWS region code",
                    fix: "e.g. us-east-1 or ap-northeast-2")
            }
            return ok ? t : nil
        }
        let window = r.required("window", "the sale window", example: "30m") { r.duration($0, $1, "window") }
        let seats = r.required("seats", "a whole number", example: "10000") { r.positiveInt($0, $1, "seats") }
        let users = r.required("users", "a whole number", example: "300000") { r.positiveInt($0, $1, "users") }
        let ramp = r.required("ramp", "how long the crowd takes to arrive", example: "60s") {
            r.duration($0, $1, "ramp")
        }
        let wait = r.required("target_wait", "the longest acceptable wait", example: "300s") {
            r.duration($0, $1, "target_wait")
        }
        let events = r.optional("events_per_month", "a whole number", default: 1, note: "one event a month") {
            r.positiveInt($0, $1, "events_per_month", max: 744)
        }
        r.finish()
        guard let region, let window, let seats, let users, let ramp, let wait else { return nil }
        return EventSpec(
            region: region, window: window, seats: seats, users: users, ramp: ramp, targetWait: wait,
            eventsPerMonth: events)
    }
}

enum ClientReader {
    static func read(_ r: FieldReader) -> ClientSpec? {
        let poll = r.required("status_poll", "the status poll interval", example: "5s") {
            r.duration($0, $1, "status_poll", max: TimeUnits.secondsPerHour)
        }
        let heartbeat: Seconds? = r.optional("heartbeat", "a duration", default: nil, note: "no heartbeat API") {
            r.duration($0, $1, "heartbeat", max: TimeUnits.secondsPerHour)
        }
        let request = r.optional("request_bytes", "a size", default: Bytes(1000), note: "1KB per request") {
            r.bytes($0, $1, "request_bytes")
        }
        let response = r.optional("response_bytes", "a size", default: Bytes(1000), note: "1KB per response (seed)") {
            r.bytes($0, $1, "response_bytes")
        }
        r.finish()
        guard let poll else { return nil }
        return ClientSpec(statusPoll: poll, heartbeat: heartbeat, requestBytes: request, responseBytes: response)
    }
}

enum PricingReader {
    static func read(_ r: FieldReader) -> PricingSpec? {
        let asOf: Day? = r.optional("as_of", "a date", default: nil, note: "today, or --as-of") { t, n in
            guard let d = Day(iso: t) else {
                r.ctx.problem(n, r.fieldPath("as_of"), "'\(t)' is not a date", fix: "write YYYY-MM-DD, e.g. 2026-11-01")
                return nil
            }
            return d
        }
        r.finish()
        return PricingSpec(asOf: asOf)
    }
}

enum DynamoReader {
    static func read(_ r: FieldReader) -> DynamoSpec? {
        let mode = r.optional("mode", "on-demand or provisioned", default: CapacityMode.onDemand, note: "on-demand") {
            t, n -> CapacityMode? in
            if let m = CapacityMode(rawValue: t) { return m }
            r.ctx.problem(n, r.fieldPath("mode"), "'\(t)' is not a capacity mode", fix: "use on-demand or provisioned")
            return nil
        }
        let item = r.optional("item_size", "a size", default: Bytes(1000), note: "1KB (one write unit)") {
            r.bytes($0, $1, "item_size")
        }
        let tx = r.optional("transactional", "true or false", default: false, note: "standard writes") {
            r.bool($0, $1, "transactional")
        }
        let gsis = r.optional("gsis", "a whole number", default: 0, note: "no GSI written") {
            r.positiveInt($0, $1, "gsis", min: 0, max: 20)
        }
        let attempts = r.optional(
            "attempts_per_user", "a number", default: 1.0, note: "one reservation write per admitted user"
        ) {
            r.number($0, $1, "attempts_per_user", range: 0...100, exclusiveLow: true)
        }
        let target = r.optional(
            "target_utilization", "a fraction", default: 0.7, note: "70 % (DynamoDB auto-scaling default)"
        ) {
            r.fraction($0, $1, "target_utilization", allowZero: false)
        }
        let keys: Int? = r.optional(
            "partition_keys", "a whole number", default: nil, note: "per-user or per-seat keys (no hot partition)"
        ) { r.positiveInt($0, $1, "partition_keys", max: 100_000_000) }
        r.finish()
        return DynamoSpec(
            mode: mode, itemSize: item, transactional: tx, gsis: gsis, attemptsPerUser: attempts,
            targetUtilization: target, partitionKeys: keys)
    }
}
