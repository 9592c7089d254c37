import Foundation

/// Everything a command or renderer says about one plan on one evidence and as-of day, computed once:
/// per resource its requirement, configuration and feasibility; the verdict; the as-planned priced configuration
/// (a failing resource keeps its cost, labelled); and the cheapest FEASIBLE fix as a diff against the plan, or the
/// constraint no configuration meets. The exit status is the application layer's (`TacoApp.Assessment`).
public struct PlanAssessment: Codable, Hashable, Sendable {
    /// One resource: what it must carry, what the plan runs, and whether it holds.
    public struct Resource: Codable, Hashable, Sendable {
        public var resource: ResourceKind
        /// "hot queue key 150 % of one engine core; 919.8 MB".
        public var requirement: String
        /// "10 × cache.m7g.xlarge (5 shards × (1 + 1 replica))".
        public var configuration: String
        public var status: VerdictStatus
        /// The verdict's reasons that name this resource.
        public var reasons: [String]
        /// "costs calibrated to the bundled load test" (the evidence the verdict used).
        public var evidence: String
    }

    /// The cheapest configuration that passes the verdict, priced.
    public struct Fix: Codable, Hashable, Sendable {
        /// FEASIBLE, or AT RISK when no configuration in the bounds is FEASIBLE.
        public var status: VerdictStatus
        public var changes: [CheapestFix.Change]
        public var costs: [CostLine]
        public var totals: CostTotals
        /// Fix − as planned (positive: the fix costs more).
        public var deltaPerMonth: Money
        public var deltaPerEvent: Money
        /// The fix's Redis cluster: "15 × cache.m7g.xlarge".
        public var redis: String
        /// "+1 read replica per shard: 1 → 2 (10 → 15 nodes)"; "the plan as written" when nothing changes.
        public var summary: String {
            changes.isEmpty ? "the plan as written" : changes.map(\.text).joined(separator: "; ")
        }
    }

    /// A configuration that passes the verdict but lacks a price, and the command that fetches it.
    public struct UnpricedOption: Codable, Hashable, Sendable {
        public var configuration: String
        public var missing: [String]
        public var fetch: String
    }

    public var plan: String
    public var region: String
    public var asOf: Day
    /// The verdict (status, reasons, evidence) the whole assessment follows.
    public var verdict: PlanVerdict
    public var resources: [Resource]
    /// The configuration the plan describes, priced even when it fails (`CostLine.infeasible` labels it).
    public var asPlanned: [CostLine]
    public var asPlannedTotals: CostTotals
    /// The cheapest fix, when one exists in the bounds.
    public var fix: Fix?
    /// When no configuration in the bounds passes: the constraint none meets.
    public var unreachable: String?
    public var feasibleUnpriced: [UnpricedOption]
    /// Configurations the fix search estimated.
    public var evaluated: Int

