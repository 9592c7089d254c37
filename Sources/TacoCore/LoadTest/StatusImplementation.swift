/// How the status API finds a user's position: the seed's before and after (Part 1.5).
public enum StatusImplementation: String, Codable, Hashable, Sendable, CaseIterable {
    /// `KEYS queue:*` on every status request: O(N) over the keyspace.
    case keys
    /// ZRANK on the queue ZSET: O(log N).
    case positionIndex = "position_index"
}
