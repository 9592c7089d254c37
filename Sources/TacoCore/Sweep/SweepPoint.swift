import Foundation

/// One resource at one sweep point: its shape, its size, and the constraint that sets it.
public struct SweepResource: Codable, Hashable, Sendable {
    /// `admission`, `redis`, `gateway`, `dynamodb`.
    public var resource: String
    /// "cache.m7g.xlarge × 5 shards × (1 + 1)", "c7g.xlarge × 12 (2 On-Demand + 10 Spot)".
    public var shape: String
    public var nodes: Int?
    public var shards: Int?
    /// The constraint that sets the size, e.g. "engine CPU", "memory", "plan floor min_shards".
    public var binding: String
    public var feasible: Bool
    /// What must stay equal between two points for no break to lie between them: node type, shard count and
    /// binding constraint for Redis; node type and pre-warm for the gateway; mode and the partition-key limit
    /// for DynamoDB; the binding criterion for admission. Node counts that grow with the crowd are not breaks.
    public var shapeKey: String
}

/// One point of a sweep: the plan re-sized at `users`, with the plan's own evidence.
public struct SweepPoint: Codable, Hashable, Sendable {
    public var users: Int
    public var statusRPS: Double
    public var gatewayRPS: Double
    public var admissionRate: Double
    /// The verdict is not INFEASIBLE.
    public var feasible: Bool
    /// The point's verdict (FEASIBLE / AT RISK / INFEASIBLE): the one every command gives for that plan.
    public var verdict: VerdictStatus
    /// Totals exclude UNPRICED lines (`unpricedLines` counts them); a failing resource is priced as planned.
    public var perEvent: Money
    public var perMonth: Money
    public var unpricedLines: Int
    public var resources: [SweepResource]
    /// When the hot queue key makes the plan infeasible: the fewest extra queue partitions or read replicas that
    /// make it feasible (the cheaper when both work), and what the plan then costs (nil when the plan is feasible or no partition count within the limit helps).
    public var remedy: SweepRemedy?
}

/// The plan made feasible by more queue partitions or more read replicas (Docs/Model.md §3 "Hot key"), estimated with
/// the same evidence.
/// It is the sweep's break-point rule, not a fix: it stops at "not INFEASIBLE" (AT RISK passes) and searches only
/// the hot key's copies, so it is labelled `label` wherever it is shown; the fix is the assessment's search
/// (`RPSReach.fix`, `PlanAssessment.fix`).
public struct SweepRemedy: Codable, Hashable, Sendable {
    /// How a remedy is introduced in a binding or a table cell: "hot key needs 2 queue partitions".
    public static let label = "hot key needs"
    /// "3 queue partitions" or "3 read replicas per shard".
    public var change: String
    public var queuePartitions: Int
    public var replicas: Int
    public var redis: String
    public var perEvent: Money
    public var perMonth: Money
}

/// Where a resource changes shape or a constraint starts to bind: the smallest user count with the new shape,
/// found by bisection between two sweep points to `resolution` users.
public struct BreakPoint: Codable, Hashable, Sendable {
    public var resource: String
    /// The first user count with the new shape (exact to `ScaleSweep` resolution: 1 user).
    public var users: Int
    public var statusRPS: Double
    /// Gateway requests/s at the break, on a `--rps` sweep only.
    public var gatewayRPS: Double?
    public var before: String
    public var after: String
    public var bindingBefore: String
    public var bindingAfter: String
    /// "redis: cache.m7g.xlarge × 5 shards → × 6 shards (engine CPU) from 1,234,567 users".
    public var summary: String
}

public struct SweepResult: Codable, Hashable, Sendable {
    public var plan: String
    public var axis: SweepAxis
    public var from: Double
    public var to: Double
    public var points: [SweepPoint]
    public var breaks: [BreakPoint]
    /// Break points are exact to this many users.
    public var resolutionUsers: Int
}
