import TacoCore

/// `pricing list`: one line per region and service (how many prices, from how many sources, at which confidences,
/// for which engines or operating systems), and the regions whose newest price is older than the staleness bound.
public struct PriceBookListing: Sendable {
    /// A region whose newest price is `age` days before `today`.
    public struct StaleRegion: Sendable {
        public var region: String
        public var newest: Day
        public var age: Int
        public var today: Day

        public init(region: String, newest: Day, age: Int, today: Day) {
            self.region = region
            self.newest = newest
            self.age = age
            self.today = today
        }
    }

    public var lines: [RegionServiceSummary]
    public var stale: [StaleRegion]

    public init(lines: [RegionServiceSummary], stale: [StaleRegion]) {
        self.lines = lines
        self.stale = stale
    }
}
