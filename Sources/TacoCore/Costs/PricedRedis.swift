import Foundation

/// The Redis/Valkey cluster as sized (`RedisSizing`, quantities only) with each candidate's node-hour price joined
/// by `Costing.price` (Docs/Model.md §3, §6). Reads of the sizing's own fields pass through; the candidates carry
/// their price. In JSON the candidates' `hourly` and `price` sit beside their quantities.
@dynamicMemberLookup
public struct PricedRedis: Codable, Hashable, Sendable {
    /// One sized candidate and its node-hour price.
    public typealias Candidate = PricedOption<RedisSizing.Candidate>

    public var sizing: RedisSizing
    public var candidates: [Candidate]
    /// The cheapest priced feasible candidate (else the first feasible one), as sizing chose it.
    public var chosen: Candidate?
    /// The plan's own cluster priced when no candidate fits (`RedisSizing.asPlanned`).
    public var asPlanned: Candidate?

    public subscript<T>(dynamicMember path: KeyPath<RedisSizing, T>) -> T { sizing[keyPath: path] }

    enum CodingKeys: String, CodingKey { case candidates, chosen, asPlanned }

    public init(sizing: RedisSizing, candidates: [Candidate], chosen: Candidate?, asPlanned: Candidate?) {
        self.sizing = sizing
        self.candidates = candidates
        self.chosen = chosen
        self.asPlanned = asPlanned
    }

    public init(from decoder: any Decoder) throws {
        sizing = try RedisSizing(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        candidates = try c.decode([Candidate].self, forKey: .candidates)
        chosen = try c.decodeIfPresent(Candidate.self, forKey: .chosen)
        asPlanned = try c.decodeIfPresent(Candidate.self, forKey: .asPlanned)
    }

    /// The sizing's keys, with its candidates replaced by the priced ones.
    public func encode(to encoder: any Encoder) throws {
        try sizing.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(candidates, forKey: .candidates)
        try c.encodeIfPresent(chosen, forKey: .chosen)
        try c.encodeIfPresent(asPlanned, forKey: .asPlanned)
    }
}

extension Costing {
    /// $/h of `count` nodes at one node-hour quote: count × unit price (Docs/Model.md §6); nil = UNPRICED. The one
    /// function a node option's hourly price comes from: Redis sizing ranks its candidates by it, the search its
    /// options, and `price` joins it onto the estimate.
    public static func hourly(_ quote: PriceQuote?, count: Int) -> Money? {
        quote.map { $0.usd * Decimal(count) }
    }

    /// The Redis sizing with each candidate's node-hour price joined (Docs/Model.md §6).
    static func price(_ sizing: RedisSizing, _ prices: OptionPrices) -> PricedRedis {
        func priced(_ c: RedisSizing.Candidate) -> PricedRedis.Candidate {
            let quote = prices.cacheNode(c.nodeType)
            var note = c.note
            if c.feasible, quote == nil, let phrase = c.shardPhrase {
                note =
                    "\(phrase); UNPRICED: no \(prices.engine.displayName) price for \(c.nodeType) in \(prices.region) on \(prices.asOf)"
                    + c.networkNote
            }
            return PricedRedis.Candidate(
                sized: c, quote: quote, hourly: c.nodes.flatMap { hourly(quote, count: $0) }, note: note)
        }
        return PricedRedis(
            sizing: sizing, candidates: sizing.candidates.map(priced), chosen: sizing.chosen.map(priced),
            asPlanned: sizing.asPlanned.map(priced))
    }
}
