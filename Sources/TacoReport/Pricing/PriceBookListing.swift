import TacoCore

/// `pricing list`: one line per service, region, engine/OS and source, and the regions whose newest price is older
/// than the staleness bound.
public struct PriceBookListing: Sendable {
    public struct Line: Sendable {
        public var service: String
        public var region: String
        public var engineOS: String
        public var newest: Day
        public var rows: Int
        public var source: String

        public init(service: String, region: String, engineOS: String, newest: Day, rows: Int, source: String) {
            self.service = service
            self.region = region
            self.engineOS = engineOS
            self.newest = newest
            self.rows = rows
            self.source = source
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
