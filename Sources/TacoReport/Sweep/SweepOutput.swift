import TacoCore

/// The JSON form of a sweep: versioned, money as decimal strings, keys sorted.
public struct SweepDocument: Codable, Sendable {
    public static let currentSchema = "tacoplan.sweep/1"
    public var schema = SweepDocument.currentSchema
    public var sweep: SweepResult
    /// The plan's one assessment at its own scale: the run's verdict and exit.
    public var assessment: AssessmentDigest?

    public init(_ sweep: SweepResult, assessment: AssessmentDigest? = nil) {
        self.sweep = sweep
        self.assessment = assessment
    }

    public func json() throws -> String { try StableJSON.encode(self) }
}

/// `sweep --format table`: one row per point, the resources' shapes with their binding constraint, then the
/// break points.
public enum SweepText {
    /// The plan's verdict, exit, as-planned cost and cheapest fix at its own scale (the run's exit follows it).
    public static func atOwnScale(_ a: PlanAssessment, exit: Int32) -> String {
        let planned = Format.usd(a.asPlannedTotals.perMonth)
        var out =
            "\nAt the plan's own scale: \(a.verdict.status.rawValue) (exit \(exit)); as planned \(planned) per month"
        if let fix = a.fix {
            let price = Format.usd(fix.totals.perMonth)
            out += "; cheapest fix: \(fix.summary), \(price) per month"
        }
        return out + "\n"
    }

    /// `reach`: the top rate's reading with the assessment's fix (`ReachAssessment`); without it, read off `s`.
    public static func render(_ s: SweepResult, reach: RPSReach? = nil, style: Style) -> String {
        var out =
            style.heading(
                "Scale sweep of \(s.plan): \(s.axis.label) \(Format.number(s.from)) → \(Format.number(s.to)), \(s.points.count) points"
            ) + "\n\n"
        var t = TextTable(
            [
                "users", "status/s", "per event", "per month", "verdict", "redis (binding)", "gateway",
                "admission (binding)",
            ],
            aligns: [.right, .right, .right, .right, .left, .left, .left, .left])
        for p in s.points {
            func r(_ name: String) -> SweepResource? { p.resources.first { $0.resource == name } }
            let unpriced = p.unpricedLines > 0 ? " + UNPRICED" : ""
            // A failing point keeps its as-planned cost, labelled with its verdict and what the hot key needs
            // (the sweep's break-point rule, priced; the fix is the assessment's search, under "To reach").
            let fix =
                p.remedy.map { " (\(SweepRemedy.label) \($0.change): \(Format.usd($0.perMonth)) per month)" } ?? ""
            t.add([
                Format.number(Double(p.users)), Format.number(p.statusRPS, maxDecimals: 0),
                Format.usd(p.perEvent) + unpriced, Format.usd(p.perMonth) + unpriced, p.verdict.rawValue + fix,
                r("redis").map { "\($0.shape) (\($0.binding))" } ?? "—", r("gateway")?.shape ?? "—",
                r("admission").map { "\($0.shape) (\($0.binding))" } ?? "—",
            ])
        }
        out += t.render() + "\n"
        if s.points.contains(where: { $0.remedy != nil }) {
            out +=
                "  \(SweepRemedy.label): the fewest queue partitions or read replicas that keep that point out of INFEASIBLE (AT RISK passes), priced — the sweep's break-point rule, not the cheapest fix"
                + (s.axis == .gatewayRPS ? " (that is under \"To reach the top rate\")" : "") + "\n"
        }
        out += "\n" + style.heading("Break points (exact to \(s.resolutionUsers) user)") + "\n"
        if s.breaks.isEmpty { out += "  none: every resource keeps its shape and binding constraint over the range\n" }
        for b in s.breaks { out += "  - \(b.summary)\n" }
        if let reach = reach ?? RPSReach.from(s) {
            out += "\n" + style.heading("To reach the top rate") + "\n  " + reach.summary + "\n"
        }
        return out
    }
}

/// `sweep --format csv`: one row per point and resource (RFC 4180, LF line ends); money as exact decimals.
public enum SweepCSV {
    public static let header = [
        "users", "status_rps", "feasible", "verdict", "per_event_usd", "per_month_usd", "unpriced_lines", "resource",
        "shape", "nodes", "shards", "binding", "remedy", "remedy_per_event_usd",
    ]

    public static func render(_ s: SweepResult) -> String {
        var lines = [header.joined(separator: ",")]
        for p in s.points {
            for r in p.resources {
                let point: [String] = [
                    "\(p.users)", Format.plain(p.statusRPS), "\(p.feasible)", p.verdict.rawValue,
                    p.perEvent.description,
                    p.perMonth.description, "\(p.unpricedLines)",
                ]
                let resource: [String] = [
                    r.resource, r.shape, r.nodes.map { "\($0)" } ?? "", r.shards.map { "\($0)" } ?? "", r.binding,
                ]
                let fix: [String] = [
                    p.remedy?.change ?? "", p.remedy.map { $0.perEvent.description } ?? "",
                ]
                let cells = point + resource + fix
                lines.append(cells.map(CostCSV.field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
