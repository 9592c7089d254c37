/// One price as stored: in force from `effectiveFrom` until a later row for the same key.
public struct PriceQuote: Codable, Hashable, Sendable {
    public var key: PriceKey
    public var usd: Money
    public var effectiveFrom: Day
    /// Where the number comes from (bundled price book row, or an imported AWS file with its publication).
    public var source: String
    /// `confirmed`, `third-party`, `derived`, or `aws-price-list` for imported official files.
    public var confidence: String
    /// True when `effectiveFrom` is the documented day the price started (an AWS announcement); false when it is
    /// only the earliest evidence found, so the price was "in force at least from" that day (Docs/Pricing.md).
    public var startDocumented = false

    public init(key: PriceKey, usd: Money, effectiveFrom: Day, source: String, confidence: String) {
        self.key = key
        self.usd = usd
        self.effectiveFrom = effectiveFrom
        self.source = source
        self.confidence = confidence
    }

    /// "$0.315/hour, in force from 2024-07-01 (source; confidence)".
    public var citation: String {
        "\(Format.unitPrice(usd))/\(key.unit) from \(effectiveFrom) — \(source) [\(confidence)]"
    }
}
