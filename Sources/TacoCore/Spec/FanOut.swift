/// How many times a command is issued per request when the queue is split into partitions.
public enum FanOut: String, Codable, Hashable, Sendable {
    /// Once per request.
    case none
    /// Once for every other queue partition (a global position needs each partition's count).
    case otherPartitions = "other_partitions"
}
