import Foundation
import TacoCore

/// The terminal view of `tacoplan simulate`: the summary, the pre-warm advice, the key moments and about 30 sampled
/// rows (the JSON and CSV carry every step).
public enum SimulationText {
    /// Rows sampled evenly from the timeline for the table.
    public static let sampledRows = 30

    public static func render(_ r: SimulationResult) -> String {
        let s = r.summary
        var out = "Simulation of \(r.plan): \(r.rows.count) steps of \(Format.number(r.step)) s, demand from "
        out += "\(r.demandSource)\n"
        out += "Gateway: \(r.nodeType), \(r.podsPerNode) pods per node; node launch → Ready \(secs(r.nodeStart)), "
        out += "pod start → Ready \(secs(r.podStart)); HPA sync \(secs(r.settings.hpaSync.value)), metrics "
        out += "\(secs(r.settings.metricResolution.value)), scale-down window "
        out += "\(secs(r.settings.scaleDownStabilization.value))\n\n"
        out += "Summary" + (s.prewarmPods > 0 ? " (pre-warm \(s.prewarmPods) pods)" : "") + "\n"
        out += summaryTable(s).render() + "\n"
        if let cold = r.withoutPrewarm {
            out += "\nWithout pre-warm: \(secs(cold.overloadedSeconds)) overloaded, "
            out += "\(Format.grouped(cold.shedRequests)) requests shed, node cost \(usd(cold.nodeCost))\n"
        }
        if let p = r.prewarm {
            out += "\nPre-warm: "
            if let pods = p.pods {
                out += "\(pods) pods (\(p.nodes ?? 0) × \(r.nodeType) started \(secs(p.seconds)) before the sale, "
                out += "On-Demand); cost per event "
                out += (p.costPerEvent.map { Format.usd($0, places: 4) } ?? "UNPRICED")
                out += " (nodes × On-Demand $/h × lead, the estimate's pre-warm rule)\n"
                out += "  this timeline's node cost with minus without it: \(usd(p.timelineExtraNodeCost))"
                out += " (the held pods also run through the ramp; shown, never summed)\n"
            } else {
                out += "none found\n"
            }
            out += "  \(p.note)\n"
        }
        out += "\nKey moments\n" + moments(r).render() + "\n"
        out += "\nTimeline (every \(secs(Double(stride(r)) * r.step)); --format json or csv for every step)\n"
        out += timeline(r).render() + "\n"
        return out
    }

    static func secs(_ v: Double) -> String { Format.number(v, maxDecimals: 1) + " s" }
    static func usd(_ m: Money?) -> String { m.map { Format.usd($0, places: 4) } ?? "UNPRICED" }

    static func summaryTable(_ s: SimulationSummary) -> TextTable {
        var t = TextTable(["figure", "value"], aligns: [.left, .right])
        t.add(["seconds overloaded (demand > Ready capacity)", secs(s.overloadedSeconds)])
        t.add(["requests shed", Format.grouped(s.shedRequests)])
        t.add(["peak requests queued at the gateway", Format.grouped(s.peakQueuedRequests)])
        t.add(["longest request wait at the gateway", secs(s.longestRequestWait)])
        t.add(["peak demand", Format.grouped(s.peakDemandRPS) + " req/s"])
        t.add(["peak capacity", Format.grouped(s.peakCapacityRPS) + " req/s"])
        t.add(["peak Ready pods", "\(s.peakReadyPods)"])
        t.add(["peak nodes", "\(s.peakNodes)"])
        t.add(["time to peak capacity (from sale open)", s.timeToPeakCapacity.map(secs) ?? "held from the start"])
        if let q = s.longestQueueWait { t.add(["longest wait in the waiting room", secs(q)]) }
        if let d = s.drainedAt { t.add(["queue empty at", secs(d)]) }
        if let a = s.turnedAwayUsers, a > 0 { t.add(["users still waiting when the sale closed", Format.grouped(a)]) }
        if let c = s.peakRedisEngineCPU {
            t.add(["peak Redis engine CPU (busiest node)", Format.percent(c)])
        }
        if let w = s.peakDynamoWRUPerSecond { t.add(["peak DynamoDB writes", Format.grouped(w) + " WRU/s"]) }
        if s.spotInterruptions > 0 { t.add(["Spot interruptions", "\(s.spotInterruptions)"]) }
        t.add([
            "node hours (On-Demand + Spot)",
            Format.number(s.onDemandNodeHours, maxDecimals: 2) + " + " + Format.number(s.spotNodeHours, maxDecimals: 2),
        ])
        t.add(["gateway node cost of the timeline", usd(s.nodeCost)])
        return t
    }

