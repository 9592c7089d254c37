import Foundation
import TacoCore

/// The simulation in the report and deck: the summary, the pre-warm advice, the timeline chart (demand vs capacity
/// at about 24 sampled moments) and the same samples as a table. Filled from `tacoplan simulate`'s result; renderers
/// only lay it out.
public struct SimulationSection: Codable, Hashable, Sendable {
    /// Sampled moments shown in the chart and its table (the JSON and CSV of `simulate` carry every step).
    public static let samples = 24

    public var summary: [FigureInput]
    public var prewarm: String
    public var rows: [[String]]
    public var times: [Double]
    public var demand: [Double]
    public var capacity: [Double]

    public static let headers = ["t (s)", "demand/s", "capacity/s", "shed", "pods ready/desired", "nodes", "waiting"]

    public init(_ r: SimulationResult) {
        let s = r.summary
        func secs(_ v: Double?) -> String { v.map { Format.number($0, maxDecimals: 0) + " s" } ?? "—" }
        summary = [
            FigureInput("seconds overloaded", secs(s.overloadedSeconds), "demand > Ready capacity"),
            FigureInput("requests shed", Format.grouped(s.shedRequests), "waited > max_wait"),
            FigureInput("time to peak capacity", secs(s.timeToPeakCapacity), "from the sale opening"),
            FigureInput("peak nodes", "\(s.peakNodes) × \(r.nodeType)", "launching + Ready"),
            FigureInput(
                "gateway node cost", s.nodeCost.map { Format.usd($0, places: 4) } ?? "UNPRICED",
                r.priceSource ?? "no EC2 price in force"),
        ]
        if let p = r.prewarm, let pods = p.pods {
            prewarm =
                "\(pods) pods (\(p.nodes ?? 0) × \(r.nodeType) started \(Format.number(p.seconds, maxDecimals: 0)) s "
                + "before the sale) shed \(Format.grouped(s.shedRequests)) requests; cost per event "
                + (p.costPerEvent.map { Format.usd($0, places: 4) } ?? "UNPRICED")
        } else {
            prewarm = "none simulated (run tacoplan simulate PLAN --prewarm auto)"
        }
        let every = max(1, (r.rows.count + Self.samples - 1) / Self.samples)
        let picked = r.rows.enumerated().filter { $0.offset % every == 0 }.map(\.element)
        times = picked.map(\.t)
        demand = picked.map(\.demandRPS)
        capacity = picked.map(\.fleet.capacityRPS)
        rows = picked.map { row in
            [
                Format.number(row.t, maxDecimals: 0), Format.grouped(row.demandRPS),
                Format.grouped(row.fleet.capacityRPS), Format.grouped(row.fleet.shed),
                "\(row.fleet.readyPods)/\(row.fleet.desiredPods)", "\(row.fleet.readyNodes + row.fleet.launchingNodes)",
                row.waitingUsers.map { Format.grouped($0) } ?? "—",
            ]
        }
    }

    /// Moments the chart shows: at most this many, so its table fits beside it on a 1280×720 slide (the appendix
    /// table keeps all `samples`).
    public static let chartPoints = 8

    /// Demand vs Ready capacity at up to `chartPoints` of the sampled moments, requests/s.
    public var chart: Chart {
        let every = max(1, (times.count + Self.chartPoints - 1) / Self.chartPoints)
        let keep = times.indices.filter { $0 % every == 0 }
        let d = keep.map { demand[$0] }
        let c = keep.map { capacity[$0] }
        return Chart(
            id: "simulation-timeline", title: "Gateway demand vs Ready capacity over the event", unit: "requests/s",
            axis: "seconds from the sale opening", categories: keep.map { Format.number(times[$0], maxDecimals: 0) },
            series: [
                Chart.Series(name: "demand", values: d, displays: d.map { Format.grouped($0) }),
                Chart.Series(name: "capacity", values: c, displays: c.map { Format.grouped($0) }),
            ], reference: nil, format: .perSecond)
    }
}

extension ReportBuilder {
    /// The report with the simulation section and its timeline chart added.
    public static func adding(_ simulation: SimulationResult, to report: Report) -> Report {
        var r = report
        let section = SimulationSection(simulation)
        r.simulation = section
        r.charts.append(section.chart)
        return r
    }
}

extension ReportOutline {
    /// The simulation's part (none when the report has no simulation).
    static func simulation(_ r: Report) -> [ReportPart] {
        guard let s = r.simulation else { return [] }
        // The slide: the summary on one line, the pre-warm, the chart with its table; the full summary and the
        // sampled timeline go to the appendix.
        var blocks: [ReportPart.Block] = [
            .labeled("Summary", s.summary.prefix(4).map { "\($0.name) \($0.value)" }.joined(separator: " · ")),
            .labeled("Pre-warm", s.prewarm),
        ]
        if let c = chart(r, "simulation-timeline") { blocks.append(c) }
        return [
            ReportPart(
                title: "The event over time: autoscaling (tacoplan simulate)", blocks: blocks,
                notes: "Demand against Ready gateway capacity second by second while the HPA and Karpenter follow the "
                    + "ramp; the summary says how long the gateway is overloaded, what is shed, and the priced pre-warm "
                    + "(the estimate's line: \(s.prewarm))."),
            ReportPart(
                title: "Timeline samples",
                blocks: [
                    .table(
                        headers: ["figure", "value", "basis"], rows: s.summary.map { [$0.name, $0.value, $0.origin] },
                        right: [1]),
                    .table(headers: SimulationSection.headers, rows: s.rows, right: [0, 1, 2, 3, 4, 5, 6]),
                ]),
        ]
    }
}
