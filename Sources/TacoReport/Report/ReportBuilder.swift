import Foundation
import TacoCore

/// Builds the report model from an estimate. The only place report numbers are selected, summed per resource or
/// converted to a chart's unit; every renderer downstream just lays them out.
public enum ReportBuilder {
    public static func build(
        _ e: Estimate, assessment: PlanAssessment? = nil, exitCode: Int32? = nil, levers: LeverSection? = nil,
        validation: ValidationSection? = nil
    ) -> Report {
        let figures = FigureIndex(e.figures)
        let redis = redisSection(e, figures)
        let costs = costSection(e, figures)
        var report = Report(
            schema: Report.currentSchema, plan: e.plan, region: e.region, asOf: e.asOf,
            traffic: trafficSection(e, figures), admission: admissionSection(e, figures), redis: redis,
            gateway: gatewaySection(e, figures), dynamodb: dynamoSection(e, figures), costs: costs, levers: levers,
            validation: validation,
            findings: e.findings,
            verdict: e.verdict, unitEconomics: e.unitEconomics, priceDates: e.priceDates,
            hasClaims: e.findings.contains { $0.claim != nil }, charts: [], omittedCharts: [])
        report.assessment = assessment
        report.exitCode = exitCode
        report.levers = withFix(levers, assessment: assessment, baselinePerMonth: e.totals.perMonth)
        (report.charts, report.omittedCharts) = ReportCharts.all(report)
        report.architecture = ArchitectureSection.build(e, redis: redis, gateway: report.gateway)
        report.answer = AnswerBuilder.build(report)
        return report
    }

    /// The lever section with the cheapest fix as its first lever (saving = as planned − fix; negative when the fix
    /// costs more), so the savings slide shows it for any plan.
    static func withFix(_ levers: LeverSection?, assessment: PlanAssessment?, baselinePerMonth: Money)
        -> LeverSection?
    {
        guard let a = assessment, let fix = a.fix, !fix.changes.isEmpty else { return levers }
        var section = levers ?? LeverSection(baseline: "the plan", baselinePerMonth: baselinePerMonth, levers: [])
        let saving = Money(-fix.deltaPerMonth.amount)
        let base = section.baselinePerMonth.amount
        section.levers.insert(
            LeverSection.Lever(
                name: "cheapest fix (\(fix.status.rawValue))", description: fix.summary, perMonth: saving,
                percent: base > 0 ? (saving.amount / base).doubleValue * 100 : nil), at: 0)
        return section
    }

    static func trafficSection(_ e: Estimate, _ f: FigureIndex) -> TrafficSection {
        let factNames = [
            "users", "seats", "window", "ramp", "target_wait", "status_poll", "heartbeat", "response_bytes",
        ]
        let facts = factNames.compactMap { name in e.figures.lazy.flatMap(\.inputs).first { $0.name == name } }
        let apis = e.traffic.apis.map {
            TrafficSection.ApiRow(
                name: $0.name, driver: $0.driver.rawValue, rate: Format.number($0.rate) + "/s",
                responseBytes: Format.number($0.responseBytes) + " B")
        }
        let ids = [
            "traffic.join_rate", "traffic.status_rate", "traffic.heartbeat_rate", "traffic.gateway_rate",
            "traffic.status_bandwidth", "traffic.response_bandwidth", "traffic.drain_time",
        ]
        return TrafficSection(facts: facts, figures: f.pick(ids), apis: apis)
    }

    static func admissionSection(_ e: Estimate, _ f: FigureIndex) -> AdmissionSection {
        let criteria = e.admission.criteria.map { c in
            AdmissionSection.Criterion(
                name: c.name.rawValue, role: c.role.rawValue, rate: c.rate.map { Format.number($0) + "/s" } ?? "—",
                binding: c.binding,
                arithmetic: f[c.name.figureID]?.arithmetic ?? c.note, note: c.note)
        }
        return AdmissionSection(
            rate: Format.number(e.admission.rate) + "/s", binding: e.admission.binding.rawValue, criteria: criteria,
            figures: f.pick(["admission.rate", "admission.backend_utilization", "admission.implied_wait"]))
    }

    static func dynamoSection(_ e: Estimate, _ f: FigureIndex) -> DynamoSection {
        DynamoSection(
            figures: f.pick([
                "dynamodb.wru_per_write", "dynamodb.ceiling_cost", "dynamodb.expected_cost",
                "dynamodb.provisioned_cost",
            ]), cheaperMode: e.dynamodb.cheaperMode, notes: e.dynamodb.limitNotes)
    }

    static func gatewaySection(_ e: Estimate, _ f: FigureIndex) -> GatewaySection {
        let g = e.gateway
        let options = g.options.map { o in
            GatewaySection.OptionRow(
                nodeType: o.nodeType, architecture: o.architecture, podsPerNode: o.podsPerNode,
                nodes: o.feasible ? "\(o.nodes)" : "—", onDemand: o.onDemandNodes, spot: o.spotNodes,
                hourly: o.hourly.map { Format.usd($0, places: 4) } ?? (o.feasible ? "UNPRICED" : "—"),
                chosen: o == g.chosen, note: o.note)
        }
        return GatewaySection(
            figures: f.pick(["gateway.pods", "gateway.nodes", "gateway.prewarm_lead"]), options: options,
            preWarmNeeded: g.preWarm.needed, preWarm: g.preWarm.reason)
    }
}

/// Figures by id, in the order a section asks for them; ids the estimate lacks are skipped.
struct FigureIndex {
    var byId: [String: Figure] = [:]
    init(_ figures: [Figure]) {
        for f in figures where byId[f.id] == nil { byId[f.id] = f }
    }
    subscript(_ id: String) -> Figure? { byId[id] }
    func pick(_ ids: [String]) -> [Figure] { ids.compactMap { byId[$0] } }
}
