import TacoCore

/// The runbook (Markdown): the verdict first, the checks before the sale, then for every alarm and alert what it
/// means for this plan, its threshold and the figure it comes from (with `explain`'s arithmetic), the first action,
/// and the lever that relieves it with that lever's cost. Per-node ElastiCache alarms with the same threshold are one
/// entry listing their nodes.
public enum RunbookMarkdown {
    public static func render(_ m: ObservabilityModel) -> String {
        let t = MarkdownText.inline
        var out: [String] = ["# Runbook: \(t(m.plan))", ""]
        let header = ObservabilityHeader.lines(m)
        out.append("> **\(t(header[0]))**")
        for line in header.dropFirst() { out.append(">\n> \(t(line))") }
        out += [
            "",
            "Cache cluster: \(t(m.cacheCluster)), replication group `\(m.replicationGroup)`; DynamoDB table `\(m.table)`; EKS cluster `\(m.cluster)` (template parameters).",
            "",
        ]
        if !m.preflight.isEmpty {
            out += ["## Before the sale", ""]
            out.append(
                MarkdownText.table(
                    ["when", "check", "from"],
                    m.preflight.map {
                        [$0.when, $0.check, "\($0.source.label) = \($0.source.display): \($0.source.arithmetic)"]
                    }))
            out.append("")
        }
        out += ["## CloudWatch alarms (alarms.yaml)", ""]
        for group in groups(m.alarms) {
            let a = group[0]
            let nodes =
                group.count > 1 ? " on \(group.count) nodes (\(group.map { $0.suffix }.joined(separator: ", ")))" : ""
            out.append("### \(t(a.metric))\(t(nodes))")
            out.append("")
            if a.expectedToBreach { out += ["**EXPECTED TO FIRE at the planned peak** (see the verdict).", ""] }
            out.append(
                "- **Threshold:** \(t(a.metric)) \(a.perSecond ? "per second (Sum ÷ 60 s) " : "")\(a.comparison.symbol) \(t(Format.number(a.threshold))) \(t(a.unit)), \(a.statistic) over \(a.period) s, \(a.datapointsToAlarm) of \(a.evaluationPeriods) periods (namespace \(t(a.namespace)))"
            )
            out += entry(meaning: a.meaning, sized: a.sized, source: a.source, relief: a.relief)
        }
        out += ["## Prometheus alerts (rules.yaml)", ""]
        for a in m.alerts {
            out.append("### \(t(a.name)) (\(t(a.severity)))")
            out.append("")
            if a.expectedToBreach { out += ["**EXPECTED TO FIRE at the planned peak** (see the verdict).", ""] }
            out.append(
                "- **Threshold:** `\(a.expr)` for \(a.forSeconds) s (\(a.comparison.symbol) \(t(Format.number(a.threshold))) \(t(a.unit)))"
            )
            out += entry(meaning: a.meaning, sized: a.sized, source: a.source, relief: a.relief)
        }
        if !m.notes.isEmpty {
            out += ["## Not watched, and why", ""]
            out += m.notes.map { "- " + t($0) }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Alarms with the same metric, threshold and relief, in order of first appearance.
    static func groups(_ alarms: [CloudWatchAlarm]) -> [[CloudWatchAlarm]] {
        var order: [String] = []
        var byKey: [String: [CloudWatchAlarm]] = [:]
        for a in alarms {
            let key = "\(a.namespace)|\(a.metric)|\(a.threshold)"
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(a)
        }
        return order.compactMap { byKey[$0] }
    }

    static func entry(meaning: String, sized: String, source: ThresholdSource, relief: Relief) -> [String] {
        let t = MarkdownText.inline
        var out = [
            "- **Means for this plan:** \(t(meaning))",
            "- **Sized at the peak:** \(t(sized))",
            "- **From:** \(t(source.label)) = \(t(source.display)) (`\(source.figure)`) — \(t(source.arithmetic)); input: \(t(source.origin))",
            "- **First action:** \(t(relief.action))",
        ]
        if relief.levers.isEmpty {
            out.append("- **Lever:** \(t(relief.note ?? "none"))")
        } else {
            for l in relief.levers { out.append("- **Lever:** \(t(lever(l)))") }
        }
        out.append("")
        return out
    }

    /// "one more read replica per shard (1 → 2 replicas …): $80.00/month, +$12.00/month over the plan".
    public static func lever(_ l: ReliefLever) -> String {
        let head = "\(l.name) (\(l.change)): "
        switch l.status {
        case .computed:
            let month = l.perMonth.map { Format.usd($0) + "/month" } ?? "—"
            let event = l.perEvent.map { Format.usd($0, places: 4) + "/event" } ?? "—"
            let extra = l.extraPerMonth.map {
                ($0.amount >= 0 ? "+" : "−") + Format.usd(Money(abs($0.amount))) + "/month against the plan"
            }
            return head + "plan total \(month), \(event)" + (extra.map { "; " + $0 } ?? "; " + (l.reason ?? ""))
        case .infeasible: return head + "INFEASIBLE — " + (l.reason ?? "")
        case .atRisk:
            let month = l.perMonth.map { Format.usd($0) + "/month" } ?? "—"
            return head + "AT RISK — plan total \(month); " + (l.reason ?? "")
        case .unpriced:
            let month = l.perMonth.map { Format.usd($0) + "/month" } ?? "—"
            let extra = l.extraPerMonth.map {
                "; " + ($0.amount >= 0 ? "+" : "−") + Format.usd(Money(abs($0.amount)))
                    + "/month against the plan (both without the UNPRICED lines)"
            }
            return head + "priced lines \(month); " + (l.reason ?? "UNPRICED") + (extra ?? "")
        case .notAvailable: return head + "not available — " + (l.reason ?? "")
        }
    }
}
