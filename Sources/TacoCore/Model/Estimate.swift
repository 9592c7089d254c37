/// A complete, explained estimate for one plan (Docs/Model.md §1–§7, §9, §10).
public struct Estimate: Codable, Hashable, Sendable {
    public var plan: String
    public var region: String
    public var asOf: Day
    public var traffic: Traffic
    public var admission: AdmissionDecision
    public var redis: RedisSizing
    public var gateway: GatewaySizing
    public var dynamodb: DynamoSizing
    public var costs: [CostLine]
    public var totals: CostTotals
    public var findings: [Finding]
    public var figures: [Figure]

    /// Runs the whole model. Call `PlanCheck.problems` first: it reports unknown node types and commands.
    public static func compute(_ input: EstimateInput) -> Estimate {
        var ledger = Ledger()
        let crowd = TrafficModel.crowd(input, &ledger)
        let wru = DynamoSizing.writeUnits(input.plan.dynamodb)
        let wruPrice = input.book.sheet.quote(DynamoSizing.wruKey(input.plan.event.region))
        let admission = AdmissionModel.decide(input, wruPerWrite: Double(wru), wruPrice: wruPrice, &ledger)
        let traffic = TrafficModel.full(input, crowd: crowd, admission: admission.rate, &ledger)
        let redis = RedisSizing.size(input, traffic: traffic, &ledger)
        let gateway = GatewaySizing.size(input, traffic: traffic, &ledger)
        let dynamo = DynamoSizing.size(input, traffic: traffic, &ledger)
        let costs = Costing.lines(input, traffic: traffic, redis: redis, gateway: gateway, dynamo: dynamo)
        let parts = EstimateParts(
            traffic: traffic, admission: admission, redis: redis, gateway: gateway, dynamo: dynamo, costs: costs)
        let totals = Costing.totals(costs)
        recordTotals(totals, costs: costs, &ledger)
        return Estimate(
            plan: input.plan.name, region: input.plan.event.region, asOf: input.asOf, traffic: traffic,
            admission: admission,
            redis: redis, gateway: gateway, dynamodb: dynamo, costs: costs, totals: totals,
            findings: Findings.all(parts, input), figures: ledger.figures)
    }

    static func recordTotals(_ t: CostTotals, costs: [CostLine], _ ledger: inout Ledger) {
        for (i, c) in costs.enumerated() {
            ledger.record(
                "cost.\(i + 1).\(c.resource)", "Cost: \(c.component)", value: c.perMonth?.amount.doubleValue ?? .nan,
                unit: "USD/month",
                display: c.perMonth.map { Format.usd($0) + "/month" } ?? "UNPRICED",
                formula: "quantity × unit price; \(c.basis) (MODEL §9)",
                arithmetic:
                    "\(Format.number(c.quantity.doubleValue, maxDecimals: 4)) \(c.unit) × \(c.unitPrice.map(Format.unitPrice) ?? "UNPRICED")"
                    + (c.hourly.map { " = \(Format.usd($0, places: 4))/h" } ?? "")
                    + (c.perEvent.map { "; per event \(Format.usd($0, places: 4))" } ?? "")
                    + (c.perMonth.map { "; per month \(Format.usd($0))" } ?? ""),
                inputs: [
                    FigureInput(
                        "price", c.unitPrice.map(Format.unitPrice) ?? "UNPRICED",
                        "\(c.priceSource)" + (c.effectiveFrom.map { ", effective \($0)" } ?? "") + " [\(c.confidence)]")
                ])
        }
        ledger.record(
            "cost.total_month", "Total per month", value: t.perMonth.amount.doubleValue, unit: "USD/month",
            display: Format.usd(t.perMonth) + "/month" + (t.unpricedLines > 0 ? " (+\(t.unpricedLines) UNPRICED)" : ""),
            formula: "Σ cost lines per month (MODEL §9)", arithmetic: "Σ = \(Format.usd(t.perMonth))", inputs: [])
        ledger.record(
            "cost.total_event", "Total per event", value: t.perEvent.amount.doubleValue, unit: "USD/event",
            display: Format.usd(t.perEvent) + "/event" + (t.unpricedLines > 0 ? " (+\(t.unpricedLines) UNPRICED)" : ""),
            formula: "Σ cost lines per event (MODEL §9)", arithmetic: "Σ = \(Format.usd(t.perEvent))", inputs: [])
    }
}
