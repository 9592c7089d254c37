import Foundation
import TacoCore

extension ReportBuilder {
    static func redisSection(_ e: Estimate, _ f: FigureIndex) -> RedisSection {
        let r = e.redis
        let transient = e.figures.map(\.id).filter { $0.hasPrefix("redis.transient.") }
        let ids =
            ["redis.queue_data"] + transient + [
                "redis.memory_required", "redis.usable_memory_per_node", "redis.memory_shards", "redis.hot_key_cpu",
                "redis.engine_shards", "redis.shards", "redis.nodes", "redis.busiest_engine_cpu",
            ]
        let candidates = r.candidates.map { c in
            RedisSection.CandidateRow(
                nodeType: c.nodeType, usableGiB: Format.number(c.usableMemoryGiB),
                baselineGbps: Format.number(c.baselineGbps, maxDecimals: 3), shards: c.shards.map(String.init) ?? "—",
                nodes: c.nodes.map(String.init) ?? "—",
                hourly: c.hourly.map { Format.usd($0, places: 4) } ?? (c.feasible ? "UNPRICED" : "—"),
                chosen: c == r.chosen, feasible: c.feasible, note: c.note)
        }
        let nodes = r.nodeLoads.map { l in
            RedisSection.NodeRow(
                role: l.role.rawValue, count: l.count, engineCPUPercent: l.engineCPU * 100,
                engineCPU: Format.number(l.engineCPU * 100, maxDecimals: 1) + " %",
                network: Format.number(l.bandwidth / 1_000_000, maxDecimals: 2) + " MB/s")
        }
        let ceiling = e.figures.lazy.flatMap(\.inputs).first { $0.name == "engine_cpu_ceiling" }?.value
        return RedisSection(
            engine: r.engine.displayName, figures: f.pick(ids), candidates: candidates, nodes: nodes,
            ceilingPercent: ceiling.flatMap(percent), ceiling: ceiling, infeasible: r.infeasibleReason,
            shardDrivers: r.chosen?.shardDrivers)
    }

    /// Reads a percentage the model displayed ("70 %", "1,234.5 %") back as a number of percent.
    static func percent(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
        return Double(t.trimmingCharacters(in: .whitespaces))
    }

    static func costSection(_ e: Estimate, _ f: FigureIndex) -> CostSection {
        let lines = e.costs.enumerated().map { i, c in
            CostSection.Line(c, arithmetic: f["cost.\(i + 1).\(c.resource)"]?.arithmetic ?? "")
        }
        var byResource: [String: CostSection.ResourceTotal] = [:]
        for c in e.costs {
            var t =
                byResource[c.resource.rawValue]
                ?? .init(resource: c.resource.rawValue, perEvent: .zero, perMonth: .zero, unpricedLines: 0)
            t.perEvent = t.perEvent + (c.perEvent ?? .zero)
            t.perMonth = t.perMonth + (c.perMonth ?? .zero)
            t.unpricedLines += c.unpriced ? 1 : 0
            t.failing = t.failing || c.infeasible
            byResource[c.resource.rawValue] = t
        }
        // Largest monthly cost first; ties by name so the order never depends on dictionary order.
        let sorted = byResource.values.sorted { ($1.perMonth, $0.resource) < ($0.perMonth, $1.resource) }
        return CostSection(
            lines: lines, byResource: sorted, totals: e.totals,
            figures: f.pick(["cost.total_event", "cost.total_month"]))
    }
}
