/// One API of the plan's `apis:` section (Docs/PlanSpec.md): what drives its request rate, its response size and the
/// Redis commands each request runs. The small types below belong to it.
public struct ApiSpec: Codable, Hashable, Sendable {
    public var name: String
    public var driver: ApiDriver
    public var responseBytes: Bytes?
    public var commands: [CommandUse]
}

/// What drives an API's request rate (Docs/Model.md §1).
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

/// One Redis command an API request runs: how many times, on which keys, fanned out how.
public struct CommandUse: Codable, Hashable, Sendable {
    /// A command name from the reference benchmark (ZRANK, ZADD_NX, EVALSHA_ratelimit, KEYS_queue, …).
    public var command: String
    public var key: KeyFamily
    public var count: Double
    public var fanOut: FanOut
    /// Reads can be served by replicas when `redis.read_from_replicas` is on.
    public var isRead: Bool
}

/// How many times a command is issued per request when the queue is split into partitions.
public enum FanOut: String, Codable, Hashable, Sendable {
    /// Once per request.
    case none
    /// Once for every other queue partition (a global position needs each partition's count).
    case otherPartitions = "other_partitions"
}

/// Which keys a Redis command touches; decides routing (Docs/Model.md §3).
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
