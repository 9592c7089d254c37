import Foundation

/// The levers the runbook names, each the plan with one setting changed and estimated by `Estimate.compute` with the
/// plan's own price book, per-command costs and calibration — the way `AutomaticLevers` estimates `compare --levers`
/// (the read-replica, queue-partition and DynamoDB-mode levers are the same plans, so their totals agree).
public enum ReliefLevers {
    /// Points the HPA target drops by in the `hpaHeadroom` lever: one step of the 10 % HPA tolerance band
    /// (Kubernetes default, `ScalingSpec.defaults.hpaTolerance`), so the lever is the smallest change HPA notices.
    public static let hpaTargetStep = 0.10

    /// Every relief lever of the plan, keyed by kind.
    public static func all(_ input: EstimateInput, base: Estimate) -> [ReliefKind: ReliefLever] {
        let plan = input.plan
        let r = plan.redis
        let g = plan.gateway
        let shards = base.redis.chosen?.shards ?? ObservabilityModel.plannedShards(base, plan)
        var out: [ReliefKind: ReliefLever] = [:]
        func add(_ kind: ReliefKind, _ name: String, _ change: String, _ fields: [String], _ edit: (inout Plan) -> Void)
        {
            var lever = input
            edit(&lever.plan)
            out[kind] = evaluate(kind, name, change, fields, lever, base: base, baseInput: input)
        }
        add(
            .readReplica, "one more read replica per shard",
            "\(r.replicas) → \(r.replicas + 1) replicas per shard, reads from replicas",
            ["redis.replicas", "redis.read_from_replicas"]
        ) {
            $0.redis.replicas += 1
            $0.redis.readFromReplicas = true
        }
        add(
            .queuePartition, "one more queue partition",
            "\(r.queuePartitions) → \(r.queuePartitions + 1) queue partitions",
            ["redis.queue_partitions"]
        ) { $0.redis.queuePartitions += 1 }
        add(.shard, "one more shard", "\(shards) → \(shards + 1) shards (redis.min_shards)", ["redis.min_shards"]) {
            $0.redis.minShards = shards + 1
        }
        if r.readFromReplicas && r.replicas > 0 {
            add(
                .readsToPrimary, "reads back on the primaries", "read_from_replicas true → false",
                ["redis.read_from_replicas"]
            ) {
                $0.redis.readFromReplicas = false
            }
        }
        let mode = plan.dynamodb.mode
        let other: CapacityMode = mode == .onDemand ? .provisioned : .onDemand
        add(.dynamoMode, "DynamoDB \(other.rawValue)", "\(mode.rawValue) → \(other.rawValue)", ["dynamodb.mode"]) {
            $0.dynamodb.mode = other
        }
        let poll = plan.clients.statusPoll.value
        add(
            .slowerPoll, "status polls half as often",
            "clients.status_poll \(Format.number(poll)) s → \(Format.number(poll * 2)) s", ["clients.status_poll"]
        ) { $0.clients.statusPoll = Seconds(poll * 2) }
        if g.hpaTarget - hpaTargetStep > 0.05 {
            add(
                .hpaHeadroom, "more gateway headroom",
                "gateway.hpa_target \(Format.number(g.hpaTarget * 100, maxDecimals: 1)) % → \(Format.number((g.hpaTarget - hpaTargetStep) * 100, maxDecimals: 1)) %",
                ["gateway.hpa_target"]
            ) { $0.gateway.hpaTarget -= hpaTargetStep }
        }
        return out
    }

    /// "redis: cache.m7g.xlarge Valkey node × 12" for every cost line without a price. With the quantity, a lever
    /// that changes an UNPRICED line (more nodes) never shows a difference as if that line were free.
    static func unpriced(_ e: Estimate) -> [String] {
        e.costs.filter { $0.perMonth == nil }.map {
            "\($0.resource): \($0.component) × \(Format.number($0.quantity.doubleValue, maxDecimals: 4))"
        }
    }

    static func evaluate(
        _ kind: ReliefKind, _ name: String, _ change: String, _ fields: [String], _ input: EstimateInput,
        base: Estimate, baseInput: EstimateInput
    ) -> ReliefLever {
        // A lever that changes the cache hardware is judged on the evidence carried to that hardware (Docs/Model.md §14).
        let e = Estimate.compute(input.plan.redis == baseInput.plan.redis ? input : EvidenceLadder.reselect(input))
        let reasons = e.infeasibilities
        var lever = ReliefLever(
            kind: kind, name: name, change: change, fields: fields, status: .computed, perEvent: e.totals.perEvent,
            perMonth: e.totals.perMonth, extraPerMonth: nil, reason: nil)
        if !reasons.isEmpty {
            lever.status = .infeasible
            lever.reason = reasons.map { "\($0.resource) \($0.constraint): \($0.message)" }.joined(separator: "; ")
            lever.perEvent = nil
            lever.perMonth = nil
        } else if e.verdict.status == .atRisk && base.verdict.status != .atRisk {
            // Reaches only AT RISK from a plan that is FEASIBLE or INFEASIBLE: its cost is stated, labelled AT RISK,
            // and it never ranks as a working lever beside a FEASIBLE fix (an AT RISK plan's levers compare like
            // with like).
            lever.status = .atRisk
            lever.reason = e.verdict.reasons.first ?? "the evidence band crosses a ceiling"
        } else if e.totals.unpricedLines > 0 {
            // The priced lines still have a total; the UNPRICED ones are named, never counted as $0.
            lever.status = .unpriced
            let missing = unpriced(e)
            lever.reason = "UNPRICED: " + missing.joined(separator: ", ") + " (not in the totals)"
            if base.infeasibilities.isEmpty && unpriced(base) == missing {
                lever.extraPerMonth = e.totals.perMonth - base.totals.perMonth
            } else {
                lever.reason = (lever.reason ?? "") + "; the plan's UNPRICED lines differ, so no difference is stated"
            }
        } else if base.infeasibilities.isEmpty && base.totals.unpricedLines == 0 {
            lever.extraPerMonth = e.totals.perMonth - base.totals.perMonth
        } else {
            lever.reason =
                "the plan as written is incomplete (INFEASIBLE or UNPRICED lines), so no difference is stated"
        }
        return lever
    }
}
