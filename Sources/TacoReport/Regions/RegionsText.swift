import TacoCore

/// The multi-region part of `estimate`: the planned deployment per region, the inter-region flows
/// and their price, and the three topologies side by side (cost, status-poll latency, freshness, fairness).
public enum RegionsText {
    public static func render(
        _ d: RegionalDeployment, topologies: [RegionalDeployment], fix: DeploymentFixResult?, style: Style
    ) -> String {
        var out: [String] = []
        out.append(
            style.heading(
                "Regions: \(d.topology.rawValue), DynamoDB \(d.store.rawValue), home \(d.home) — \(d.status.rawValue)"))
        out.append(sitesTable(d).render())
        if !d.flows.isEmpty {
            out.append("")
            out.append(style.heading("Inter-region transfer (billed per GB at the source region)"))
            out.append(flowsTable(d).render())
        }
        out.append("")
        out.append(
            "Deployment total: \(Format.usd(d.totals.perEvent))/event, \(Format.usd(d.totals.perMonth))/month"
                + d.totals.marker)
        if let s = d.totals.failingSentence { out.append(s) }
        out += unpricedLines(d)
        for r in d.reasons { out.append("  - \(r)") }
        out.append("")
        out.append(style.heading("Topologies side by side (same event, same evidence)"))
        out.append(comparisonTable(topologies, planned: d.topology).render())
        for t in topologies {
            out.append("  \(t.topology.rawValue): \(t.budget.freshness); \(t.budget.fairness).")
        }
        // The deployment's one fix is stated once, under the verdict (`VerdictText.decision`); here each
        // topology's fixed deployment, the comparison's last column.
        if let f = fix {
            out.append("")
            out.append("Each topology with its fix (the deployment's cheapest fix is under the verdict):")
            out += topologyFixLines(f)
        }
        return out.joined(separator: "\n")
    }

    /// The deployment's one fix (`RegionsAssessment.fix`, in short lines) and, below it, each topology's fixed
    /// deployment: "Cheapest fix of the whole deployment:" … then "  per-region-queues with its fix: $…/month,
    /// FEASIBLE".
    public static func fixLines(_ f: DeploymentFixResult) -> [String] {
        f.lines + topologyFixLines(f)
    }

    /// "  per-region-queues with its fix: $1.63/event, $79.32/month + 7 UNPRICED, FEASIBLE — …", one per topology.
    static func topologyFixLines(_ f: DeploymentFixResult) -> [String] {
        var out: [String] = []
        for t in f.byTopology {
            out.append(
                "  \(t.topology.rawValue) with its fix: \(t.price)"
                    + (t.parts.isEmpty ? "" : " — " + t.parts.map(\.summary).joined(separator: "; "))
                    + (t.status == .infeasible ? " — \(t.deployment.reasons.first ?? "")" : ""))
        }
        return out
    }

    /// The line printed before a multi-region plan's estimate: what the single-region figures below are.
    public static func banner(_ d: RegionalDeployment) -> String {
        "Multi-region plan (\(d.sites.count) regions, \(d.topology.rawValue)): the estimate below is the whole crowd in the home region \(d.home), which sizes the shared queue; the deployment per region, its totals (\(Format.usd(d.totals.perMonth))/month\(d.totals.marker)) and its verdict (\(d.status.rawValue)) follow under \"Regions\"."
    }

    static func ms(_ v: Double?) -> String {
        v.map { "+" + Format.number($0, maxDecimals: 1) + " ms" } ?? "not measured"
    }

    static func sitesTable(_ d: RegionalDeployment) -> TextTable {
        var t = TextTable(
            [
                "region", "users", "share", "gateway req/s", "queue", "gateway nodes", "status poll", "per month",
                "role",
            ],
            aligns: [.left, .right, .right, .right, .left, .left, .right, .right, .left])
        for s in d.sites {
            t.add([
                s.region + (s.priceRegion != s.region ? " (priced as \(s.priceRegion))" : ""),
                Format.number(Double(s.users)), Format.percent(s.share), Format.number(s.gatewayRPS, maxDecimals: 0),
                s.redis, s.gateway, ms(s.statusAddedMs), Format.usd(s.perMonth) + MissingLine.marker(s.unpriced),
                s.role,
            ])
        }
        return t
    }

