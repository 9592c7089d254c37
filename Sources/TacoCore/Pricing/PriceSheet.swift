/// Every price known for a region, across dates; `quote(_:)` picks the one in force on the as-of day.
/// Built by the store from SQLite (or by tests from literals) and handed to the core as a value.
public struct PriceSheet: Codable, Hashable, Sendable {
    public var region: String
    public var asOf: Day
    public var quotes: [PriceQuote]

    public init(region: String, asOf: Day, quotes: [PriceQuote]) {
        self.region = region
        self.asOf = asOf
        self.quotes = quotes
    }

    /// The price in force on `asOf` (the latest `effectiveFrom` not after it); nil when none.
    /// When two sources give the same key and day, the one sorting first by source wins (deterministic).
    public func quote(_ key: PriceKey, on day: Day? = nil) -> PriceQuote? {
        let when = day ?? asOf
        return quotes.filter { $0.key == key && $0.effectiveFrom <= when }
            .max { ($0.effectiveFrom, $1.source) < ($1.effectiveFrom, $0.source) }
    }

    /// All prices for `key`, oldest first: the history behind findings such as the DynamoDB price cut.
    public func history(_ key: PriceKey) -> [PriceQuote] {
        quotes.filter { $0.key == key }.sorted { ($0.effectiveFrom, $0.source) < ($1.effectiveFrom, $1.source) }
    }

    /// The earliest day any price for this region takes effect.
    public var earliestEffective: Day? { quotes.map(\.effectiveFrom).min() }
}
