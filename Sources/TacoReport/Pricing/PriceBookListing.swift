import TacoCore

/// `pricing list`: one line per region and service (how many prices, from how many sources, at which confidences,
/// for which engines or operating systems), and the regions whose newest price is older than the staleness bound.
public struct PriceBookListing: Sendable {
    public struct Line: Sendable {
        public var region: String
        public var service: String
        public var newest: Day
        public var rows: Int
        public var sources: Int
        public var confidences: [String]
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

    public var lines: [Line]
    public var stale: [StaleRegion]

    public init(lines: [Line], stale: [StaleRegion]) {
        self.lines = lines
        self.stale = stale
    }
}
