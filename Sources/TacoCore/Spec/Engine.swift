public enum Engine: String, Codable, Hashable, Sendable, CaseIterable {
    case redis
    case valkey
    public var displayName: String { self == .redis ? "Redis OSS" : "Valkey" }
}
