import TacoCore

/// Capacity on one slide: each resource's size and what sets it; then the Redis engine CPU per node against the
/// ceiling. The arithmetic is in the appendix.
enum CapacityPart {
    static func parts(_ r: Report) -> [ReportPart] {
        var rows = [
            ["admission", r.admission.rate + " admitted", r.admission.binding.replacingOccurrences(of: "_", with: " ")]
        ]
        if let c = r.redis.candidates.first(where: \.chosen) {
            rows.append([
                "\(r.redis.engine)", "\(c.nodeType) × \(c.shards) shard\(c.shards == "1" ? "" : "s"), \(c.nodes) nodes",
                redisBinding(r),
            ])
        } else {
            rows.append(["\(r.redis.engine)", "INFEASIBLE", r.redis.infeasible ?? "no node type fits"])
        }
        let pods = r.gateway.figures.first { $0.id == "gateway.pods" }?.display ?? "—"
        if let g = r.gateway.options.first(where: \.chosen) {
            rows.append([
                "gateway", "\(g.nodeType) × \(g.nodes) (\(g.onDemand) On-Demand + \(g.spot) Spot)",
                "\(pods) pods" + (r.gateway.preWarmNeeded ? ", pre-warmed" : ""),
            ])
        } else {
            rows.append(["gateway", "INFEASIBLE", "no node type packs \(pods) pods"])
        }
        rows.append(["DynamoDB", "cheaper for this event: \(r.dynamodb.cheaperMode)", "admitted users × attempts"])
        var parts = [
            ReportPart(
                title: "Capacity: what each resource needs",
                blocks: [.table(headers: ["resource", "size", "set by"], rows: rows, right: [])],
                notes: SpeakerNotes.capacity(r))
        ]
        if let chart = ReportOutline.chart(r, "redis-cpu-per-node"), case .chart = chart {
            parts.append(
                ReportPart(
                    title: "\(r.redis.engine) engine CPU per node", blocks: [chart],
                    notes: SpeakerNotes.cpu(r.redis)))
        }
        return parts
    }

    static func redisBinding(_ r: Report) -> String {
        r.answer?.binding.first { $0.hasPrefix(r.redis.engine) }.map {
            String($0.dropFirst(r.redis.engine.count + " shards: ".count))
        } ?? "—"
    }
}
