/// The AWS services tacoplan prices.
public enum Service: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case ec2, elasticache, dynamodb, eks
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What a price is for: one product in one region under one engine/OS and purchase option, per unit.
public struct PriceKey: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var service: Service
    public var region: String
    /// Instance or node type (`m7g.xlarge`, `cache.m7g.xlarge`), DynamoDB usage (`WriteRequestUnits`), EKS `cluster`.
    public var product: String
    /// `linux`; `redis` or `valkey`; `standard` (DynamoDB table class); `standard-support` (EKS).
    public var engineOS: String
    /// `on-demand`, `provisioned`, or a reserved term such as `reserved-1yr-no-upfront`.
    public var purchaseOption: String
    /// `hour`, `request-unit`, `capacity-unit-hour`, `gb-month`.
    public var unit: String

    public init(
        service: Service, region: String, product: String, engineOS: String, purchaseOption: String, unit: String
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
        (a.service.rawValue, a.region, a.product, a.engineOS, a.purchaseOption, a.unit)
            < (b.service.rawValue, b.region, b.product, b.engineOS, b.purchaseOption, b.unit)
    }
}

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
