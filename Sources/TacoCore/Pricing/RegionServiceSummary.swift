/// One line of `pricing list`: what the price book holds for one region and service. The store counts it, the
/// report prints it.
public struct RegionServiceSummary: Sendable, Hashable {
    public var region: String
    public var service: String
    /// The latest `effective_from`: how fresh this region and service are.
    public var newest: Day
    public var rows: Int
    /// Distinct sources, and the confidence levels among them (`aws-price-list`, `bundled`, …), sorted.
    public var sources: Int
    public var confidences: [String]
    /// Engines / operating systems / table classes present, sorted.
    public var engines: [String]

    public init(
        region: String, service: String, newest: Day, rows: Int, sources: Int = 1, confidences: [String] = [],
        engines: [String] = []
    ) {
        self.region = region
        self.service = service
        self.newest = newest
        self.rows = rows
        self.sources = sources
        self.confidences = confidences
        self.engines = engines
    }
}
