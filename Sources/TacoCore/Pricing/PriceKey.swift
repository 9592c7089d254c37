/// What a price is for: one product in one region under one engine/OS and purchase option, per unit.
public struct PriceKey: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var service: Service
    public var region: String
    /// Instance or node type (`m7g.xlarge`, `cache.m7g.xlarge`), DynamoDB usage (`WriteRequestUnits`), EKS `cluster`.
    public var product: String
    /// `linux`; `redis` or `valkey`; `standard` (DynamoDB table class); `standard-support` (EKS).
    public var engineOS: String
    /// `on-demand`, `provisioned`, or a reserved term such as `reserved-1yr-no-upfront`.
    public var purchaseOption: PurchaseOption
    /// `hour`, `request-unit`, `capacity-unit-hour`, `gb-month`.
    public var unit: String

    public init(
        service: Service, region: String, product: String, engineOS: String, purchaseOption: PurchaseOption,
        unit: String
    ) {
        self.service = service
        self.region = region
        self.product = product
        self.engineOS = engineOS
        self.purchaseOption = purchaseOption
        self.unit = unit
    }

    public var description: String {
        "\(service.rawValue) \(region) \(product) \(engineOS) \(purchaseOption) per \(unit)"
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.service.rawValue, a.region, a.product, a.engineOS, a.purchaseOption.rawValue, a.unit)
            < (b.service.rawValue, b.region, b.product, b.engineOS, b.purchaseOption.rawValue, b.unit)
    }
}
