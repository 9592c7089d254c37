/// What the store hands the core for one estimate: prices, specs and the Spot snapshot.
public struct PriceBook: Codable, Hashable, Sendable {
    public var sheet: PriceSheet
    public var specs: [String: InstanceSpec]
    public var spot: [String: SpotAdvice]

    public init(sheet: PriceSheet, specs: [InstanceSpec], spot: [SpotAdvice]) {
        self.sheet = sheet
        self.specs = Dictionary(specs.map { ($0.product, $0) }, uniquingKeysWith: { a, _ in a })
        self.spot = Dictionary(
            spot.map { ($0.instanceType, $0) }, uniquingKeysWith: { a, b in a.capturedOn >= b.capturedOn ? a : b })
    }
}
