/// Where the queue lives when the crowd comes from several AWS regions (`regions:`, Docs/PlanSpec.md).
public enum QueueTopology: String, Codable, Hashable, Sendable, CaseIterable {
    /// One queue in the home region (`event.region`), gateways in every region: every request of a remote region
    /// crosses to the home region and back (inter-region data transfer and one round trip per poll).
    case globalQueue = "global-queue"
    /// ElastiCache Global Datastore: writes on the home region's primary cluster, status reads (ZRANK) on a
    /// read-only secondary cluster in each other region; replication is asynchronous.
    case globalDatastore = "global-datastore"
    /// An independent queue per region, seats and admission rate split by share: no request crosses a region, but
    /// the crowd is no longer ordered as one queue.
    case perRegionQueues = "per-region-queues"
}

/// Where reservations are written (`regions.dynamodb`).
public enum ReservationStore: String, Codable, Hashable, Sendable, CaseIterable {
    /// A DynamoDB global table: each write is written in its region and replicated to every other region, each
    /// replica region billing replicated write request units at its own price.
    case globalTable = "global-table"
    /// One table in the home region: remote reservations cross to it.
    case home
}

/// One region of a multi-region sale: its part of the crowd and the price book it is priced with.
public struct RegionSite: Codable, Hashable, Sendable {
    /// The AWS region code, e.g. `ap-northeast-2`.
    public var region: String
    /// The region whose prices apply (`price_region`); the region itself by default.
    public var priceRegion: String
    /// This region's users: `share` × `event.users`, or its own `users`.
    public var users: Int
}

/// The `regions:` section: the regions of the sale, the queue topology and the reservation store. The home
/// region is `event.region` and must be one of the sites.
public struct RegionsSpec: Codable, Hashable, Sendable {
    /// At most this many regions: ElastiCache Global Datastore spans at most 3 (multi-region-facts.md §4); 8 keeps
    /// every per-region comparison readable for the other topologies.
    public static let maxSites = 8
    public var topology: QueueTopology
    public var dynamodb: ReservationStore
    /// In the order written; the home region is one of them.
    public var sites: [RegionSite]
}
