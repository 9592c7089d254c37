/// Published figures about traffic between AWS regions that are not prices (shared/reference/multi-region-facts.md).
public enum InterRegionFacts {
    /// Round-trip times between regions, ms: EC2↔EC2 ping averages over inter-region VPC peering, 2019-06-10
    /// (LAT19, richardimaoka/aws-ping; THIRD-PARTY measurements, §6). A pair not listed is "not measured".
    static let roundTripMs: [String: Double] = [
        pair("ap-northeast-2", "ap-northeast-1"): 34.7,
        pair("ap-northeast-2", "ap-southeast-1"): 99.2,
        pair("ap-northeast-1", "ap-southeast-1"): 72.1,
        pair("us-east-1", "ap-northeast-2"): 176.6,
        pair("us-east-1", "ap-northeast-1"): 152.7,
        pair("us-east-1", "ap-southeast-1"): 226.6,
        pair("us-east-1", "us-west-2"): 72.1,
        pair("us-east-1", "eu-west-1"): 76.0,
    ]
    public static let roundTripSource = "LAT19 (EC2 ping over VPC peering, 2019-06-10) [third-party]"

    /// ElastiCache Global Datastore replication lag: AWS's DR workshop gives RPO "generally less than 1 second"
    /// (DRW, multi-region-facts.md §4; the user guide gives no number — treated as THIRD-PARTY-grade).
    public static let globalDatastoreLagSeconds = 1.0
    public static let globalDatastoreLagSource =
        "AWS DR workshop: RPO \"generally less than 1 second\" (DRW) [third-party]"
    /// A Global Datastore spans one primary and at most two secondary regions (GDL + ED, CONFIRMED).
    public static let globalDatastoreMaxRegions = 3
    /// Global Datastore runs on node sizes "large and above" (GDL, CONFIRMED).
    public static let globalDatastoreSmallSizes: Set<String> = ["micro", "small", "medium"]

    /// The per-GB transfer price of a region: `inter-region-transfer` rows under ec2, per destination or `any`
    /// (Docs/Pricing.md).
    public static let transferProduct = "inter-region-transfer"
    /// Bytes per GB for data-transfer billing (decimal, as the seed's 60k RPS × 1KB = 60MB/s).
    public static let bytesPerGB = 1e9

    static func pair(_ a: String, _ b: String) -> String { a < b ? "\(a)|\(b)" : "\(b)|\(a)" }

    /// Round trip between two regions in ms; 0 within one region; nil when no measurement was found.
    public static func roundTrip(_ a: String, _ b: String) -> Double? {
        a == b ? 0 : roundTripMs[pair(a, b)]
    }

    /// The price of one GB sent from `source` to `destination`: the pair's row, else the source's `any` row.
    public static func transferQuote(_ book: PriceBook?, from source: String, to destination: String) -> PriceQuote? {
        guard let book else { return nil }
        return book.sheet.quote(.interRegionTransfer(from: source, to: destination))
            ?? book.sheet.quote(.interRegionTransfer(from: source, to: "any"))
    }
}
