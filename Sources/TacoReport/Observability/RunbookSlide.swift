import TacoCore

/// The runbook's deck slide (appendix): the alarms an operator watches first, each with its threshold, the figure
/// it comes from and the lever that relieves it with that lever's cost. One slide (`MarpDeck.maxRows` rows); every
/// alarm is in runbook.md (`tacoplan observe`).
public enum RunbookSlide {
    /// CloudWatch metrics and Prometheus alerts on the slide, in this order: the plan's binding figures.
    static let shown = [
        "EngineCPUUtilization", "NetworkBytesOut", "DatabaseMemoryUsagePercentage", "ConsumedWriteCapacityUnits",
        "GatewayRequestRateAboveSized", "AdmissionRateAboveChosen", "GatewayHPAMaxBelowSized",
    ]

    public static func part(_ m: ObservabilityModel) -> ReportPart {
        var rows: [[String]] = []
        for key in shown {
            if let a = m.alarms.first(where: { $0.metric == key }) {
                let nodes = m.alarms.filter { $0.metric == key }.count
                rows.append([
                    key + (nodes > 1 ? " (\(nodes) nodes)" : ""),
                    "\(a.comparison.symbol) \(Format.number(a.threshold)) \(a.unit)",
                    "\(a.source.label) \(a.source.display)", lever(a.relief),
                ])
            } else if let a = m.alerts.first(where: { $0.name == key }) {
                rows.append([
                    key, "\(a.comparison.symbol) \(Format.number(a.threshold)) \(a.unit)",
                    "\(a.source.label) \(a.source.display)", lever(a.relief),
                ])
            }
        }
        var blocks: [ReportPart.Block] = []
        if m.verdict.status != .feasible {
            blocks.append(
                .note("\(m.verdict.status.rawValue): alarms marked ! cross their threshold at the planned peak."))
            // The assessment's cheapest fix, when the model was built from the assessment (as `observe` builds it).
            if let fix = m.fix.headline(planStatus: m.verdict.status) { blocks.append(.note(fix)) }
            for (i, key) in shown.enumerated() where i < rows.count {
                let expected =
                    m.alarms.contains { $0.metric == key && $0.expectedToBreach }
                    || m.alerts.contains { $0.name == key && $0.expectedToBreach }
                if expected { rows[i][0] = "! " + rows[i][0] }
            }
        }
        blocks.append(
            .table(headers: ["alarm", "threshold", "from", "first lever (plan total)"], rows: rows, right: []))
        blocks.append(
            .note(
                "\(m.alarms.count) CloudWatch alarms and \(m.alerts.count) Prometheus alerts, each with its arithmetic and lever: tacoplan observe PLAN -o DIR (runbook.md)."
            ))
        return ReportPart(title: "Runbook: alarms from the plan", blocks: blocks)
    }

    /// "one more read replica per shard: $3,526.23/month", or why there is no price.
    static func lever(_ r: Relief) -> String {
        guard let l = r.levers.first else { return r.note ?? "—" }
        switch l.status {
        case .computed: return l.name + ": " + (l.perMonth.map { Format.usd($0) + "/month" } ?? "—")
        case .unpriced: return l.name + ": " + (l.perMonth.map { Format.usd($0) + "/month + UNPRICED" } ?? "UNPRICED")
        case .infeasible: return l.name + ": INFEASIBLE"
        case .atRisk: return l.name + ": AT RISK" + (l.perMonth.map { " at " + Format.usd($0) + "/month" } ?? "")
        case .notAvailable: return l.name + ": not available"
        }
    }
}
