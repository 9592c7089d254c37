/// "What 100k RPS takes" (the seed's Part 6.3 next goal), read off a `--rps` sweep so `sweep --rps` and
/// the report's section agree by construction: the configuration and cost at the sweep's top rate, the first break
/// point on the way, and the first rate at which the plan as written is INFEASIBLE.
public struct RPSReach: Codable, Hashable, Sendable {
    /// The seed's next goal: 100k gateway requests/s (seed Part 6.3).
    public static let goalRPS = 100_000.0
    /// Where the report's sweep starts: 10k gateway requests/s, a third of the seed's 30k RPS load test.
    public static let fromRPS = 10_000.0
    /// The report's sweep has `sweep`'s default 12 points, so `tacoplan sweep --rps 10k..100k` gives the same
    /// points and break points.
    public static let steps = 12

    public var targetRPS: Double
    /// The plan at the target rate.
    public var point: SweepPoint
    /// The first break point on the way (smallest users).
    public var firstBreak: BreakPoint?
    /// The first change of the plan's verdict on the way (FEASIBLE → AT RISK or INFEASIBLE): the first constraint
    /// to break, as opposed to a resource merely changing shape.
    public var firstVerdictChange: BreakPoint?
    /// Where the plan as written turns INFEASIBLE (the `plan` break point, exact to one user), nil when it holds.
    public var infeasibleFrom: BreakPoint?
    /// The cheapest fix at the target rate: the assessment's own search (`PlanAssessment.assess` → `CheapestFix`,
    /// FEASIBLE first, else the cheapest AT RISK, labelled so) on the plan at `point.users`; set by the application
    /// layer, which owns the evidence ladder (`withFix`). nil until then or when nothing in the bounds passes.
    public var fix: PlanAssessment.Fix? = nil
    /// When no configuration in the bounds passes at the target rate: the constraint none meets.
    public var fixUnreachable: String? = nil
    /// Configurations that pass at the target rate but lack a price, with their fetch commands.
    public var fixUnpriced: [PlanAssessment.UnpricedOption]? = nil

    /// The standard range: 10k..100k gateway requests/s in 12 points.
    public static var range: SweepRange {
        SweepRange(axis: .gatewayRPS, from: fromRPS, to: goalRPS, steps: steps)
    }

    /// nil unless `s` sweeps gateway requests/s.
    public static func from(_ s: SweepResult) -> RPSReach? {
        guard s.axis == .gatewayRPS, let last = s.points.last else { return nil }
        return RPSReach(
            targetRPS: s.to, point: last, firstBreak: s.breaks.first,
            firstVerdictChange: s.breaks.first { $0.resource == "plan" },
            infeasibleFrom: s.breaks.first { $0.resource == "plan" && $0.after.hasPrefix("INFEASIBLE") })
    }

    /// Each resource's shape at the target rate and what sets it, e.g. "redis cache.m7g.xlarge × 10 shards × (1 + 1),
    /// 1 queue partition — engine CPU · gateway c7g.2xlarge × 30 (2 On-Demand + 28 Spot), pre-warmed — 100 pods at
    /// the requests/s per pod". The shape already ends in parentheses, so what sets it follows a dash.
    public var configuration: String {
        // The sweep's own hot-key remedy is left out of the binding: the fix at the target is `fix` (one search).
        point.resources.filter { $0.resource != "plan" }.map {
            "\($0.resource) \($0.shape) — \($0.binding.components(separatedBy: "; \(SweepRemedy.label) ").first ?? $0.binding)"
        }.joined(separator: " · ")
    }

    /// The plan at the target rate assessed as `estimate` would assess it (`PlanAssessment.assess`, with the fix
    /// search and `rung`, the evidence ladder): the fix the report's 100k part and `sweep --rps` both name.
    /// `plan` is the plan scaled to `point.users` (a multi-region plan keeps each region's share).
    public func withFix(
        _ input: EstimateInput, plan: Plan, rung: ((Plan) -> EstimateInput?)?,
        status: (Estimate) -> VerdictStatus = { $0.verdict.status }
    ) -> RPSReach {
        var i = input
        i.plan = plan
        let a = PlanAssessment.assess(i, estimate: Estimate.compute(i), rung: rung, status: status)
        var out = self
        out.fix = a.fix
        out.fixUnreachable = a.unreachable
        out.fixUnpriced = a.feasibleUnpriced
        return out
    }

    /// `fixSentence` for a slide: an UNPRICED configuration without its fetch command.
    public var fixShort: String? {
        if fix == nil, let u = fixUnpriced?.first { return "cheapest fix: \(u.configuration) passes, UNPRICED" }
        return fixSentence
    }

    /// "+2 read replicas per shard: 1 → 3 (10 → 20 nodes): $5.32/event, $5,597.76/month, FEASIBLE", or why there
    /// is none. Per event is the fix's own total per event (as the sweep's points state theirs).
    public var fixSentence: String? {
        if let f = fix {
            return
                "cheapest fix (estimate's search): \(f.summary): \(Format.usd(f.totals.perEvent))/event, \(Format.usd(f.totals.perMonth))/month\(f.totals.marker), \(f.status.rawValue)"
                + (f.status == .atRisk ? " (no FEASIBLE configuration in the bounds)" : "")
        }
        if let u = fixUnpriced?.first {
            return "cheapest fix: cannot be priced — \(u.configuration) passes, UNPRICED (fetch: `\(u.fetch)`)"
        }
        return fixUnreachable.map { "no configuration in the search bounds passes: \($0)" }
    }

    /// One line: users, configuration, cost, verdict, the cheapest fix, first break.
    public var summary: String {
        var s =
            "To reach \(Format.number(targetRPS, maxDecimals: 0)) gateway req/s: \(Format.number(Double(point.users))) users; \(configuration); \(Format.usd(point.perEvent))/event, \(Format.usd(point.perMonth))/month"
            + (point.unpricedLines > 0 ? " + \(point.unpricedLines) UNPRICED" : "") + "; \(point.verdict.rawValue)"
        if let f = fixSentence { s += "; " + f }
        if let b = firstBreak { s += ". First break on the way: \(b.summary)" }
        if let v = firstVerdictChange, v != firstBreak { s += ". First verdict change: \(v.summary)" }
        if let f = infeasibleFrom {
            s +=
                ". INFEASIBLE as written from \(Format.number(f.gatewayRPS ?? 0, maxDecimals: 0)) gateway req/s (\(Format.number(Double(f.users))) users): \(f.after)"
        }
        return s + "."
    }
}
