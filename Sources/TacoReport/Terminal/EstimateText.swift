import TacoCore

/// The `estimate` command's terminal output: one section per resource, then costs and findings.
public enum EstimateText {
    /// The whole text; `spelling` writes the commands it names (the CLI's is `TacoApp.CommandSpelling.commandLine`).
    public static func render(
        _ e: Estimate, assessment: PlanAssessment? = nil, deployment: RegionalDeployment? = nil,
        deploymentFix: DeploymentFixResult? = nil, exitCode: Int32, spelling: StepSpelling, style: Style
    ) -> String {
        var out: [String] = []
        out.append(
            style.heading("\(spelling(.run(.estimate))) — \(e.plan)") + "  (\(e.region), prices as of \(e.asOf))")
        out.append("")
        out.append(VerdictText.render(e, exitCode: exitCode, style: style))
        if let assessment {
            out.append(
                VerdictText.decision(
                    assessment, deployment: deployment, deploymentFix: deploymentFix, spelling: spelling, style: style))
        }
        out.append(
            section(
                "Traffic",
                [
                    "traffic.join_rate", "traffic.status_rate", "traffic.heartbeat_rate", "traffic.gateway_rate",
                    "traffic.status_bandwidth", "traffic.response_bandwidth", "traffic.drain_time",
                ], e, style))
        out.append(style.heading("Admission rate") + "  (binding: \(e.admission.binding))")
        var t = TextTable(
            ["criterion", "role", "rate", "binding", "note"], aligns: [.left, .left, .right, .left, .left])
        for c in e.admission.criteria {
            t.add([
                c.name.rawValue, c.role.rawValue, c.rate.map { Format.number($0) + "/s" } ?? "—", c.binding ? "◀" : "",
                c.note,
            ])
        }
        out.append(t.render())
        out.append(figures(["admission.rate", "admission.backend_utilization", "admission.implied_wait"], e))
        out.append("")
        out.append(redis(e, style))
        out.append(gateway(e, style))
        out.append(
            section(
                "DynamoDB",
                [
                    "dynamodb.wru_per_write", "dynamodb.ceiling_cost", "dynamodb.expected_cost",
                    "dynamodb.provisioned_cost",
                ], e, style))
        out.append("  cheaper for this event: \(e.dynamodb.cheaperMode)")
        for n in e.dynamodb.limitNotes { out.append("  • \(n)") }
        if let limit = e.dynamodb.partitionLimit { out.append(style.bad("  INFEASIBLE: \(limit)")) }
        out.append("")
        out.append(costs(e, style))
        out.append(findings(e, style))
        out.append(
            style.dim(
                "Every figure: \(spelling(.run(.explain))) PLAN (formula, numbers, and where each input came from)."))
        return out.joined(separator: "\n") + "\n"
    }

    static func figures(_ ids: [String], _ e: Estimate) -> String {
        var t = TextTable(["figure", "value", "arithmetic"], aligns: [.left, .right, .left])
        for id in ids {
            guard let f = e.figures.first(where: { $0.id == id }) else { continue }
            t.add([f.label, f.display, f.arithmetic])
        }
        return t.render()
    }

    static func section(_ title: String, _ ids: [String], _ e: Estimate, _ style: Style) -> String {
        style.heading(title) + "\n" + figures(ids, e) + "\n"
    }

