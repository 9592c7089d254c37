/// Every price known for a region, across dates; `quote(_:)` picks the one in force on the as-of day.
/// Built by the store from SQLite (or by tests from literals) and handed to the core as a value.
public struct PriceSheet: Codable, Hashable, Sendable {
    public var region: String
    public var asOf: Day
    /// The prices; setting them re-indexes them by key.
    public var quotes: [PriceQuote] {
        didSet { byKey = Self.index(quotes) }
    }
    /// Positions in `quotes` by price key: a search or sweep asks for a quote thousands of times, and a scan of
    /// every price per ask made pricing quadratic in the sheet's size. Derived from `quotes`, so it is neither
    /// encoded nor compared.
    private var byKey: [PriceKey: [Int]]

    public init(region: String, asOf: Day, quotes: [PriceQuote]) {
        self.region = region
        self.asOf = asOf
        self.quotes = quotes
        byKey = Self.index(quotes)
    }

    private enum CodingKeys: String, CodingKey { case region, asOf, quotes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            region: try c.decode(String.self, forKey: .region), asOf: try c.decode(Day.self, forKey: .asOf),
            quotes: try c.decode([PriceQuote].self, forKey: .quotes))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(region, forKey: .region)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(quotes, forKey: .quotes)
    }

    public static func == (a: PriceSheet, b: PriceSheet) -> Bool {
        a.region == b.region && a.asOf == b.asOf && a.quotes == b.quotes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(region)
        hasher.combine(asOf)
        hasher.combine(quotes)
    }

    private static func index(_ quotes: [PriceQuote]) -> [PriceKey: [Int]] {
        var byKey: [PriceKey: [Int]] = [:]
        for (i, q) in quotes.enumerated() { byKey[q.key, default: []].append(i) }
        return byKey
    }

    /// The price in force on `asOf` (the latest `effectiveFrom` not after it); nil when none.
    /// When two sources give the same key and day, the one sorting first by source wins (deterministic).
    public func quote(_ key: PriceKey, on day: Day? = nil) -> PriceQuote? {
        let when = day ?? asOf
        return (byKey[key] ?? []).lazy.map { quotes[$0] }.filter { $0.effectiveFrom <= when }
            .max { ($0.effectiveFrom, $1.source) < ($1.effectiveFrom, $0.source) }
    }

    /// All prices for `key`, oldest first: the history behind findings such as the DynamoDB price cut.
    public func history(_ key: PriceKey) -> [PriceQuote] {
        (byKey[key] ?? []).map { quotes[$0] }.sorted {
            ($0.effectiveFrom, $0.source) < ($1.effectiveFrom, $1.source)
        }
    }

    /// The earliest day any price for this region takes effect.
    public var earliestEffective: Day? { quotes.map(\.effectiveFrom).min() }
}
