import Foundation

/// Each resource of an estimate as the sweep reports it: shape, size, binding constraint, and the shape key
/// whose change marks a break point (Docs/Model.md §9 "Scale sweep").
enum SweepShapes {
    static func resources(_ e: Estimate, _ input: EstimateInput) -> [SweepResource] {
        [admission(e), redis(e, input), gateway(e), dynamo(e, input)]
    }

    /// The plan as a whole: feasible, or which resources no configuration fits.
    static func feasibility(_ e: Estimate, _ input: EstimateInput) -> SweepResource {
        let reasons = e.infeasibilities
        let what =
            reasons.isEmpty
            ? e.verdict.status.rawValue
            : "INFEASIBLE: " + Array(Set(reasons.map(\.resource.rawValue))).sorted().joined(separator: ", ")
        // What binds the plan: the first infeasibility; for AT RISK the subject of its first reason (the text before
        // its colon, e.g. "Redis"), so a break to AT RISK never reads "every constraint met".
        let binding: String
        if let first = reasons.first {
            binding = first.constraint
        } else if e.verdict.status == .feasible {
            binding = "every constraint met"
        } else {
            let subject = e.verdict.reasons.first.map { String($0.prefix { $0 != ":" }) } ?? "a ceiling"
            binding = subject
        }
        return SweepResource(
            resource: "plan", shape: what, nodes: nil, shards: nil, binding: binding, feasible: reasons.isEmpty,
            shapeKey: what)
    }

    static func admission(_ e: Estimate) -> SweepResource {
        SweepResource(
            resource: "admission", shape: "\(Format.rate(e.admission.rate)) admitted", nodes: nil, shards: nil,
            binding: e.admission.binding.rawValue, feasible: true, shapeKey: e.admission.binding.rawValue)
    }

    /// The chosen cluster and the requirements that set its shard count (`RedisSizing.Candidate.shardDrivers`).
    static func redis(_ e: Estimate, _ input: EstimateInput) -> SweepResource {
        let r = input.plan.redis
        guard let c = e.redis.chosen, let shards = c.shards, let nodes = c.nodes else {
            let why =
                e.redis.engineShards == nil
                ? "hot key over the engine-CPU ceiling" : "no candidate node type fits"
            return SweepResource(
                resource: "redis", shape: "INFEASIBLE", nodes: nil, shards: nil, binding: why, feasible: false,
                shapeKey: "infeasible: \(why)")
        }
        let binding = (c.shardDrivers ?? []).map(\.rawValue).joined(separator: ", ")
        let shape =
            "\(c.nodeType) × \(shards) shard\(shards == 1 ? "" : "s") × (1 + \(r.replicas)), \(r.queuePartitions) queue partition\(r.queuePartitions == 1 ? "" : "s")"
        return SweepResource(
            resource: "redis", shape: shape, nodes: nodes, shards: shards, binding: binding, feasible: true,
            shapeKey: "\(c.nodeType)|\(shards)|\(binding)")
    }

    static func gateway(_ e: Estimate) -> SweepResource {
        guard let g = e.gateway.chosen else {
            return SweepResource(
                resource: "gateway", shape: "INFEASIBLE", nodes: nil, shards: nil, binding: "pod packing",
                feasible: false, shapeKey: "infeasible")
        }
        let warm = e.gateway.preWarm.needed ? ", pre-warmed" : ""
        return SweepResource(
            resource: "gateway",
            shape: "\(g.nodeType) × \(g.nodes) (\(g.onDemandNodes) On-Demand + \(g.spotNodes) Spot)\(warm)",
            nodes: g.nodes, shards: nil, binding: "\(e.gateway.pods) pods at the requests/s per pod", feasible: true,
            shapeKey: "\(g.nodeType)|\(e.gateway.preWarm.needed)")
    }

    static func dynamo(_ e: Estimate, _ input: EstimateInput) -> SweepResource {
        let d = e.dynamodb
        let mode = input.plan.dynamodb.mode
        let limited = d.partitionLimit != nil
        let shape =
            mode == .onDemand
            ? "on-demand, peak \(Format.number(d.peakWRUPerSecond, maxDecimals: 0)) WRU/s"
            : "provisioned \(d.provisionedWCU) WCU"
        return SweepResource(
            resource: "dynamodb", shape: shape, nodes: nil, shards: nil,
            binding: limited ? "partition-key limit (1,000 WRU/s per key)" : "admitted users × attempts",
            feasible: true, shapeKey: "\(mode.rawValue)|\(limited)")
    }
}
