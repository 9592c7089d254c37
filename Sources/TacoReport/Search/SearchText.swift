import TacoCore

/// The terminal form: the chosen configuration per resource, the alternatives, and the cheaper rejections.
public enum SearchText {
    /// Rejected cheaper configurations listed per resource in the table (JSON lists them all).
    public static let rejectedShown = 10

    public static func render(_ d: SearchDocument, style: Style) -> String {
        let per = d.objective == SearchObjective.perEvent.rawValue ? "per event" : "per month"
        var out = style.heading("Search: \(d.plan)" + (d.variant.map { " [variant \($0)]" } ?? "")) + "\n"
        out += "  cheapest \(per), prices as of \(d.asOf); \(Format.grouped(Double(d.evaluated))) configurations "
        out += "evaluated (\(Format.grouped(d.combinations)) combinations covered)\n"
        out += "  space: \(describe(d.space))\n"
        if let a = d.assessment {
            out +=
                "  verdict: \(a.verdict.rawValue) (exit \(a.exit)); as planned \(money(a.asPlannedPerMonth)) per month"
            out += (a.unpriced.isEmpty ? "" : " + \(a.unpriced.count) UNPRICED") + "\n"
            if let fix = d.fix {
                out += "  cheapest configuration that passes (\(fix.status.rawValue)): \(fix.summary) → \(fix.redis), "
                out += "\(money(fix.totals.perMonth)) per month\n"
            } else if let why = a.unreachable {
                out += style.bad("  no configuration in the search space meets: \(why)") + "\n"
            }
            for u in d.feasibleUnpriced.prefix(3) {
                out += "  feasible but UNPRICED: \(u.configuration) — `\(u.fetch)`\n"
            }
        }
        out += "\n"

        var chosen = TextTable(["resource", "configuration", "nodes", per], aligns: [.left, .left, .right, .right])
        for r in d.resources {
            if let c = r.chosen {
                chosen.add([r.resource, c.configuration, String(c.nodes), c.cost.map(money) ?? "UNPRICED"])
            } else {
                chosen.add([r.resource, style.bad("INFEASIBLE") + " (\(r.evaluated) evaluated)", "—", "—"])
            }
        }
        chosen.add(["eks", "control plane (fixed)", "—", money(d.fixed)])
        chosen.add(["total", "", "", d.total.map(money) ?? "—"])
        out += style.heading("Chosen") + "\n" + chosen.render() + "\n"

        for r in d.resources {
            out += "\n" + style.heading("\(r.resource): top \(r.alternatives.count) feasible") + "\n"
            if r.alternatives.isEmpty {
                out += "  none\n"
            } else {
                var t = TextTable(
                    ["#", "configuration", "nodes", per, "vs chosen", "detail"],
                    aligns: [.right, .left, .right, .right, .right, .left])
                for (i, o) in r.alternatives.enumerated() {
                    t.add([
                        String(i + 1), o.configuration, String(o.nodes), o.cost.map(money) ?? "UNPRICED",
                        o.versusChosen.map(signed) ?? "—", o.detail,
                    ])
                }
                out += t.render() + "\n"
            }
            if r.rejectedCheaper.isEmpty { continue }
            let cheaper = r.chosen == nil ? "" : "cheaper "
            out +=
                style.heading("\(r.resource): \(r.rejectedCheaper.count) \(cheaper)configuration(s) rejected") + "\n"
            var t = TextTable(
                ["configuration", per, "vs chosen", "binding constraint", "by how much"],
                aligns: [.left, .right, .right, .left, .left])
            for o in r.rejectedCheaper.prefix(rejectedShown) {
                t.add([
                    o.configuration, o.cost.map(money) ?? "—", o.versusChosen.map(signed) ?? "—", o.rejectedBy ?? "",
                    o.detail,
                ])
            }
            out += t.render() + "\n"
            if r.rejectedCheaper.count > rejectedShown {
                out += "  … and \(r.rejectedCheaper.count - rejectedShown) more (--format json lists them all)\n"
            }
        }
        if !d.warnings.isEmpty {
            out += "\n" + style.heading("Warnings") + "\n"
            for w in d.warnings { out += "  - " + style.warn(w) + "\n" }
        }
        return out
    }

    static func money(_ m: Money) -> String { Format.usd(m) }

    static func signed(_ m: Money) -> String { (m.amount > 0 ? "+" : "") + Format.usd(m) }

    static func describe(_ s: SearchSpace) -> String {
        func range(_ r: ClosedRange<Int>) -> String {
            r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)"
        }
        let partitions = s.queuePartitions.map(String.init).joined(separator: ", ")
        let shares = s.spotShares.map { Format.percent($0) }.joined(separator: ", ")
        return "redis \(s.cacheTypes.joined(separator: ", ")) × shards \(range(s.shards)) × replicas "
            + "\(range(s.replicas)) × partitions \(partitions); gateway \(s.gatewayTypes.joined(separator: ", ")) "
            + "× Spot \(shares); dynamodb \(s.dynamoModes.map(\.rawValue).joined(separator: ", "))"
    }
}
