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

/// Hardware facts for a node or instance type (aws-pricing-facts.md §1.1, §2.1).
public struct InstanceSpec: Codable, Hashable, Sendable {
    public enum Architecture: String, Codable, Hashable, Sendable { case arm64, x86_64 }
    public var service: Service
    public var product: String
    public var architecture: Architecture
    public var vcpu: Int
    public var memoryGiB: Double
    /// Sustained network bandwidth; burst is not sustainable and is not used for sizing.
    public var baselineGbps: Double
    public var burstGbps: Double
    /// ElastiCache Enhanced I/O multiplexing: `yes`, `no`, `unknown`, or `n/a` for EC2.
    public var enhancedIO: String
    public var source: String

    public init(
        service: Service, product: String, architecture: Architecture, vcpu: Int, memoryGiB: Double,
        baselineGbps: Double, burstGbps: Double, enhancedIO: String, source: String
    ) {
        self.service = service
        self.product = product
        self.architecture = architecture
        self.vcpu = vcpu
        self.memoryGiB = memoryGiB
        self.baselineGbps = baselineGbps
        self.burstGbps = burstGbps
        self.enhancedIO = enhancedIO
        self.source = source
    }
}

/// One Spot Instance Advisor entry: savings vs On-Demand (30-day trailing average) and interruption bucket.
public struct SpotAdvice: Codable, Hashable, Sendable {
    public var region: String
    public var instanceType: String
    public var savingsPercent: Int
    public var bucket: InterruptionBucket
    public var capturedOn: Day
    public var source: String

    public init(
        region: String, instanceType: String, savingsPercent: Int, bucket: InterruptionBucket, capturedOn: Day,
        source: String
    ) {
        self.region = region
        self.instanceType = instanceType
        self.savingsPercent = savingsPercent
        self.bucket = bucket
        self.capturedOn = capturedOn
        self.source = source
    }
}

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
