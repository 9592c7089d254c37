import Foundation

/// One multi-region deployment of a plan under one queue topology (Docs/Model.md §16): each
/// region's part of the crowd, its sized and priced resources, the inter-region data transfer, and the
/// status-poll latency, freshness and fairness the topology gives.
public struct RegionalDeployment: Codable, Hashable, Sendable {
    /// One region of the deployment.
    public struct Site: Codable, Hashable, Sendable {
        public var region: String
        public var priceRegion: String
        public var users: Int
        /// users ÷ the plan's users.
        public var share: Double
        /// What the region runs: "home: queue primary + gateways", "secondary cluster + gateways", …
        public var role: String
        /// Gateway requests/s of this region's crowd at the peak (its share of the plan's gateway rate).
        public var gatewayRPS: Double
        public var statusRPS: Double
        /// "10 × cache.m7g.xlarge" or "—" (no queue cluster in this region).
        public var redis: String
        /// "4 × c7g.xlarge (1 On-Demand + 3 Spot)".
        public var gateway: String
        /// Round trips to the home region added to each status poll, and their time (nil: no measurement).
        public var statusRoundTrips: Int
        public var statusAddedMs: Double?
        /// Σ of this region's cost lines per month (priced lines only) and whether any is UNPRICED.
        public var perMonth: Money
        public var unpriced: [MissingLine]
    }

    /// Bytes one way between two regions: per second at the peak and per event, priced at the source region.
    public struct Flow: Codable, Hashable, Sendable {
        public var from: String
        public var to: String
        /// "status polls and joins: Redis commands to the queue primary".
        public var what: String
        public var bytesPerSecond: Double
        public var bytesPerEvent: Double
        /// True when the rule that makes this traffic billable at this rate is INFERRED (Global Datastore
        /// replication), not stated by AWS.
        public var inferred: Bool
    }

    /// What the topology gives a waiting user.
    public struct Budget: Codable, Hashable, Sendable {
        /// The largest status-poll latency any region adds (ms), nil when a needed round trip was not measured.
        public var worstStatusAddedMs: Double?
        /// How old a position a user sees can be, seconds (0: read from the queue itself).
        public var freshnessSeconds: Double
        /// The same staleness in queue positions: admission rate × freshness.
        public var stalePositions: Double
        /// One sentence with numbers.
        public var freshness: String
        /// True when the whole crowd is ordered as one queue.
        public var globalOrder: Bool
        /// One sentence with numbers: who is ordered against whom and how far positions can diverge.
        public var fairness: String
    }

    /// A region with UNPRICED lines and the command that fetches its prices.
    public struct UnpricedRegion: Codable, Hashable, Sendable {
        public var region: String
        public var missing: [String]
        public var fetch: String
        /// The Price List services `fetch` brings (not encoded: `fetch` spells them).
        public var services: [Service] = []

        enum CodingKeys: String, CodingKey { case region, missing, fetch }

        public init(region: String, missing: [String], fetch: FetchSuggestion, spelling: StepSpelling) {
            self.region = region
            self.missing = missing
            self.fetch = spelling(.fetchPrices(fetch))
            self.services = fetch.services
        }
    }

    public var plan: String
    public var topology: QueueTopology
    public var store: ReservationStore
    public var home: String
    public var sites: [Site]
    public var flows: [Flow]
    /// Every cost line, its component prefixed with its region.
    public var costs: [CostLine]
    public var totals: CostTotals
    public var budget: Budget
    public var status: VerdictStatus
    public var reasons: [String]
    public var unpricedRegions: [UnpricedRegion]

    /// "UNPRICED: ap-northeast-1 (eks) · ap-southeast-1 (ec2,eks)", the fetch service per region, or nil.
    public var unpricedShort: String? {
        guard !unpricedRegions.isEmpty else { return nil }
        return "UNPRICED: "
            + unpricedRegions.map { r in
                "\(r.region) (\(r.services.isEmpty ? "all" : r.services.map(\.rawValue).joined(separator: ",")))"
            }.joined(separator: " · ") + " — the fetch commands are in the appendix"
    }

    /// "UNPRICED: ap-southeast-1 (fetch: `tacoplan pricing fetch --region ap-southeast-1 --service …`)", or nil.
    public var unpricedSentence: String? {
        guard !unpricedRegions.isEmpty else { return nil }
        return "UNPRICED regions: "
            + unpricedRegions.map { "\($0.region) (\($0.missing.joined(separator: "; "))) — fetch: `\($0.fetch)`" }
            .joined(separator: "; ")
    }
}
