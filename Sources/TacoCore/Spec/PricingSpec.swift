public struct PricingSpec: Codable, Hashable, Sendable {
    public var asOf: Day?
}
