/// Which node of a shard carries a load: writes go to the primary; reads go to the primary, or with
/// `read_from_replicas` to the replicas (Docs/Model.md §3 "Routing, hot key and shards").
public enum NodeRole: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case primary
    case replica
    public var description: String { rawValue }
}
