/// A workload plan: what an architect writes in `plans/*.yaml` (MODEL §2, Docs/PlanSpec.md).
public struct Plan: Codable, Hashable, Sendable {
    public var name: String
    public var event: EventSpec
    public var clients: ClientSpec
    public var apis: [ApiSpec]
    public var admission: AdmissionSpec
    public var redis: RedisSpec
    public var gateway: GatewaySpec
    public var dynamodb: DynamoSpec
    public var pricing: PricingSpec
    /// The bounds of `tacoplan search`; `SearchSpec.planDefaults` when the plan has no `search:` section.
    public var search: SearchSpec = .planDefaults
    /// Statements the plan's authors made, checked by findings (`claims:`, Docs/PlanSpec.md); none by default.
    public var claims: [Claim] = []
}

/// The sale itself (MODEL §2 `event`).
public struct EventSpec: Codable, Hashable, Sendable {
    public var region: String
    /// How long the sale is open; the seed's 30 minutes.
    public var window: Seconds
    public var seats: Int
    /// Peak number of users waiting in the queue at once.
    public var users: Int
    /// How fast the crowd arrives: all `users` join within this time.
    public var ramp: Seconds
    /// The longest wait the UX accepts; sets the user-experience admission rate.
    public var targetWait: Seconds
    public var eventsPerMonth: Int
}

public struct ClientSpec: Codable, Hashable, Sendable {
    /// How often a waiting client asks for its position.
    public var statusPoll: Seconds
    public var heartbeat: Seconds?
    public var requestBytes: Bytes
    public var responseBytes: Bytes
}

/// What drives an API's request rate (MODEL §3).
public enum ApiDriver: String, Codable, Hashable, Sendable, CaseIterable {
    /// users ÷ ramp: every user joins once while the crowd arrives.
    case arrival
    /// users ÷ status_poll: every waiting user polls its position.
    case poll
    /// users ÷ heartbeat.
    case heartbeat
    /// the admission rate: one call per admitted user.
    case admission
    /// admissions × attempts per admitted user.
    case reservation
}

/// Which keys a Redis command touches; decides routing (MODEL §5).
public enum KeyFamily: String, Codable, Hashable, Sendable, CaseIterable {
    /// The waiting-room ZSET: one hot key on one shard per queue partition.
    case queue
    /// Admission tokens, spread by hash slot.
    case token
    /// Per-client rate-limit buckets, spread by hash slot.
    case rateLimit = "rate_limit"
    /// Idempotency keys, spread by hash slot.
    case idempotency
    /// Per-user session/state keys, spread by hash slot.
    case session

    public var isHotKey: Bool { self == .queue }
}

/// How many times a command is issued per request when the queue is split into partitions.
public enum FanOut: String, Codable, Hashable, Sendable {
    /// Once per request.
    case none
    /// Once for every other queue partition (a global position needs each partition's count).
    case otherPartitions = "other_partitions"
}

public struct CommandUse: Codable, Hashable, Sendable {
    /// A command name from the reference benchmark (ZRANK, ZADD_NX, EVALSHA_ratelimit, KEYS_queue, …).
    public var command: String
    public var key: KeyFamily
    public var count: Double
    public var fanOut: FanOut
    /// Reads can be served by replicas when `redis.read_from_replicas` is on.
    public var isRead: Bool
}

public struct ApiSpec: Codable, Hashable, Sendable {
    public var name: String
    public var driver: ApiDriver
    public var responseBytes: Bytes?
    public var commands: [CommandUse]
}

public enum AdmissionMode: Codable, Hashable, Sendable {
    /// Derive the rate from the four criteria (MODEL §4).
    case derive
    /// Use this rate (admissions/s) and check it against the criteria.
    case fixed(Double)
}

public struct AdmissionSpec: Codable, Hashable, Sendable {
    public var mode: AdmissionMode
    /// Requests/s the reservation backend sustains at 100 %.
    public var backendCapacity: Double
    /// Backend calls each admitted user makes per second of admission (1 in the seed).
    public var backendCallsPerAdmission: Double
    /// Highest backend utilization allowed (the seed keeps ≥ 30 % headroom → 0.7).
    public var maxBackendUtilization: Double
    /// DynamoDB write budget per event in USD (criterion 4); nil = no budget cap.
    public var writeBudget: Money?
}

