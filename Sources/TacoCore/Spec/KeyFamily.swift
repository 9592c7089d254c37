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
