import Foundation

/// The gateway as sized (`GatewaySizing`, quantities only) with each node option's price joined by
/// `Costing.price` (Docs/Model.md §4, §6). Reads of the sizing's own fields pass through; the options carry their
/// price. In JSON the options' `onDemandPrice` and `hourly` sit beside their quantities.
@dynamicMemberLookup
public struct PricedGateway: Codable, Hashable, Sendable {
    /// One sized node option and its instance-hour price.
    public typealias Option = PricedOption<GatewaySizing.NodeOption>

    public var sizing: GatewaySizing
    public var options: [Option]
    /// The cheapest priced feasible option (else the first feasible one), as sizing chose it.
    public var chosen: Option?

    public subscript<T>(dynamicMember path: KeyPath<GatewaySizing, T>) -> T { sizing[keyPath: path] }

    /// What the pre-warm adds to one event at the chosen type's On-Demand price (`Costing.preWarmPerEvent`);
    /// nil = UNPRICED, zero when no pre-warm is needed. The same figure as the pre-warm cost line.
    public var preWarmPerEvent: Money? {
        Costing.preWarmPerEvent(sizing.preWarm, onDemandHourly: chosen?.onDemandPrice?.usd)
    }

    enum CodingKeys: String, CodingKey { case options, chosen }

    public init(sizing: GatewaySizing, options: [Option], chosen: Option?) {
        self.sizing = sizing
        self.options = options
        self.chosen = chosen
    }

    public init(from decoder: any Decoder) throws {
        sizing = try GatewaySizing(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        options = try c.decode([Option].self, forKey: .options)
        chosen = try c.decodeIfPresent(Option.self, forKey: .chosen)
    }

    /// The sizing's keys, with its options replaced by the priced ones.
    public func encode(to encoder: any Encoder) throws {
        try sizing.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(options, forKey: .options)
        try c.encodeIfPresent(chosen, forKey: .chosen)
    }
}

extension Costing {
    /// $/h of a gateway option's nodes: On-Demand nodes × On-Demand price + Spot nodes × Spot price
    /// (Docs/Model.md §4, §6); nil = UNPRICED, and nil when no pod fits its type. Gateway sizing ranks its options
    /// by it, the search its options, and `price` joins it onto the estimate.
    public static func gatewayHourly(_ o: GatewaySizing.NodeOption, quote: PriceQuote?) -> Money? {
        guard o.feasible else { return nil }
        return gatewayHourly(onDemand: o.onDemandNodes, spot: o.spotNodes, advice: o.spot, quote: quote)
    }

    /// $/h of `onDemand` On-Demand and `spot` Spot nodes of one type: On-Demand nodes × price + Spot nodes × Spot
    /// price (Docs/Model.md §4, §6); nil = UNPRICED.
    public static func gatewayHourly(onDemand: Int, spot: Int, advice: SpotAdvice?, quote: PriceQuote?) -> Money? {
        quote.map { $0.usd * Decimal(onDemand) + spotPrice($0.usd, advice) * Decimal(spot) }
    }

    /// Spot price = On-Demand × (1 − Spot Advisor savings) (Docs/Model.md §4); the On-Demand price without advice.
    public static func spotPrice(_ onDemand: Money, _ advice: SpotAdvice?) -> Money {
        guard let advice else { return onDemand }
        return onDemand * ((100 - Decimal(advice.savingsPercent)) / 100)
    }

    /// The gateway sizing with each node option's price joined (Docs/Model.md §6).
    static func price(_ sizing: GatewaySizing, _ prices: OptionPrices) -> PricedGateway {
        PricedGateway(
            sizing: sizing, options: sizing.options.map { price($0, prices) },
            chosen: sizing.chosen.map { price($0, prices) })
    }

    /// One gateway node option with its instance-hour price joined (Docs/Model.md §6).
    static func price(_ o: GatewaySizing.NodeOption, _ prices: OptionPrices) -> PricedGateway.Option {
        let quote = prices.instance(o.nodeType)
        var note = o.note
        if o.feasible, quote == nil {
            note =
                "\(o.podsPerNode) pods per node; UNPRICED: no EC2 Linux On-Demand price for \(o.nodeType) in \(prices.region) on \(prices.asOf)"
        }
        return PricedGateway.Option(sized: o, quote: quote, hourly: gatewayHourly(o, quote: quote), note: note)
    }
}
