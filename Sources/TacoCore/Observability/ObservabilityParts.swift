import Foundation

/// Where a threshold comes from: one figure of the estimate (its id, value and `explain`'s arithmetic) and the plan
/// input or reference row behind it.
public struct ThresholdSource: Codable, Hashable, Sendable {
    /// The estimate's figure id (`redis.busiest_engine_cpu`) or the plan field (`redis.engine_cpu_ceiling`).
    public var figure: String
    public var label: String
    /// The figure as `estimate` prints it: "80 %", "67,000/s".
    public var display: String
    /// How the figure was computed, as `explain` prints it.
    public var arithmetic: String
    /// The plan file location, default note or reference row the input came from.
    public var origin: String
}

/// The change that relieves an alarm, estimated like a `compare --levers` lever: the plan with one setting changed,
/// run through `Estimate.compute` with the same evidence, and its totals beside the plan's.
public struct ReliefLever: Codable, Hashable, Sendable {
    public var kind: ReliefKind
    /// "one more read replica per shard".
    public var name: String
    /// From → to: "1 → 2 replicas per shard, reads from replicas".
    public var change: String
    /// Plan fields the lever changes (as `variants:` paths).
    public var fields: [String]
    public var status: LeverStatus
    /// The lever plan's totals (nil when not estimated or unpriced).
    public var perEvent: Money?
    public var perMonth: Money?
    /// Lever − plan per month: what the lever adds (negative: it saves). nil when either side is incomplete.
    public var extraPerMonth: Money?
    /// Why the lever is infeasible or unpriced, or a note.
    public var reason: String?
}

/// The closed set of relief levers the runbook names (Docs/Observability.md "Levers").
public enum ReliefKind: String, Codable, Hashable, Sendable, CaseIterable {
    case readReplica = "read-replica"
    case queuePartition = "queue-partition"
    case shard
    case readsToPrimary = "reads-to-primary"
    case dynamoMode = "dynamodb-mode"
    case slowerPoll = "slower-status-poll"
    case hpaHeadroom = "hpa-headroom"
}

/// What the on-call engineer does first when an alarm fires, and the lever (with its cost) that relieves it for good.
public struct Relief: Codable, Hashable, Sendable {
    /// The first action, in the imperative.
    public var action: String
    /// The estimated levers that relieve it (empty when the relief changes no resource).
    public var levers: [ReliefLever]
    /// Why no lever is priced here (configuration only), when `levers` is empty.
    public var note: String?
}

/// A CloudWatch dimension whose value is a template parameter (plus a suffix) or a literal.
public struct AlarmDimension: Codable, Hashable, Sendable {
    public enum Parameter: String, Codable, Hashable, Sendable, CaseIterable {
        case replicationGroup = "ReplicationGroupId"
        case table = "TableName"
        case cluster = "ClusterName"
    }
    public var name: String
    public var parameter: Parameter?
    /// Appended to the parameter's value, or the whole value when `parameter` is nil.
    public var value: String
}

public enum AlarmComparison: String, Codable, Hashable, Sendable {
    case greaterThan = "GreaterThanThreshold"
    case atLeast = "GreaterThanOrEqualToThreshold"
    case lessThan = "LessThanThreshold"

    /// The PromQL / Markdown operator.
    public var symbol: String {
        switch self {
        case .greaterThan: ">"
        case .atLeast: ">="
        case .lessThan: "<"
        }
    }
}

/// One CloudWatch metric alarm (observability-facts §1–§3): what it watches, its threshold and where that comes from.
public struct CloudWatchAlarm: Codable, Hashable, Sendable {
    /// CloudFormation logical id (letters and digits).
    public var id: String
    /// The alarm name after the stack name: "redis-0001-001-engine-cpu".
    public var suffix: String
    /// Dashboard row and runbook section: redis, dynamodb, eks.
    public var resource: ResourceKind
    public var namespace: String
    public var metric: String
    public var dimensions: [AlarmDimension]
    public var statistic: String
    public var period: Int
    public var evaluationPeriods: Int
    public var datapointsToAlarm: Int
    public var threshold: Double
    public var comparison: AlarmComparison
    /// The metric is a per-period Sum turned into a per-second rate by metric math `m1 / PERIOD(m1)`.
    public var perSecond: Bool
    public var treatMissingData: String
    /// Unit of the threshold as the runbook prints it ("%", "B/s", "WRU/s", "connections").
    public var unit: String
    /// What crossing it means for this plan.
    public var meaning: String
    /// The plan's own sized value at the peak, for comparison with the threshold.
    public var sized: String
    /// The plan's peak already crosses the threshold (the estimate says so): it will fire during the sale.
    public var expectedToBreach: Bool
    public var source: ThresholdSource
    public var relief: Relief
}

/// A Prometheus recording rule (observability-facts §5, naming `level:metric:operations`).
public struct RecordingRule: Codable, Hashable, Sendable {
    public var record: String
    public var expr: String
}

/// A Prometheus alerting rule on the gateway's own metrics or kube-state-metrics.
public struct PrometheusAlert: Codable, Hashable, Sendable {
    public var name: String
    /// The watched value (left of the comparison).
    public var query: String
    public var comparison: AlarmComparison
    public var threshold: Double
    /// `for:` in seconds.
    public var forSeconds: Int
    /// `page` or `warning`.
    public var severity: String
    public var unit: String
    public var meaning: String
    public var sized: String
    public var expectedToBreach: Bool
    public var source: ThresholdSource
    public var relief: Relief

    /// The whole alerting expression.
    public var expr: String { "\(query) \(comparison.symbol) \(Format.plain(threshold))" }
}

/// One dashboard query: PromQL or a CloudWatch metric (per node for ElastiCache).
public enum PanelQuery: Codable, Hashable, Sendable {
    case prometheus(expr: String, legend: String)
    case cloudwatch(
        namespace: String, metric: String, dimensions: [AlarmDimension], statistic: String, perSecond: Bool,
        legend: String)
}

/// One dashboard panel: the live metric with the sized value and the ceiling drawn as threshold lines.
public struct DashboardPanel: Codable, Hashable, Sendable {
    public var title: String
    /// Grafana unit id: percent, Bps, reqps, short, s, percentunit.
    public var unit: String
    public var queries: [PanelQuery]
    /// The plan's value at the peak (amber line); nil when the plan sizes none (throttles: none expected).
    public var sized: Double?
    /// The alarm threshold (red line).
    public var ceiling: Double
    /// The alarm or alert the red line mirrors (its suffix or alert name).
    public var alarm: String
    /// The hard limit beyond the alarm (dark-red line): pods at 100 % CPU, the backend cap, one engine core,
    /// the burst bandwidth, maxmemory, a node's 65,000 connections; nil when the alarm is the limit.
    public var capacity: Double? = nil
}

public struct DashboardRow: Codable, Hashable, Sendable {
    public var title: String
    public var panels: [DashboardPanel]
}

/// A check to make before the sale opens (the pre-warm lead time, the HPA bounds): not an alarm, a time and a number.
public struct PreflightCheck: Codable, Hashable, Sendable {
    public var when: String
    public var check: String
    public var source: ThresholdSource
}