    /// Assesses `estimate` (the plan's own, on `input`'s evidence). `status` is the one accessor to a verdict, so a
    /// later verdict rule applies to the plan and to every configuration the fix search tries. With
    /// `searchFix: false` (sweep points, compare columns) no fix is searched.
    public static func assess(
        _ input: EstimateInput, estimate: Estimate, searchFix: Bool = true,
        rung: ((Plan) -> EstimateInput?)? = nil, status: (Estimate) -> VerdictStatus = { $0.verdict.status }
    ) -> PlanAssessment {
        var out = PlanAssessment(
            plan: estimate.plan, region: estimate.region, asOf: estimate.asOf, verdict: estimate.verdict,
            resources: resources(estimate, input), asPlanned: estimate.costs, asPlannedTotals: estimate.totals,
            fix: nil, unreachable: nil, feasibleUnpriced: [], evaluated: 0)
        out.verdict.status = status(estimate)
        guard searchFix else { return out }
        let result = CheapestFix.search(input, estimate: estimate, rung: rung, status: status)
        out.evaluated = result.evaluated
        switch result.outcome {
        case .found(let p):
            out.fix = Fix(
                status: p.status, changes: CheapestFix.changes(from: estimate, plan: input.plan, to: p),
                costs: p.estimate.costs, totals: p.estimate.totals,
                deltaPerMonth: p.estimate.totals.perMonth - estimate.totals.perMonth,
                deltaPerEvent: p.estimate.totals.perEvent - estimate.totals.perEvent,
                redis: p.estimate.redis.chosen.map { "\($0.nodes ?? 0) × \($0.nodeType)" } ?? "—")
        case .unreachable(let constraint):
            out.unreachable = constraint
        case nil: break
        }
        var seen = Set<String>()
        for p in result.feasibleUnpriced {
            let missing = p.estimate.totals.missing.map { "\($0.resource) (\($0.component))" }
            // An UNPRICED cluster is not "chosen" (no price to rank it): the first candidate that fits names it, else
            // the configuration as planned (an AT RISK hot key sizes no candidate).
            let fits =
                p.estimate.redis.chosen ?? p.estimate.redis.candidates.first { $0.nodes != nil }
                ?? p.estimate.redis.asPlanned
            let config =
                "\(p.plan.redis.engine.displayName) "
                + (fits.map { "\($0.nodes ?? 0) × \($0.nodeType)" } ?? "—")
                + ", \(p.plan.redis.queuePartitions) partition(s), \(p.plan.redis.replicas) replica(s)"
            guard seen.insert(config).inserted else { continue }
            out.feasibleUnpriced.append(
                UnpricedOption(
                    configuration: config, missing: missing,
                    fetch: fetchCommand(region: estimate.region, missing: p.estimate.totals.missing, input.spelling)))
        }
        return out
    }

    /// The exact command that fills the price gaps `missing` in `region`, as `spelling` writes it.
    public static func fetchCommand(region: String, missing: [MissingLine], _ spelling: StepSpelling) -> String {
        spelling(.fetchPrices(FetchSuggestion(region: region, missing: missing)))
    }

    static func resources(_ e: Estimate, _ input: EstimateInput) -> [Resource] {
        let v = e.verdict
        let evidence = v.evidence.rung.phrase
        func reasons(_ prefix: String) -> [String] { v.reasons.filter { $0.hasPrefix(prefix) } }
        func status(_ rs: [String]) -> VerdictStatus {
            rs.isEmpty ? (v.status == .infeasible ? .feasible : v.status) : v.status
        }
        let r = input.plan.redis
        let cluster = e.redis.chosen ?? e.redis.asPlanned
        let redisConfig =
            cluster.map {
                "\($0.nodes ?? 0) × \($0.nodeType) (\($0.shards ?? 0) shards × (1 + \(r.replicas) replica\(r.replicas == 1 ? "" : "s")))"
            } ?? "no node type with a spec"
        let redisReasons = reasons("Redis")
        let redis = Resource(
            resource: .redis,
            requirement:
                "hot queue key \(Format.percent(e.redis.hotKeyLoad)) of one engine core (ceiling \(Format.percent(r.engineCPUCeiling))); memory \(Format.megabytes(e.redis.memory.required))",
            configuration: redisConfig, status: status(redisReasons), reasons: redisReasons, evidence: evidence)
        let g = e.gateway.chosen
        let gwReasons = reasons("Gateway")
        let gateway = Resource(
            resource: .gateway, requirement: "\(e.gateway.pods) pods for \(Format.rate(e.traffic.gatewayRate))",
            configuration: g.map {
                "\($0.nodes) × \($0.nodeType) (\($0.onDemandNodes) On-Demand + \($0.spotNodes) Spot)"
            }
                ?? "no node type fits",
            status: status(gwReasons), reasons: gwReasons, evidence: evidence)
        let dyReasons = reasons("DynamoDB") + reasons("Backend")
        let dynamo = Resource(
            resource: .dynamodb,
            requirement: "\(Format.rate(e.admission.rate)) reservations at the admission rate",
            configuration: input.plan.dynamodb.mode.rawValue, status: status(dyReasons), reasons: dyReasons,
            evidence: evidence)
        return [redis, gateway, dynamo]
    }
}
