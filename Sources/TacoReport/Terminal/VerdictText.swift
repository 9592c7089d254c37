import TacoCore

/// The verdict block at the top of `estimate`, and the unit-economics and price-date lines (Docs/Model.md §6.2,
/// §6.3, §15).
public enum VerdictText {
    /// The verdict block; `exitCode` is the code the run exits with (the assessment's), so "(exit N)" never lies.
    public static func render(_ e: Estimate, exitCode: Int32, style: Style) -> String {
        let v = e.verdict
        let status: String
        switch v.status {
        case .feasible: status = style.heading("Verdict: FEASIBLE")
        case .atRisk: status = style.warn("Verdict: AT RISK")
        case .infeasible: status = style.bad("Verdict: INFEASIBLE")
        }
        var out = [status + "  (exit \(exitCode); evidence: \(v.evidence.rung.phrase))"]
        for r in v.reasons { out.append("  - \(r)") }
        if let f = v.engineCPU { out.append("  " + engineLine(f)) }
        out.append("  evidence: \(v.evidence.source)")
        // On the reference rung the first reason already says why the better rungs were not used.
        for n in v.evidence.notUsed where v.evidence.rung != .reference { out.append("  not used: \(n)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// "engine CPU (point, band): hot key 165.7 % (124.3 %–207.1 %); busiest node —; ceiling 80 %".
    public static func engineLine(_ f: EngineCPUFigures) -> String {
        "engine CPU (point, band): hot key \(f.hotKey.text); busiest node \(f.busiestNode?.text ?? "— (no cluster fits)"); ceiling \(f.ceilingText)"
    }

    /// The decision in three lines: what the plan costs as planned (failing resources included,
    /// labelled; UNPRICED named), the cheapest fix with its diff, price and change, or the constraint none meets.
    /// For a multi-region plan (`deployment`, the assessment's `RegionsAssessment.deployment`) the first line is the
    /// whole deployment as planned and its UNPRICED regions with their fetch commands; the home-region line follows,
    /// labelled, since the fix below is searched on it.
    /// `deploymentFix` (the assessment's `RegionsAssessment.fix`) is the deployment's one fix: it follows the
    /// deployment's line, and the home region's own search below is labelled as the home region's alone. `spelling`
    /// writes each UNPRICED line's fetch command (the caller's, e.g. `TacoApp.CommandSpelling`).
    public static func decision(
        _ a: PlanAssessment, deployment: RegionalDeployment? = nil, deploymentFix: DeploymentFixResult? = nil,
        spelling: StepSpelling, style: Style
    ) -> String {
        let t = a.asPlannedTotals
        var out: [String] = []
        if let d = deployment {
            out.append("  " + RegionsText.deploymentTotal(d))
            out += RegionsText.unpricedLines(d).map { "  " + $0 }
            if let f = deploymentFix { out += f.lines.map { "  " + $0 } }
        }
        let label =
            deployment.map { "as planned, home region \($0.home) alone (the whole crowd on the shared queue)" }
            ?? "as planned"
        out += [
            "  \(label): \(Format.usd(t.perMonth))/month\(t.marker)"
                + (t.failing.isEmpty
                    ? ""
                    : " — includes " + t.failing.map { "\($0.resource) (\($0.component))" }.joined(separator: ", ")
                        + ", INFEASIBLE as planned")
        ]
        // A multi-region plan's UNPRICED lines are named per region above (the home region's among them).
        for m in t.missing where m.reason == .unpriced && deployment == nil {
            out.append(
                "  UNPRICED: \(m.resource) (\(m.component)) — fetch it: `\(PlanAssessment.fetchCommand(region: a.region, missing: [m], spelling))`"
            )
        }
        if let fix = a.fix {
            let d = fix.deltaPerMonth.amount
            let delta = (d >= 0 ? "+" : "−") + Format.usd(Money(abs(d)))
            let label =
                (a.verdict.status == .feasible ? "cheapest feasible configuration" : "cheapest fix")
                + (deploymentFix == nil ? "" : " of the home region alone")
            out.append(
                "  \(label) (\(fix.status.rawValue)): \(fix.summary) → \(fix.redis); "
                    + "\(Format.usd(fix.totals.perMonth))/month\(fix.totals.marker) (\(delta)/month against the plan)")
        } else if let why = a.unreachable {
            out.append(style.bad("  no fix within the search bounds: no configuration meets \"\(why)\""))
        }
        for u in a.feasibleUnpriced.prefix(3) {
            out.append("  feasible but UNPRICED: \(u.configuration) — `\(u.fetch)`")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The unit-economics sentence without the heading (report and deck).
    public static func unitEconomicsLine(_ u: UnitEconomics) -> String {
        let text = unitEconomics(u)
        let body = text.drop { $0 != ":" }.dropFirst(2)
        return (u.complete ? "" : "lower bounds (totals are incomplete): ") + String(body.dropLast())
    }

    /// "Unit economics (one event incl. its share of always-on resources: $1.23): $0.0001 per admitted user, …".
    public static func unitEconomics(_ u: UnitEconomics) -> String {
        func money(_ m: Money?) -> String { m.map { Format.usd($0, places: 6) } ?? "—" }
        let lower = u.complete ? "" : " (lower bounds: totals are incomplete)"
        return
            "Unit economics\(lower): one event costs \(Format.usd(u.costPerEvent, places: 4)) (per month ÷ events per month); "
            + "\(money(u.perAdmittedUser)) per admitted user (\(Format.grouped(u.admittedUsers))), "
            + "\(money(u.perSeatSold)) per seat sold (\(Format.grouped(u.seatsSold))), "
            + "\(money(u.perMillionStatusRequests)) per million status requests (\(Format.grouped(u.statusRequests)))\n"
    }

    /// "Price dates: prices in force from … to …, Spot snapshot …; 3 stale".
    public static func priceDates(_ d: PriceDates) -> String {
        "Price dates: \(d.summary) (as of \(d.asOf))"
            + (d.stale.isEmpty ? "" : "; \(d.stale.count) older than the staleness limit (see Findings)") + "\n"
    }
}
