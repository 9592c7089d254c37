import Foundation
import TacoCore

/// The report's four charts, each from numbers already in the report; a chart whose data is missing becomes an
/// `OmittedChart` saying which command would supply it.
enum ReportCharts {
    static func all(_ r: Report) -> ([Chart], [OmittedChart]) {
        var charts: [Chart] = [costByResource(r)]
        var omitted: [OmittedChart] = []
        if let levers = r.levers {
            let chart = savings(levers)
            if chart.categories.isEmpty {
                // No bar to draw: say why in one line instead of an empty chart.
                omitted.append(
                    OmittedChart(
                        id: "savings-by-lever", title: "Savings by lever",
                        reason: "no lever saves money against \(levers.baseline) as written: every change that passes "
                            + "costs more, and the fix above is the cheapest of them"))
            } else {
                charts.append(chart)
            }
        } else {
            omitted.append(
                OmittedChart(
                    id: "savings-by-lever", title: "Savings by lever",
                    reason: "not available: no variants compared (run tacoplan compare)"))
        }
        if let v = r.validation {
            charts.append(validation(v, ceiling: r.redis))
        } else {
            omitted.append(
                OmittedChart(
                    id: "redis-cpu-by-rps", title: "Redis engine CPU by RPS: predicted vs measured",
                    reason: "not available: no validation against the benchmark (run tacoplan validate)"))
        }
        if r.redis.nodes.isEmpty {
            omitted.append(
                OmittedChart(
                    id: "redis-cpu-per-node", title: "Redis engine CPU per node",
                    reason: "not available: no feasible Redis node type"))
        } else {
            charts.append(cpuPerNode(r.redis))
        }
        return (charts, omitted)
    }

    static func costByResource(_ r: Report) -> Chart {
        let totals = r.costs.byResource
        return Chart(
            id: "cost-by-resource", title: "Cost per month by resource", unit: "USD per month", axis: "resource",
            categories: totals.map(\.resource),
            series: [
                Chart.Series(
                    // A resource with only UNPRICED lines has no bar (never a $0 bar); a partly priced one says so.
                    name: "per month",
                    values: totals.map {
                        $0.unpricedLines > 0 && $0.perMonth == .zero ? nil : $0.perMonth.amount.doubleValue
                    },
                    displays: totals.map {
                        ($0.unpricedLines == 0
                            ? Format.usd($0.perMonth)
                            : ($0.perMonth == .zero ? "UNPRICED" : Format.usd($0.perMonth) + " + UNPRICED"))
                            + ($0.failing ? " (INFEASIBLE as planned)" : "")
                    })
            ], reference: nil, format: .usd)
    }

    /// Only levers that save (positive, plan − lever): a lever that costs more is a table row, not a bar with a
    /// confusing sign.
    static func savings(_ l: LeverSection) -> Chart {
        let saving = l.levers.filter { $0.perMonth.amount > 0 }
        return Chart(
            id: "savings-by-lever", title: "Saved per month by each lever, against \(l.baseline) as written",
            unit: "USD saved per month", axis: "lever", categories: saving.map(\.name),
            series: [
                Chart.Series(
                    name: "saved per month", values: saving.map { $0.perMonth.amount.doubleValue },
                    displays: saving.map { Format.usd($0.perMonth) })
            ], reference: nil, format: .usd)
    }

    static func validation(_ v: ValidationSection, ceiling redis: RedisSection) -> Chart {
        func show(_ p: Double?) -> String { p.map { Format.number($0, maxDecimals: 1) + " %" } ?? "—" }
        return Chart(
            id: "redis-cpu-by-rps", title: "Redis engine CPU by RPS: predicted vs measured", unit: "% of one core",
            axis: "load-test step", categories: v.steps.map { "\($0.name) (\(Format.number($0.rps)) RPS)" },
            series: [
                Chart.Series(
                    name: "predicted", values: v.steps.map(\.predictedPercent),
                    displays: v.steps.map { show($0.predictedPercent) }),
                Chart.Series(
                    name: "measured", values: v.steps.map(\.measuredPercent), displays: v.steps.map(\.measured)),
            ], reference: ceilingLine(redis), format: .percent)
    }

    static func cpuPerNode(_ redis: RedisSection) -> Chart {
        Chart(
            id: "redis-cpu-per-node", title: "Redis engine CPU per node vs ceiling", unit: "% of one core",
            axis: "node",
            categories: redis.nodes.map { "\($0.role) (×\($0.count))" },
            series: [
                Chart.Series(
                    name: "engine CPU", values: redis.nodes.map(\.engineCPUPercent),
                    displays: redis.nodes.map(\.engineCPU))
            ], reference: ceilingLine(redis), format: .percent)
    }

    static func ceilingLine(_ redis: RedisSection) -> Chart.Reference? {
        guard let p = redis.ceilingPercent, let text = redis.ceiling else { return nil }
        return Chart.Reference(label: "ceiling", value: p, display: text)
    }
}
