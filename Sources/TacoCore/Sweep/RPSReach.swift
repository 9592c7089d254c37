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
        point.resources.filter { $0.resource != "plan" }.map { "\($0.resource) \($0.shape) — \($0.binding)" }
            .joined(separator: " · ")
    }

    /// The rule behind `point.remedy`, said where its result is shown: it is the sweep's own hot-key rule
    /// (`ScaleSweep.remedy`), not the cheapest-fix search `estimate` runs (`CheapestFix.search`), which also tries
    /// other node types, the engine and the gateway's Spot share and may find a cheaper configuration.
    public static let remedyRule =
        "the sweep's hot-key rule: the fewest added queue partitions or read replicas (at most \(ScaleSweep.maxReplicasPerShard) per shard) that make the plan not INFEASIBLE, the cheaper per month at the same count; not estimate's cheapest-fix search (other node types, engine and Spot share are not tried)"

    /// One line: users, configuration, cost, verdict, remedy, first break.
    public var summary: String {
        var s =
            "To reach \(Format.number(targetRPS, maxDecimals: 0)) gateway req/s: \(Format.number(Double(point.users))) users; \(configuration); \(Format.usd(point.perEvent))/event, \(Format.usd(point.perMonth))/month"
            + (point.unpricedLines > 0 ? " + \(point.unpricedLines) UNPRICED" : "") + "; \(point.verdict.rawValue)"
        if let r = point.remedy {
            s +=
                "; feasible with \(r.change): \(Format.usd(r.perEvent))/event, \(Format.usd(r.perMonth))/month (by \(RPSReach.remedyRule))"
        }
        if let b = firstBreak { s += ". First break on the way: \(b.summary)" }
        if let v = firstVerdictChange, v != firstBreak { s += ". First verdict change: \(v.summary)" }
        if let f = infeasibleFrom {
            s +=
                ". INFEASIBLE as written from \(Format.number(f.gatewayRPS ?? 0, maxDecimals: 0)) gateway req/s (\(Format.number(Double(f.users))) users): \(f.after)"
        }
        return s + "."
    }
}
