import Foundation
import TacoCore

/// The stable report model every renderer (Markdown, Marp deck, SVG and Mermaid charts, CSV, JSON) consumes.
/// `ReportBuilder` fills it from an `Estimate`; renderers only lay it out and never recompute a number.
/// Versioned by `schema`; money is `Money` (a decimal string in JSON), so the model round-trips exactly.
public struct Report: Codable, Hashable, Sendable {
    public static let currentSchema = "tacoplan.report/1"
    public var schema: String
    public var plan: String
    public var region: String
    /// The day whose prices were used; the report shows no other date (no clock).
    public var asOf: Day
    public var traffic: TrafficSection
    public var admission: AdmissionSection
    public var redis: RedisSection
    public var gateway: GatewaySection
    public var dynamodb: DynamoSection
    public var costs: CostSection
    /// Savings per lever; `nil` until `tacoplan compare` supplies variants.
    public var levers: LeverSection?
    /// Prediction against the reference benchmark; `nil` until `tacoplan validate` supplies it.
    public var validation: ValidationSection?
    public var findings: [Finding]
    /// FEASIBLE / AT RISK / INFEASIBLE with reasons and evidence (Docs/Model.md §15).
    public var verdict: PlanVerdict
    /// Cost per admitted user, per seat sold, per million status requests (Docs/Model.md §6.2).
    public var unitEconomics: UnitEconomics
    /// Oldest and newest effective dates of the prices in force and the Spot snapshot (Docs/Model.md §6.3).
    public var priceDates: PriceDates
    /// Whether the plan declares claims (a `claims:` section): only then is there a claims slide.
    public var hasClaims: Bool
    /// Planned vs billed over a bill window; `nil` unless `report --from T --to T` supplies it (`attach`).
    public var reconciliation: Reconciliation?
    /// The event over time; `nil` unless `ReportBuilder.adding(_:to:)` supplies a `tacoplan simulate` result.
    public var simulation: SimulationSection? = nil
    /// Chart data, already in the unit each chart plots.
    public var charts: [Chart]
    /// Notes for charts left out because their data is missing, e.g. "run tacoplan validate".
    public var omittedCharts: [OmittedChart]
    /// The answer slide: verdict, unit costs, binding constraints, risks, top levers (`AnswerBuilder`).
    public var answer: ReportAnswer? = nil
    /// The waiting room's flow with its peak rates.
    public var architecture: ArchitectureSection? = nil
    /// The plan re-sized around its crowd (`attach(sweep:)`); `nil` when the report was built without one.
    public var sweep: SweepResult? = nil
    /// The alarms, alerts and runbook `tacoplan observe` writes for this plan; its deck appendix slide.
    public var observability: ObservabilityModel? = nil
    /// "To reach 100k RPS": one region and, for a multi-region plan, each topology at that rate.
    public var reach: ReachSection? = nil
    /// The multi-region deployment and its topologies side by side; nil for a single-region plan.
    public var regions: RegionsSection? = nil
    /// The one assessment (as-planned costs, cheapest fix) the answer and savings slides state; `nil` only when the
    /// report was built from an estimate alone.
    public var assessment: PlanAssessment? = nil
    /// The code the run exits with (the assessment's, under `--fail-on`).
    public var exitCode: Int32? = nil
}

/// A chart left out, with the reason and the command that would supply its data.
public struct OmittedChart: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var reason: String
}
