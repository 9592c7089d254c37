/// A requirement that can set the Redis shard count: the count is the largest of them, and every requirement equal to
/// it "sets" it (Docs/Model.md §5: shards = max(memory, network, engine-CPU shards, `min_shards`)).
public enum ShardDriver: String, Codable, Hashable, Sendable, CaseIterable {
    case memory
    case network
    case engineCPU = "engine CPU"
    /// The plan's floor, `redis.min_shards`.
    case minShards = "min_shards"

    /// How a sentence names it: "plan floor min_shards" for the floor, else the raw value.
    public var phrase: String { self == .minShards ? "plan floor min_shards" : rawValue }

    /// The requirements whose shard need equals `shards`, in the order memory, network, engine CPU, floor (a need
    /// that is unknown counts as 0 shards).
    static func drivers(shards: Int, memory: Int, network: Int?, engineCPU: Int?, minShards: Int) -> [ShardDriver] {
        let needs: [(ShardDriver, Int)] = [
            (.memory, memory), (.network, network ?? 0), (.engineCPU, engineCPU ?? 0), (.minShards, minShards),
        ]
        return needs.filter { $0.1 == shards }.map(\.0)
    }
}
