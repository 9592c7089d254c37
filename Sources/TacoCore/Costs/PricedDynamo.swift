import Foundation

/// DynamoDB's writes as sized (`DynamoSizing`, quantities only) with their prices joined by `Costing.price`
/// (Docs/Model.md §5, §6). Reads of the sizing's own fields pass through. In JSON the prices and costs sit beside
/// the quantities.
@dynamicMemberLookup
public struct PricedDynamo: Codable, Hashable, Sendable {
    public var sizing: DynamoSizing
    /// The on-demand write request unit's quote in force; nil = UNPRICED.
    public var wruPrice: PriceQuote?
    /// The provisioned write capacity unit-hour's quote in force; nil = UNPRICED.
    public var wcuPrice: PriceQuote?
    /// The seed's ceiling per event: ceiling write units × WRU price (the seed's $2.25).
    public var ceilingCost: Money?
    /// The on-demand writes' cost per event: expected write units × WRU price, the one figure the cost line and the
    /// search read (nil when the WRU price is missing).
    public var expectedCost: Money?
    /// The provisioned alternative per event: WCU-hours × WCU-hour price.
    public var provisionedCost: Money?
    /// `on-demand` or `provisioned`, whichever costs less per event; "unknown (a price is missing)".
    public var cheaperMode: String

    public subscript<T>(dynamicMember path: KeyPath<DynamoSizing, T>) -> T { sizing[keyPath: path] }

    enum CodingKeys: String, CodingKey {
        case wruPrice, wcuPrice, ceilingCost, expectedCost, provisionedCost, cheaperMode
    }

    public init(
        sizing: DynamoSizing, wruPrice: PriceQuote?, wcuPrice: PriceQuote?, ceilingCost: Money?,
        expectedCost: Money?, provisionedCost: Money?, cheaperMode: String
    ) {
        self.sizing = sizing
        self.wruPrice = wruPrice
        self.wcuPrice = wcuPrice
        self.ceilingCost = ceilingCost
        self.expectedCost = expectedCost
        self.provisionedCost = provisionedCost
        self.cheaperMode = cheaperMode
    }

    public init(from decoder: any Decoder) throws {
        sizing = try DynamoSizing(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        wruPrice = try c.decodeIfPresent(PriceQuote.self, forKey: .wruPrice)
        wcuPrice = try c.decodeIfPresent(PriceQuote.self, forKey: .wcuPrice)
        ceilingCost = try c.decodeIfPresent(Money.self, forKey: .ceilingCost)
        expectedCost = try c.decodeIfPresent(Money.self, forKey: .expectedCost)
        provisionedCost = try c.decodeIfPresent(Money.self, forKey: .provisionedCost)
        cheaperMode = try c.decode(String.self, forKey: .cheaperMode)
    }

    /// The sizing's keys, then the prices and costs beside them.
    public func encode(to encoder: any Encoder) throws {
        try sizing.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(wruPrice, forKey: .wruPrice)
        try c.encodeIfPresent(wcuPrice, forKey: .wcuPrice)
        try c.encodeIfPresent(ceilingCost, forKey: .ceilingCost)
        try c.encodeIfPresent(expectedCost, forKey: .expectedCost)
        try c.encodeIfPresent(provisionedCost, forKey: .provisionedCost)
        try c.encode(cheaperMode, forKey: .cheaperMode)
    }
}

extension Costing {
    /// DynamoDB's write units and capacity-hours priced (Docs/Model.md §5): units × unit price for the ceiling, the
    /// expected writes and the provisioned alternative, each recorded as a `dynamodb.*_cost` figure.
    static func price(
        _ d: DynamoSizing, _ prices: OptionPrices, input: EstimateInput, timeline: EventTimeline,
        _ ledger: inout Ledger
    ) -> PricedDynamo {
        let plan = input.plan
        let spec = plan.dynamodb
        let wru = prices.sheet.quote(.dynamoWriteRequestUnit(region: prices.region))
        let wcu = prices.sheet.quote(.dynamoWriteCapacityHour(region: prices.region))
        let ceiling = wru.map { $0.usd * d.ceilingWriteUnits }
        let expected = wru.map { $0.usd * d.expectedWriteUnits }
        let provisioned = wcu.map { $0.usd * d.provisionedUnitHours }
        let wruText = wru.map { Format.unitPrice($0.usd) } ?? "UNPRICED"
        let wcuText = wcu.map { Format.unitPrice($0.usd) } ?? "UNPRICED"
        func usd(_ cost: Money?) -> String { cost.map { Format.usd($0, places: 4) } ?? "UNPRICED" }
        func price(_ name: String, _ quote: PriceQuote?, _ text: String) -> FigureInput {
            FigureInput(name, text, quote?.citation ?? "no price in force on \(input.asOf)")
        }
        func record(
            _ id: String, _ title: String, _ cost: Money?, formula: String, arithmetic: String,
            inputs: [FigureInput]
        ) {
            ledger.record(
                id, title, value: cost?.amount.doubleValue ?? .nan, unit: "USD", display: usd(cost), formula: formula,
                arithmetic: arithmetic + " = \(usd(cost))", inputs: inputs)
        }
        record(
            "dynamodb.ceiling_cost", "DynamoDB write ceiling per event", ceiling,
            formula: "reservations/s × window × WRU per write × WRU price (Docs/Model.md §5; the seed's $2.25)",
            arithmetic:
                "\(Format.rate(d.peakWritesPerSecond)) × \(Format.seconds(plan.event.window)) × \(d.wruPerWrite) × \(wruText)",
            inputs: [
                ledger.ref("traffic.reservation_rate", "reservations/s"),
                FigureInput("window", Format.seconds(plan.event.window), input.from("event.window")),
                price("WRU price", wru, wruText),
            ])
        record(
            "dynamodb.expected_cost", "DynamoDB expected write cost per event", expected,
            formula:
                "min(users, admission rate × event seconds) × attempts × WRU per write × WRU price (Docs/Model.md §5, §6.0)",
            arithmetic:
                "\(Format.number(timeline.admitted)) users × \(Format.number(spec.attemptsPerUser)) = \(Format.number(d.expectedWrites)) writes × \(d.wruPerWrite) × \(wruText)",
            inputs: [
                FigureInput("users", Format.number(Double(plan.event.users)), input.from("event.users")),
                FigureInput(
                    "attempts_per_user", Format.number(spec.attemptsPerUser), input.from("dynamodb.attempts_per_user")),
                price("WRU price", wru, wruText),
            ])
        record(
            "dynamodb.provisioned_cost", "Provisioned-capacity alternative per event", provisioned,
            formula:
                "⌈peak WRU/s ÷ target utilization⌉ WCU × ⌈event hours⌉ × WCU-hour price (Docs/Model.md §5, §6.0)",
            arithmetic:
                "⌈\(Format.number(d.peakWRUPerSecond)) ÷ \(Format.percent(spec.targetUtilization))⌉ = \(d.provisionedWCU) WCU × \(d.provisionedHours) h × \(wcuText)",
            inputs: [
                FigureInput(
                    "target_utilization", Format.percent(spec.targetUtilization),
                    input.from("dynamodb.target_utilization")),
                price("WCU-hour price", wcu, wcuText),
            ])
        var cheaper = "unknown (a price is missing)"
        if let e = expected, let p = provisioned { cheaper = e <= p ? "on-demand" : "provisioned" }
        return PricedDynamo(
            sizing: d, wruPrice: wru, wcuPrice: wcu, ceilingCost: ceiling, expectedCost: expected,
            provisionedCost: provisioned, cheaperMode: cheaper)
    }
}
