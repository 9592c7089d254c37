/// A complete, explained estimate for one plan (Docs/Model.md §1–§15).
public struct Estimate: Codable, Hashable, Sendable {
    public var plan: String
    public var region: String
    public var asOf: Day
    public var traffic: Traffic
    public var admission: AdmissionDecision
    public var redis: PricedRedis
    public var gateway: PricedGateway
    public var dynamodb: PricedDynamo
    public var costs: [CostLine]
    public var totals: CostTotals
    public var findings: [Finding]
    public var figures: [Figure]
    /// FEASIBLE / AT RISK / INFEASIBLE with reasons and the evidence used (Docs/Model.md §15).
    public var verdict: PlanVerdict
    /// The one event timeline every cost line uses (Docs/Model.md §6.0).
    public var timeline: EventTimeline
    /// Cost per admitted user, per seat sold, per million status requests (Docs/Model.md §6.2).
    public var unitEconomics: UnitEconomics
    /// Oldest and newest effective dates of the prices in force and the Spot snapshot (Docs/Model.md §6.3).
    public var priceDates: PriceDates

    /// Called with the input of every `compute` in the current task, nil unless bound: a test binds it
    /// (`Estimate.$computeObserver.withValue(…)`) to count how often a command computes its plan's estimate. A task
    /// local, so tests running in parallel never see each other's calls.
    @TaskLocal public static var computeObserver: (@Sendable (EstimateInput) -> Void)?

    /// Runs the whole model. Call `PlanCheck.problems` first: it reports unknown node types and commands.
    public static func compute(_ input: EstimateInput) -> Estimate {
        computeObserver?(input)
        var ledger = Ledger()
        let crowd = TrafficModel.crowd(input, &ledger)
        let prices = OptionPrices(input)
        let wru = DynamoSizing.writeUnits(input.plan.dynamodb)
        let admission = AdmissionModel.decide(
            input, wruPerWrite: Double(wru),
            wruPrice: prices.sheet.quote(.dynamoWriteRequestUnit(region: prices.region)),
            &ledger)
        let traffic = TrafficModel.full(input, crowd: crowd, admission: admission.rate, &ledger)
        let timeline = EventTimeline(
            users: input.plan.event.users, window: input.plan.event.window, admissionRate: admission.rate)
        let redis = Costing.price(RedisSizing.size(input, traffic: traffic, prices: prices, &ledger), prices)
        let gateway = Costing.price(GatewaySizing.size(input, traffic: traffic, prices: prices, &ledger), prices)
        let dynamo = Costing.price(
            DynamoSizing.size(input, traffic: traffic, timeline: timeline, &ledger), prices, input: input,
            timeline: timeline, &ledger)
        let costs = Costing.lines(input, traffic: traffic, redis: redis, gateway: gateway, dynamo: dynamo)
        let parts = EstimateParts(
            traffic: traffic, admission: admission, redis: redis, gateway: gateway, dynamo: dynamo, costs: costs,
            timeline: timeline)
        let totals = Costing.totals(costs)
        Costing.record(totals, costs: costs, &ledger)
        let dates = PriceDates.compute(costs, spot: gateway.chosen?.spot, asOf: input.asOf)
        return Estimate(
            plan: input.plan.name, region: input.plan.event.region, asOf: input.asOf, traffic: traffic,
            admission: admission,
            redis: redis, gateway: gateway, dynamodb: dynamo, costs: costs, totals: totals,
            findings: Findings.all(parts, input) + dates.findings(input.spelling),
            figures: ledger.figures, verdict: VerdictJudge.judge(parts, input, rungs: rungs(redis, traffic, input)),
            timeline: timeline,
            unitEconomics: UnitEconomics.compute(
                input, timeline: timeline, admissionRate: admission.rate, totals: totals),
            priceDates: dates)
    }

    /// The Redis result on the input's rung and on each weaker rung it carries (only Redis depends on the costs).
    static func rungs(_ redis: PricedRedis, _ traffic: Traffic, _ input: EstimateInput) -> [RungResult] {
        var out = [
            RungResult(
                rung: input.evidence.rung, busiestEngineCPU: redis.busiestEngineCPU,
                hotKeyCPU: redis.hotKeyLoad,
                feasible: redis.chosen != nil)
        ]
        for alt in input.evidence.alternatives {
            var other = input
            other.costs = alt.costs
            other.evidence = EvidenceSelection(rung: alt.rung, source: "", notUsed: [])
            var scratch = Ledger()
            let r = RedisSizing.size(other, traffic: traffic, prices: OptionPrices(other), &scratch)
            out.append(
                RungResult(
                    rung: alt.rung, busiestEngineCPU: r.busiestEngineCPU, hotKeyCPU: r.hotKeyLoad,
                    feasible: r.chosen != nil))
        }
        return out
    }
}
