import Foundation

/// Plans side by side: per resource the configuration, nodes, utilization and cost; deltas against a baseline;
/// and the delta attributed to levers (Docs/Model.md §6).
public struct Comparison: Codable, Hashable, Sendable {
    public struct Resource: Codable, Hashable, Sendable {
        /// `redis`, `gateway`, `eks`, `dynamodb`.
        public var resource: ResourceKind
        public var configuration: String
        public var nodes: Int?
        public var utilization: String
        /// nil when a cost line of this resource has no price (UNPRICED), never $0.
        public var perEvent: Money?
        public var perMonth: Money?
    }

    /// A constraint that no configuration within the plan's bounds meets, and by how much it is missed.
    public struct Infeasibility: Codable, Hashable, Sendable {
        public var resource: ResourceKind
        public var constraint: String
        /// What the plan needs and the limit, in `unit`; `factor` = needed ÷ limit.
        public var needed: Double
        public var limit: Double
        public var unit: String
        public var factor: Double
        public var message: String
    }

    /// One lever switched from the baseline's setting to the column's, and the change in cost it caused.
    public struct LeverStep: Codable, Hashable, Sendable {
        public var lever: String
        /// Plan fields that differ for this lever.
        public var fields: [String]
        public var deltaPerMonth: Money
        public var deltaPerEvent: Money
        /// Set when the plan after this step is infeasible, so the step's delta misses a resource.
        public var note: String?
    }

    public struct Column: Codable, Hashable, Sendable {
        public var name: String
        public var about: String?
        public var feasible: Bool
        public var infeasibilities: [Infeasibility]
        public var resources: [Resource]
        public var perEvent: Money
        public var perMonth: Money
        public var unpricedLines: Int
        /// The column's verdict, as `estimate` gives it for this plan (Docs/Model.md §15).
        public var verdict: PlanVerdict
        /// Lines the column's totals exclude: UNPRICED or INFEASIBLE (Docs/Model.md §6.1).
        public var missing: [MissingLine]
        /// Against the baseline (nil for an infeasible column or baseline).
        public var deltaPerMonth: Money?
        public var deltaPerEvent: Money?
        public var levers: [LeverStep]
    }

    /// A savings claim of the seed next to the computed figure and the reason they differ.
    public struct ClaimCheck: Codable, Hashable, Sendable {
        public var claim: String
        public var seed: String
        public var computed: String
        public var reason: String
    }

    public var baseline: String
    public var columns: [Column]
    public var claims: [ClaimCheck]

    /// Compares `entries` against the one named `baseline` (which must be among them). `baselineEstimate`, when the
    /// caller has it (the baseline's one assessment), is the baseline's estimate instead of a second computation.
    public static func build(_ entries: [CompareEntry], baseline: String, baselineEstimate: Estimate? = nil)
        -> Comparison?
    {
        guard let base = entries.first(where: { $0.name == baseline }) else { return nil }
        let baseEstimate = baselineEstimate ?? Estimate.compute(base.input)
        var columns: [Column] = []
        var estimates: [String: Estimate] = [:]
        for entry in entries {
            let estimate = entry.name == baseline ? baseEstimate : Estimate.compute(entry.input)
            estimates[entry.name] = estimate
            let reasons = estimate.infeasibilities
            var column = Column(
                name: entry.name, about: entry.about, feasible: reasons.isEmpty, infeasibilities: reasons,
                resources: resources(estimate, entry.input),
                perEvent: estimate.totals.perEvent, perMonth: estimate.totals.perMonth,
                unpricedLines: estimate.totals.unpricedLines, verdict: estimate.verdict,
                missing: estimate.totals.missing, deltaPerMonth: nil, deltaPerEvent: nil, levers: [])
            let priced = estimate.totals.unpricedLines == 0 && baseEstimate.totals.unpricedLines == 0
            // Failing resources keep their as-planned cost, so an infeasible column still has a delta.
            if priced && entry.name != baseline {
                column.deltaPerMonth = estimate.totals.perMonth - baseEstimate.totals.perMonth
                column.deltaPerEvent = estimate.totals.perEvent - baseEstimate.totals.perEvent
                column.levers = Levers.attribute(
                    from: base.input, to: entry.input, baseEstimate: baseEstimate, otherEstimate: estimate)
            }
            columns.append(column)
        }
        let claims = SeedSavings.checks(columns: columns, entries: entries, estimates: estimates, baseline: baseline)
        return Comparison(baseline: baseline, columns: columns, claims: claims)
    }

    static func resources(_ e: Estimate, _ input: EstimateInput) -> [Resource] {
        var out: [Resource] = []
        func cost(_ resource: ResourceKind) -> (Money?, Money?) {
            let lines = e.costs.filter { $0.resource == resource }
            if lines.contains(where: \.unpriced) { return (nil, nil) }
            return (
                lines.compactMap(\.perEvent).reduce(.zero, +), lines.compactMap(\.perMonth).reduce(.zero, +)
            )
        }
        if let c = e.redis.chosen ?? e.redis.asPlanned, let shards = c.shards, let nodes = c.nodes {
            let (ev, mo) = cost(.redis)
            let replicas = input.plan.redis.replicas
            let failing = e.redis.chosen == nil
            out.append(
                Resource(
                    resource: .redis,
                    configuration:
                        "\(c.nodeType) \(e.redis.engine.displayName), \(shards) shards × (1 + \(replicas)), \(input.plan.redis.queuePartitions) queue partition(s)"
                        + (failing ? " (as planned, INFEASIBLE)" : ""),
                    nodes: nodes,
                    utilization: failing
                        ? "hot key " + EngineCPUFigures.of(e).hotKey.text + " of one core"
                        : "busiest engine CPU "
                            + (EngineCPUFigures.of(e).busiestNode?.text ?? Format.percent(e.redis.busiestEngineCPU ?? 0)),
                    perEvent: ev, perMonth: mo))
        }
        if let g = e.gateway.chosen {
            let (ev, mo) = cost(.gateway)
            let fill = Double(e.gateway.pods) / Double(max(g.nodes * g.podsPerNode, 1))
            out.append(
                Resource(
                    resource: .gateway,
                    configuration:
                        "\(g.nodeType) (\(g.architecture)), \(g.onDemandNodes) On-Demand + \(g.spotNodes) Spot",
                    nodes: g.nodes, utilization: "\(e.gateway.pods) pods, \(Format.percent(fill)) of pod slots",
                    perEvent: ev, perMonth: mo))
        }
        let (eksEv, eksMo) = cost(.eks)
        out.append(
            Resource(
                resource: .eks, configuration: "control plane", nodes: nil, utilization: "—", perEvent: eksEv,
                perMonth: eksMo))
        let (dEv, dMo) = cost(.dynamodb)
        let d = e.dynamodb
        let mode = input.plan.dynamodb.mode
        out.append(
            Resource(
                resource: .dynamodb,
                configuration: mode == .onDemand
                    ? "on-demand, \(Format.number(d.expectedWrites, maxDecimals: 0)) writes × \(d.wruPerWrite) WRU"
                    : "provisioned \(d.provisionedWCU) WCU × \(d.provisionedHours) h",
                nodes: nil, utilization: "peak \(Format.number(d.peakWRUPerSecond, maxDecimals: 0)) WRU/s",
                perEvent: dEv, perMonth: dMo))
        return out
    }
}

/// One plan (or plan variant) to compare, with everything an estimate needs.
public struct CompareEntry: Sendable {
    public var name: String
    public var about: String?
    public var input: EstimateInput
    public init(name: String, about: String?, input: EstimateInput) {
        self.name = name
        self.about = about
        self.input = input
    }
}