    static func flowsTable(_ d: RegionalDeployment) -> TextTable {
        var t = TextTable(
            ["from → to", "what", "peak MB/s", "GB/event", "$/GB", "per event", "per month"],
            aligns: [.left, .left, .right, .right, .right, .right, .right])
        let lines = d.costs.filter { $0.resource == .transfer }
        for (f, l) in zip(d.flows, lines) {
            t.add([
                "\(f.from) → \(f.to)", f.what + (f.inferred ? " (rate INFERRED)" : ""),
                Format.number(f.bytesPerSecond / 1e6, maxDecimals: 3),
                Format.number(f.bytesPerEvent / 1e9, maxDecimals: 3), l.unitPrice.map(Format.unitPrice) ?? "UNPRICED",
                l.perEvent.map { Format.usd($0, places: 4) } ?? "UNPRICED",
                l.perMonth.map { Format.usd($0) } ?? "UNPRICED",
            ])
        }
        return t
    }

    /// `compare`: each compared plan or variant's whole deployment, by name.
    public static func deployments(
        _ named: [(String, RegionalDeployment)], fixes: [(String, DeploymentFixResult)] = [], style: Style
    ) -> String {
        var t = TextTable(
            [
                "plan", "topology", "dynamodb", "per event", "per month", "transfer/month", "status poll added",
                "freshness", "global order", "verdict",
            ],
            aligns: [.left, .left, .left, .right, .right, .right, .right, .right, .left, .left])
        for (name, d) in named {
            let transfer = d.costs.filter { $0.resource == .transfer }.compactMap(\.perMonth).reduce(.zero, +)
            t.add([
                name, d.topology.rawValue, d.store.rawValue, Format.usd(d.totals.perEvent) + d.totals.marker,
                Format.usd(d.totals.perMonth), Format.usd(transfer), ms(d.budget.worstStatusAddedMs),
                Format.number(d.budget.freshnessSeconds, maxDecimals: 3) + " s", d.budget.globalOrder ? "yes" : "no",
                d.status.rawValue,
            ])
        }
        return style.heading(
            "Multi-region deployments (the whole deployment; the tables above price the home region alone)")
            + "\n" + t.render() + fixes.map { "\n  \($0.0): \($0.1.sentence)" }.joined()
    }

    public static func comparisonTable(_ ts: [RegionalDeployment], planned: QueueTopology) -> TextTable {
        var t = TextTable(
            [
                "topology", "per event", "per month", "transfer/month", "status poll added", "freshness",
                "global order",
                "verdict",
            ],
            aligns: [.left, .right, .right, .right, .right, .right, .left, .left])
        for d in ts {
            let transfer = d.costs.filter { $0.resource == .transfer }.compactMap(\.perMonth).reduce(.zero, +)
            t.add([
                d.topology.rawValue + (d.topology == planned ? " (plan)" : ""),
                Format.usd(d.totals.perEvent) + d.totals.marker, Format.usd(d.totals.perMonth),
                Format.usd(transfer), ms(d.budget.worstStatusAddedMs),
                Format.number(d.budget.freshnessSeconds, maxDecimals: 3) + " s",
                d.budget.globalOrder ? "yes" : "no", d.status.rawValue,
            ])
        }
        return t
    }
}

extension RegionsText {
    /// The whole deployment as planned, for the decision lines of `estimate` and the deck's answer: the
    /// deployment's own totals (every region and the inter-region transfer, failing resources at their as-planned
    /// cost), read from the assessment's `RegionalDeployment`, never re-added here. Per month only: the deployment's
    /// per-event figure counts the event's hours, the answer's per event is the month ÷ events, so neither is
    /// shown beside the other.
    /// "as planned, whole deployment (global-queue, 3 regions; inter-region transfer $1.23/month): $4,567.89/month + UNPRICED".
    public static func deploymentTotal(_ d: RegionalDeployment) -> String {
        let transfer = d.costs.filter { $0.resource == .transfer }
        let transferText =
            transfer.isEmpty
            ? "no inter-region transfer"
            : "inter-region transfer "
                + (transfer.contains { $0.perMonth == nil }
                    ? "UNPRICED" : Format.usd(transfer.compactMap(\.perMonth).reduce(.zero, +)) + "/month")
        return
            "as planned, whole deployment (\(d.topology.rawValue), \(d.sites.count) regions; \(transferText)): "
            + "\(Format.usd(d.totals.perMonth))/month\(d.totals.marker), "
            + d.status.rawValue
            + (d.totals.failing.isEmpty
                ? ""
                : " — includes " + d.totals.failing.map { "\($0.resource) (\($0.component))" }.joined(separator: ", ")
                    + " at the as-planned cost, INFEASIBLE as planned")
    }

    /// One line per region with UNPRICED lines (each component already starts with its region):
    /// "UNPRICED: ap-northeast-1: EKS control plane (standard support) — fetch it: `tacoplan pricing fetch …`".
    public static func unpricedLines(_ d: RegionalDeployment) -> [String] {
        d.unpricedRegions.map { "UNPRICED: \($0.missing.joined(separator: "; ")) — fetch it: `\($0.fetch)`" }
    }
}
