/// Engine work on one Redis node split the way Docs/Model.md §3 prices a command (cost = per-command overhead + execution):
/// the calls/s that each pay the overhead, and the execution µs/s they take. Validation fits the overhead; the
/// estimate uses the reference overhead measured with each command (full server CPU − command time).
public struct EngineWork: Codable, Hashable, Sendable {
    /// Commands per second routed to the node.
    public var callsPerSecond: Double
    /// Σ calls/s × execution µs per call (the complexity-scaled `usec_per_call`).
    public var executionMicrosPerSecond: Double
    /// Σ calls/s × the reference per-command overhead µs (what `estimate` uses).
    public var referenceOverheadMicrosPerSecond: Double

    public init(callsPerSecond: Double, executionMicrosPerSecond: Double, referenceOverheadMicrosPerSecond: Double) {
        self.callsPerSecond = callsPerSecond
        self.executionMicrosPerSecond = executionMicrosPerSecond
        self.referenceOverheadMicrosPerSecond = referenceOverheadMicrosPerSecond
    }

    /// Core-seconds per second (1.0 = one engine core) when every command pays `overheadMicros`; nil = the
    /// reference overheads, which gives exactly what `estimate` computes.
    public func load(overheadMicros: Double?) -> Double {
        let overhead = overheadMicros.map { $0 * callsPerSecond } ?? referenceOverheadMicrosPerSecond
        return (overhead + executionMicrosPerSecond) / 1_000_000
    }

    /// The calls-weighted mean reference overhead per command on this node, in µs (0 when idle).
    public var meanReferenceOverheadMicros: Double {
        callsPerSecond > 0 ? referenceOverheadMicrosPerSecond / callsPerSecond : 0
    }
}

extension RedisLoad {
    /// The busiest primary's and the busiest replica's work for `shards` shards (routing as `busiestEngineLoad`).
    public func nodeWork(shards: Int) -> (primary: EngineWork, replica: EngineWork) {
        let calls = busiest(shards: shards) { $0.callsPerSecond }
        let exec = busiest(shards: shards) { $0.callsPerSecond * $0.cost.executionMicros }
        let overhead = busiest(shards: shards) { $0.callsPerSecond * $0.cost.overheadMicros }
        return (
            EngineWork(
                callsPerSecond: calls.primary, executionMicrosPerSecond: exec.primary,
                referenceOverheadMicrosPerSecond: overhead.primary),
            EngineWork(
                callsPerSecond: calls.replica, executionMicrosPerSecond: exec.replica,
                referenceOverheadMicrosPerSecond: overhead.replica)
        )
    }

    /// The node (primary or replica of the busiest shard) whose load is highest when every command pays
    /// `overheadMicros` (nil: the reference overheads), and its work. Ties go to the primary.
    public func busiestNode(shards: Int, overheadMicros: Double?) -> (role: NodeRole, work: EngineWork) {
        let n = nodeWork(shards: shards)
        return n.replica.load(overheadMicros: overheadMicros) > n.primary.load(overheadMicros: overheadMicros)
            ? (.replica, n.replica) : (.primary, n.primary)
    }

    /// `busiestEngineLoad(shards:)` with a per-command overhead in place of the reference ones (Docs/Model.md §3 with the
    /// overhead as a free constant): max over the busiest primary and replica of (calls/s × o + execution µs/s) ÷ 10⁶.
    public func busiestEngineLoad(shards: Int, overheadMicros: Double) -> Double {
        busiestNode(shards: shards, overheadMicros: overheadMicros).work.load(overheadMicros: overheadMicros)
    }
}
