enum DynamoReader {
    static func read(_ r: FieldReader) -> DynamoSpec? {
        let mode = r.optional("mode", "on-demand or provisioned", default: CapacityMode.onDemand, note: "on-demand") {
            t, n -> CapacityMode? in
            if let m = CapacityMode(rawValue: t) { return m }
            r.ctx.problem(n, r.fieldPath("mode"), "'\(t)' is not a capacity mode", fix: "use on-demand or provisioned")
            return nil
        }
        let item = r.optional("item_size", "a size", default: Bytes(1000), note: "1KB (one write unit)") {
            text, node -> Bytes? in
            guard let size = r.bytes(text, node, "item_size") else { return nil }
            guard size.value <= Double(ValueRules.dynamoItemBytes) else {
                r.ctx.problem(
                    node, r.fieldPath("item_size"),
                    "'\(text)' is larger than DynamoDB's item size limit of 400 KB (\(ValueRules.dynamoItemBytes) bytes): "
                        + "such an item cannot be written",
                    fix: "store the large part in S3 and keep a pointer in the item, or split the item")
                return nil
            }
            return size
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
