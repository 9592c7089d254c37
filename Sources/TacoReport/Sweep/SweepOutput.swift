import TacoCore

/// The JSON form of a sweep: versioned, money as decimal strings, keys sorted.
public struct SweepDocument: Codable, Sendable {
    public static let currentSchema = "tacoplan.sweep/1"
    public var schema = SweepDocument.currentSchema
    public var sweep: SweepResult
    /// The plan's one assessment at its own scale: the run's verdict and exit.
    public var assessment: AssessmentDigest?
    /// On a `--rps` sweep: what the top rate takes and the cheapest fix there (`ReachDocument`); absent otherwise.
    public var reach: ReachDocument?

    public init(
        _ sweep: SweepResult, assessment: AssessmentDigest? = nil, reach: RPSReach? = nil,
        deploymentFix: DeploymentFixResult? = nil
    ) {
        self.sweep = sweep
        self.assessment = assessment
        self.reach = reach.map { ReachDocument($0, deploymentFix: deploymentFix) }
    }

    public func json() throws -> String { try StableJSON.encode(self) }
}

/// `reach` of `sweep --rps --format json`: the values the table's "To reach the top rate" summary prints
/// (`RPSReach.summary`), the fix at the top rate being the assessment's own search (`ReachAssessment`).
public struct ReachDocument: Codable, Sendable {
    /// One topology's whole deployment with its fix at the top rate's crowd (multi-region plans).
    public struct TopologyFix: Codable, Sendable {
        public var topology: String
        public var fix: String
        public var status: VerdictStatus
        public var perEvent: Money
        public var perMonth: Money
        public var unpricedLines: Int
    }

    public var targetRPS: Double
    public var users: Int
    public var gatewayRPS: Double
    /// Each resource's shape at the top rate and what sets it.
    public var configuration: String
    /// The plan as written at the top rate: verdict and as-planned cost (UNPRICED lines left out and counted).
    public var verdict: VerdictStatus
    public var perEvent: Money
    public var perMonth: Money
    public var unpricedLines: Int
    /// The cheapest fix at the top rate (the same object as `estimate --format json`'s `fix`), its diff as text,
    /// and the sentence the table prints; absent when nothing in the bounds passes (`fixUnreachable`) or every
    /// configuration that passes is UNPRICED (`fixUnpriced`, with fetch commands).
    public var fix: PlanAssessment.Fix?
    public var fixSummary: String?
    public var fixText: String?
    public var fixUnreachable: String?
    public var fixUnpriced: [PlanAssessment.UnpricedOption]?
    public var firstBreak: BreakPoint?
    public var firstVerdictChange: BreakPoint?
    public var infeasibleFrom: BreakPoint?
    /// Multi-region plans: the deployment's one fix at the top rate (`DeploymentFixResult.sentence`) and each
    /// topology with its fix; absent for one region.
    public var deploymentFix: String?
    public var topologyFixes: [TopologyFix]?

    public init(_ r: RPSReach, deploymentFix: DeploymentFixResult? = nil) {
        targetRPS = r.targetRPS
        users = r.point.users
        gatewayRPS = r.point.gatewayRPS
        configuration = r.configuration
        verdict = r.point.verdict
        perEvent = r.point.perEvent
        perMonth = r.point.perMonth
        unpricedLines = r.point.unpricedLines
        fix = r.fix
        fixSummary = r.fix?.summary
        fixText = r.fixSentence
        fixUnreachable = r.fixUnreachable
        fixUnpriced = r.fixUnpriced
        firstBreak = r.firstBreak
        firstVerdictChange = r.firstVerdictChange
        infeasibleFrom = r.infeasibleFrom
        self.deploymentFix = deploymentFix?.sentence
        topologyFixes = deploymentFix?.byTopology.map {
            TopologyFix(
                topology: $0.topology.rawValue, fix: $0.summary, status: $0.status,
                perEvent: $0.deployment.totals.perEvent, perMonth: $0.deployment.totals.perMonth,
                unpricedLines: $0.deployment.totals.missing.count)
        }
    }
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