    static func header() -> TextTable {
        TextTable(
            [
                "t (s)", "demand/s", "capacity/s", "shed", "queued", "pods up/want", "nodes (+new)", "waiting",
                "max wait", "Redis",
            ], aligns: [.right, .right, .right, .right, .right, .right, .right, .right, .right, .right])
    }

    static func cells(_ row: SimulationRow) -> [String] {
        let f = row.fleet
        return [
            Format.number(row.t, maxDecimals: 0), Format.grouped(row.demandRPS), Format.grouped(f.capacityRPS),
            Format.grouped(f.shed), Format.grouped(f.queued), "\(f.readyPods)/\(f.desiredPods)",
            "\(f.readyNodes)" + (f.launchingNodes > 0 ? " (+\(f.launchingNodes))" : ""),
            row.waitingUsers.map { Format.grouped($0) } ?? "–", row.longestQueueWait.map(secs) ?? "–",
            row.redisEngineCPU.map { Format.percent($0) } ?? "–",
        ]
    }

    static func stride(_ r: SimulationResult) -> Int { max(1, (r.rows.count + sampledRows - 1) / sampledRows) }

    static func timeline(_ r: SimulationResult) -> TextTable {
        var t = header()
        let every = stride(r)
        for (i, row) in r.rows.enumerated() where i % every == 0 || i == r.rows.count - 1 { t.add(cells(row)) }
        return t
    }

    /// The rows an SRE looks for: the sale opening, the first overload and shed, the peak demand, the first Ready
    /// node added, capacity reaching demand again, the peak of pods, the queue emptying, the end.
    static func moments(_ r: SimulationResult) -> TextTable {
        var t = header()
        t.headers.insert("moment", at: 0)
        t.aligns.insert(.left, at: 0)
        let rows = r.rows
        let peakDemand = rows.map(\.demandRPS).max() ?? 0
        let peakPods = rows.map(\.fleet.readyPods).max() ?? 0
        let over = rows.firstIndex { $0.demandRPS > $0.fleet.capacityRPS + 1e-9 }
        let candidates: [(String, Int?)] = [
            ("start", rows.indices.first),
            ("sale opens", rows.firstIndex { $0.t >= 0 }),
            ("first overload", over),
            ("first request shed", rows.firstIndex { $0.fleet.shed > 0 }),
            ("peak demand", rows.firstIndex { $0.demandRPS == peakDemand }),
            (
                "capacity ≥ demand again",
                over.flatMap { o in rows[o...].firstIndex { $0.demandRPS <= $0.fleet.capacityRPS + 1e-9 } }
            ),
            ("peak Ready pods", rows.firstIndex { $0.fleet.readyPods == peakPods }),
            ("queue empty", r.summary.drainedAt.flatMap { d in rows.firstIndex { $0.t + r.step >= d - 1e-9 } }),
            ("end", rows.indices.last),
        ]
        for (name, index) in candidates {
            guard let index else { continue }
            t.add([name] + cells(rows[index]))
        }
        return t
    }
}

/// Every step as CSV, one row per step, for spreadsheets and plotting.
public enum SimulationCSV {
    public static let header = [
        "t_s", "demand_rps", "capacity_rps", "served_rps", "shed", "queued", "oldest_request_wait_s", "ready_pods",
        "desired_pods", "ready_nodes", "launching_nodes", "on_demand_nodes", "spot_nodes", "join_rate",
        "admission_rate", "waiting_users", "longest_queue_wait_s", "redis_engine_cpu", "dynamodb_wru_per_s",
    ]

    public static func render(_ r: SimulationResult) -> String {
        func n(_ v: Double?) -> String { v.map { Format.plain($0) } ?? "" }
        var out = header.joined(separator: ",") + "\n"
        for row in r.rows {
            let f = row.fleet
            let cells: [String] = [
                n(row.t), n(row.demandRPS), n(f.capacityRPS), n(f.servedRPS), n(f.shed), n(f.queued),
                n(f.oldestRequestWait), "\(f.readyPods)", "\(f.desiredPods)", "\(f.readyNodes)", "\(f.launchingNodes)",
                "\(f.onDemandNodes)", "\(f.spotNodes)", n(row.joinRate), n(row.admissionRate), n(row.waitingUsers),
                n(row.longestQueueWait), n(row.redisEngineCPU), n(row.dynamoWRUPerSecond),
            ]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
