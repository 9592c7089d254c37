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
    /// most 1,000 WRU/s (Docs/Model.md §5), so a small number here caps the write rate.
    public var partitionKeys: Int? = nil
}

public enum CapacityMode: String, Codable, Hashable, Sendable {
    case onDemand = "on-demand"
    case provisioned
}
