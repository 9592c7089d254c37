public struct ClientSpec: Codable, Hashable, Sendable {
    /// How often a waiting client asks for its position.
    public var statusPoll: Seconds
    public var heartbeat: Seconds?
    public var requestBytes: Bytes
    public var responseBytes: Bytes
}
