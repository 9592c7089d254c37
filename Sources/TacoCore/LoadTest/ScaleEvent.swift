/// A Karpenter/HPA reaction to a load change (seed Part 5.2).
public struct ScaleEvent: Hashable, Sendable {
    public enum Direction: String, Codable, Hashable, Sendable, CaseIterable {
        case up
        case down
    }
    public var direction: Direction
    public var fromRPS: Double
    public var toRPS: Double
    public var durationSeconds: Double
    /// Pods added (up) or removed (down), as a positive count.
    public var pods: Double
    public var source: String

    public init(
        direction: Direction, fromRPS: Double, toRPS: Double, durationSeconds: Double, pods: Double, source: String
    ) {
        self.direction = direction
        self.fromRPS = fromRPS
        self.toRPS = toRPS
        self.durationSeconds = durationSeconds
        self.pods = pods
        self.source = source
    }
}
