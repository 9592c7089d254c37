public struct CommandUse: Codable, Hashable, Sendable {
    /// A command name from the reference benchmark (ZRANK, ZADD_NX, EVALSHA_ratelimit, KEYS_queue, …).
    public var command: String
    public var key: KeyFamily
    public var count: Double
    public var fanOut: FanOut
    /// Reads can be served by replicas when `redis.read_from_replicas` is on.
    public var isRead: Bool
}
