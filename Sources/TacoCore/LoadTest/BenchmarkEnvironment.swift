/// What the load test ran on. Every field is optional: an ingested k6 run knows none of them.
public struct BenchmarkEnvironment: Hashable, Sendable {
    public var engine: Engine?
    public var nodeType: String?
    /// The engine version the load test ran ("7.0.15"); nil when the source does not say.
    public var engineVersion: String?
    public var nodes: Int?
    public var shards: Int?
    public var replicasPerShard: Int?
    public var hpaTargetCPU: Double?
    /// Users waiting in the queue during the test (the N of O(log N) and O(N) commands).
    public var waitingUsers: Int?
    public var statusPollSeconds: Double?

    public init(
        engine: Engine? = nil, nodeType: String? = nil, nodes: Int? = nil, shards: Int? = nil,
        replicasPerShard: Int? = nil, hpaTargetCPU: Double? = nil, waitingUsers: Int? = nil,
        statusPollSeconds: Double? = nil
    ) {
        self.engine = engine
        self.nodeType = nodeType
        self.nodes = nodes
        self.shards = shards
        self.replicasPerShard = replicasPerShard
        self.hpaTargetCPU = hpaTargetCPU
        self.waitingUsers = waitingUsers
        self.statusPollSeconds = statusPollSeconds
    }
}