public enum Engine: String, Codable, Hashable, Sendable, CaseIterable {
    case redis
    case valkey
    public var displayName: String { self == .redis ? "Redis OSS" : "Valkey" }
}

/// A short-lived key family (admission tokens, idempotency keys, rate-limit buckets): live keys =
/// creation rate × TTL (the seed's security design: 30 s tokens, 5 min idempotency keys).
public struct TransientKeys: Codable, Hashable, Sendable {
    public var name: String
    public var createdPer: ApiDriver
    public var ttl: Seconds
    public var bytesPerKey: Bytes
}

public struct RedisSpec: Codable, Hashable, Sendable {
    public var engine: Engine
    /// Candidate node types (`cache.m7g.xlarge`); the cheapest that fits is chosen.
    public var candidates: [String]
    public var replicas: Int
    public var readFromReplicas: Bool
    public var queuePartitions: Int
    public var bytesPerUser: Bytes
    public var bufferFactor: Double
    /// Fraction of node memory ElastiCache reserves (`reserved-memory-percent`, default 25 %).
    public var reservedMemory: Double
    /// Highest engine CPU (one core) allowed on the busiest node.
    public var engineCPUCeiling: Double
    /// A floor on shards (the seed chose 5); the model's own requirement is reported beside it.
    public var minShards: Int
    public var transientKeys: [TransientKeys]
    /// Whether the cluster runs all month (ElastiCache clusters are not created per event).
    public var alwaysOn: Bool
}

/// Spot Advisor interruption-frequency buckets (`ranges` in spot-advisor-data.json).
public enum InterruptionBucket: Int, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case under5 = 0, from5to10, from10to15, from15to20, over20
    public var label: String { ["<5%", "5-10%", "10-15%", "15-20%", ">20%"][rawValue] }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public static func parse(_ text: String) -> InterruptionBucket? {
        let t = text.replacingOccurrences(of: " ", with: "")
        return allCases.first { $0.label == t }
    }
}

public struct GatewaySpec: Codable, Hashable, Sendable {
    /// Requests/s one pod serves at 100 % CPU (from the benchmark).
    public var rpsPerPod: Double
    public var podCPU: Double
    public var podMemory: Bytes
    public var hpaTarget: Double
    public var nodeCandidates: [String]
    public var spotShare: Double
    public var onDemandFloor: Int
    public var interruptionLimit: InterruptionBucket
    /// The interruption rate the plan asked for, when it was finer than a bucket (e.g. "<2%").
    public var requestedInterruption: String?
    public var nodeStart: Seconds
    public var podStart: Seconds
    /// CPU (vCPU) and memory kept back on each node for kubelet, system daemons and DaemonSets.
    public var systemReservedCPU: Double
    public var systemReservedMemory: Bytes
    /// Requests/s the gateway serves outside sales, all month (0: the fleet exists only for events).
    public var baselineRPS: Double = 0
    /// Pods kept running all month whatever the load (HPA minReplicas).
    public var minPods: Int = 0
}

public enum CapacityMode: String, Codable, Hashable, Sendable {
    case onDemand = "on-demand"
    case provisioned
}

public struct DynamoSpec: Codable, Hashable, Sendable {
    public var mode: CapacityMode
    public var itemSize: Bytes
    public var transactional: Bool
    public var gsis: Int
    public var attemptsPerUser: Double
    /// Target utilization for provisioned capacity (WCU = peak ÷ target).
    public var targetUtilization: Double
    /// How many distinct partition-key values reservation writes spread over (e.g. one per show or seat block);
    /// nil when keys are per user or per seat, i.e. far more than the write rate needs. One partition key serves at
    /// most 1,000 WRU/s (MODEL §7), so a small number here caps the write rate.
    public var partitionKeys: Int? = nil
}

public struct PricingSpec: Codable, Hashable, Sendable {
    public var asOf: Day?
}
