/// Which prices to fetch to fill a price gap: the region and the Price List services, or the Spot Advisor data. A
/// value, so a caller reads which services are missing from its fields; a `StepSpelling` writes it as a command
/// (`NextStep.fetchPrices`).
public struct FetchSuggestion: Hashable, Sendable {
    /// The region whose price lists to fetch; nil for Spot Advisor data alone, which is not per region.
    public var region: String?
    /// The Price List services, sorted, each once.
    public var services: [Service]
    /// Whether the Spot Advisor snapshot is missing too.
    public var spotAdvisor: Bool

    public init(region: String?, services: [Service], spotAdvisor: Bool = false) {
        self.region = region
        self.services = Set(services).sorted()
        self.spotAdvisor = spotAdvisor
    }

    /// The services that price the missing lines `missing` in `region`.
    public init(region: String, missing: [MissingLine]) {
        self.init(region: region, services: missing.map { Self.service($0.resource) })
    }

    /// The Price List service that prices a resource.
    public static func service(_ r: ResourceKind) -> Service {
        switch r {
        case .redis: .elasticache
        case .gateway, .transfer: .ec2
        case .eks: .eks
        case .dynamodb: .dynamodb
        }
    }
}
