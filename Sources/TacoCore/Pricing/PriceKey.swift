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

/// The keys the model looks prices up by, one factory per service (Docs/Pricing.md): every caller spells a key
/// through these, so a product, engine/OS or unit string exists once.
extension PriceKey {
    /// An ElastiCache node-hour of `nodeType` (`cache.m7g.xlarge`) running `engine`, On-Demand.
    public static func elastiCacheNode(_ nodeType: String, engine: Engine, region: String) -> PriceKey {
        PriceKey(
            service: .elasticache, region: region, product: nodeType, engineOS: engine.rawValue,
            purchaseOption: .onDemand, unit: "hour")
    }

    /// An EC2 Linux instance-hour of `instanceType` (`m7g.xlarge`), On-Demand.
    public static func ec2Instance(_ instanceType: String, region: String) -> PriceKey {
        PriceKey(
            service: .ec2, region: region, product: instanceType, engineOS: "linux", purchaseOption: .onDemand,
            unit: "hour")
    }

    /// An EKS cluster-hour under standard support.
    public static func eksCluster(region: String) -> PriceKey {
        PriceKey(
            service: .eks, region: region, product: "cluster", engineOS: "standard-support",
            purchaseOption: .onDemand, unit: "hour")
    }

    /// One DynamoDB on-demand write request unit (standard table class).
    public static func dynamoWriteRequestUnit(region: String) -> PriceKey {
        PriceKey(
            service: .dynamodb, region: region, product: "WriteRequestUnits", engineOS: "standard",
            purchaseOption: .onDemand, unit: "request-unit")
    }

    /// One DynamoDB replicated write request unit (global tables, on-demand, standard table class).
    public static func dynamoReplicatedWriteRequestUnit(region: String) -> PriceKey {
        PriceKey(
            service: .dynamodb, region: region, product: "ReplWriteRequestUnits", engineOS: "standard",
            purchaseOption: .onDemand, unit: "request-unit")
    }

    /// One DynamoDB provisioned write capacity unit-hour (standard table class).
    public static func dynamoWriteCapacityHour(region: String) -> PriceKey {
        PriceKey(
            service: .dynamodb, region: region, product: "WriteCapacityUnit-Hrs", engineOS: "standard",
            purchaseOption: .provisioned, unit: "capacity-unit-hour")
    }

    /// The write price of a table in `mode`: request units on demand, capacity unit-hours when provisioned.
    public static func dynamoWrites(_ mode: CapacityMode, region: String) -> PriceKey {
        mode == .onDemand ? dynamoWriteRequestUnit(region: region) : dynamoWriteCapacityHour(region: region)
    }

    /// One GB of EC2 data transfer out of `source` to `destination` (a region, or `any` for the source's row that
    /// holds for every destination), On-Demand; priced per `gb` (Regions/InterRegionFacts.swift).
    public static func interRegionTransfer(from source: String, to destination: String) -> PriceKey {
        PriceKey(
            service: .ec2, region: source, product: InterRegionFacts.transferProduct, engineOS: destination,
            purchaseOption: .onDemand, unit: "gb")
    }
}