    static func redis(_ e: Estimate, _ style: Style) -> String {
        let r = e.redis
        var out = [style.heading("Redis / Valkey cluster") + "  (\(r.engine.displayName))"]
        out.append(
            figures(
                ["redis.queue_data"] + e.figures.filter { $0.id.hasPrefix("redis.transient.") }.map(\.id) + [
                    "redis.memory_required", "redis.hot_key_cpu", "redis.engine_shards", "redis.memory_shards",
                    "redis.shards", "redis.nodes", "redis.busiest_engine_cpu",
                ], e))
        var t = TextTable(
            ["candidate", "usable GiB", "baseline Gbps", "shards", "nodes", "$/hour", "verdict"],
            aligns: [.left, .right, .right, .right, .right, .right, .left])
        for c in r.candidates {
            let mark = c == r.chosen ? "◀ chosen: " : (c.feasible ? "" : "✗ ")
            t.add([
                c.nodeType, Format.number(c.usableMemoryGiB), Format.number(c.baselineGbps, maxDecimals: 3),
                c.shards.map(String.init) ?? "—", c.nodes.map(String.init) ?? "—",
                c.hourly.map { Format.usd($0, places: 4) } ?? (c.feasible ? "UNPRICED" : "—"), mark + c.note,
            ])
        }
        out.append(t.render())
        if !r.nodeLoads.isEmpty {
            var n = TextTable(["node", "count", "engine CPU", "network"], aligns: [.left, .right, .right, .right])
            for l in r.nodeLoads {
                n.add([
                    l.role.rawValue, "\(l.count)", Format.number(l.engineCPU * 100, maxDecimals: 1) + " %",
                    Format.number(l.bandwidth / 1_000_000, maxDecimals: 2) + " MB/s",
                ])
            }
            out.append(n.render())
        }
        if let why = r.infeasibleReason { out.append(style.bad("  INFEASIBLE: \(why)")) }
        return out.joined(separator: "\n") + "\n"
    }

    static func gateway(_ e: Estimate, _ style: Style) -> String {
        let g = e.gateway
        var out = [style.heading("Gateway (EKS)")]
        out.append(figures(["gateway.pods", "gateway.nodes", "gateway.prewarm_lead"], e))
        var t = TextTable(
            ["node type", "arch", "pods/node", "nodes", "On-Demand", "Spot", "$/hour", "note"],
            aligns: [.left, .left, .right, .right, .right, .right, .right, .left])
        for o in g.options {
            t.add([
                o.nodeType + (o == g.chosen ? " ◀" : ""), o.architecture, "\(o.podsPerNode)",
                o.feasible ? "\(o.nodes)" : "—",
                "\(o.onDemandNodes)", "\(o.spotNodes)",
                o.hourly.map { Format.usd($0, places: 4) } ?? (o.feasible ? "UNPRICED" : "—"), o.note,
            ])
        }
        out.append(t.render())
        out.append("  pre-warm: \(g.preWarm.reason)")
        return out.joined(separator: "\n") + "\n"
    }

    static func costs(_ e: Estimate, _ style: Style) -> String {
        var out = [style.heading("Costs")]
        var t = TextTable(
            [
                "resource", "component", "qty", "unit price", "per hour", "per event", "per month", "price effective",
                "confidence",
            ], aligns: [.left, .left, .right, .right, .right, .right, .right, .left, .left])
        for c in e.costs {
            t.add([
                c.resource.rawValue, c.component, Format.number(c.quantity.doubleValue, maxDecimals: 2),
                c.unitPrice.map(Format.unitPrice) ?? style.bad(missing(c)),
                c.hourly.map { Format.usd($0, places: 4) } ?? "",
                c.perEvent.map { Format.usd($0, places: 4) } ?? (c.unitPrice == nil ? missing(c) : ""),
                c.perMonth.map { Format.usd($0) } ?? (c.unitPrice == nil ? missing(c) : ""),
                c.effectiveFrom?.description ?? "—", c.confidence,
            ])
        }
        let u = e.totals.marker
        t.add([
            "total", "", "", "", Format.usd(e.totals.hourly, places: 4) + u,
            Format.usd(e.totals.perEvent, places: 4) + u, Format.usd(e.totals.perMonth) + u, "", "",
        ])
        out.append(t.render())
        if let m = e.totals.missingSentence { out.append(style.bad("  " + m)) }
        if let m = e.totals.failingSentence { out.append(style.bad("  " + m)) }
        out.append("  " + VerdictText.unitEconomics(e.unitEconomics) + "  " + VerdictText.priceDates(e.priceDates))
        return out.joined(separator: "\n") + "\n"
    }

    static func missing(_ c: CostLine) -> String { c.unpriced ? "UNPRICED" : "INFEASIBLE" }

    static func findings(_ e: Estimate, _ style: Style) -> String {
        var out = [style.heading("Findings")]
        for f in e.findings {
            let tag: String
            switch f.severity {
            case .error: tag = style.bad("[error]")
            case .warning: tag = style.warn("[warning]")
            case .info: tag = "[info]"
            }
            out.append("  \(tag) \(f.title)")
            out.append("      \(f.message)")
            if let c = f.claim { out.append(style.dim("      claim: \"\(c)\"")) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
