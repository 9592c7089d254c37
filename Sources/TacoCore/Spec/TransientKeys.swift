/// A short-lived key family (admission tokens, idempotency keys, rate-limit buckets): live keys =
/// creation rate × TTL (the seed's security design: 30 s tokens, 5 min idempotency keys).
public struct TransientKeys: Codable, Hashable, Sendable {
    public var name: String
    public var createdPer: ApiDriver
    public var ttl: Seconds
    public var bytesPerKey: Bytes
}
