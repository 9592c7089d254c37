/// Requests the gateway could not serve in the step they arrived: served first-in first-out by spare capacity, and
/// shed once they would wait longer than `scaling.max_wait` (Docs/Model.md §13).
struct RequestBacklog: Sendable {
    private var buckets: [(arrived: Double, count: Double)] = []
    private var head = 0

    /// Requests waiting now.
    private(set) var queued = 0.0

    /// Serves `arriving` new requests and the backlog with `budget` requests of capacity in the step [t, t + dt);
    /// returns what was served and what was shed.
    mutating func serve(t: Double, dt: Double, arriving: Double, budget: Double, maxWait: Double) -> (
        served: Double, shed: Double
    ) {
        var left = budget
        while head < buckets.count, left > 0 {
            let take = min(left, buckets[head].count)
            buckets[head].count -= take
            queued -= take
            left -= take
            if buckets[head].count <= 1e-9 { head += 1 }
        }
        let newServed = min(left, arriving)
        let rest = arriving - newServed
        if rest > 1e-9 {
            buckets.append((t, rest))
            queued += rest
        }
        var shed = 0.0
        // A request still here at t + dt would have waited more than max_wait: it is shed now.
        while head < buckets.count, t + dt - buckets[head].arrived > maxWait + 1e-9 {
            shed += buckets[head].count
            queued -= buckets[head].count
            head += 1
        }
        if head > 64, head * 2 > buckets.count {
            buckets.removeFirst(head)
            head = 0
        }
        if queued < 1e-9 { queued = 0 }
        return (budget - left + newServed, shed)
    }

    /// Seconds the oldest waiting request will have waited at the end of the step.
    func oldestWait(t: Double, dt: Double) -> Double {
        head < buckets.count ? t + dt - buckets[head].arrived : 0
    }
}
