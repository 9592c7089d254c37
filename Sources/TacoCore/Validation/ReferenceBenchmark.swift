/// A gateway load test as data: environment, load steps with measured figures, and autoscaler events
/// (Docs/Benchmarks.md §3; schema in Docs/Benchmarks.md). The bundled one is the seed's; users add their own.
public struct ReferenceBenchmark: Hashable, Sendable {
    public var name: String
    public var title: String
    /// Where the figures come from (a document and section, or an ingested file).
    public var source: String
    /// The file it was read from (for error messages and reports).
    public var file: String
    public var environment: BenchmarkEnvironment
    public var steps: [BenchmarkStep]
    public var scaleEvents: [ScaleEvent]

    public init(
        name: String, title: String, source: String, file: String, environment: BenchmarkEnvironment,
        steps: [BenchmarkStep], scaleEvents: [ScaleEvent]
    ) {
        self.name = name
        self.title = title
        self.source = source
        self.file = file
        self.environment = environment
        self.steps = steps
        self.scaleEvents = scaleEvents
    }
}

/// What the load test ran on. Every field is optional: an ingested k6 run knows none of them.
public struct BenchmarkEnvironment: Hashable, Sendable {
    public var engine: Engine?
    public var nodeType: String?
    public var nodes: Int?
    public var shards: Int?
    public var replicasPerShard: Int?
    public var hpaTargetCPU: Double?
    /// Users waiting in the queue during the test (the N of O(log N) and O(N) commands).
    public var waitingUsers: Int?
    public var statusPollSeconds: Double?

    public init(
        engine: Engine? = nil, nodeType: String? = nil, nodes: Int? = nil, shards: Int? = nil,
        replicasPerShard: Int? = nil, hpaTargetCPU: Double? = nil, waitingUsers: Int? = nil,
        statusPollSeconds: Double? = nil
    ) {
        self.engine = engine
        self.nodeType = nodeType
        self.nodes = nodes
        self.shards = shards
        self.replicasPerShard = replicasPerShard
        self.hpaTargetCPU = hpaTargetCPU
        self.waitingUsers = waitingUsers
        self.statusPollSeconds = statusPollSeconds
    }
}

/// How the status API finds a user's position: the seed's before and after (Part 1.5).
public enum StatusImplementation: String, Codable, Hashable, Sendable, CaseIterable {
    /// `KEYS queue:*` on every status request: O(N) over the keyspace.
    case keys
    /// ZRANK on the queue ZSET: O(log N).
    case positionIndex = "position_index"
}

/// The utilizations a load test reports, each in percent.
public enum BenchmarkResource: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case redisEngineCPU = "redis_engine_cpu"
    case gatewayCPU = "gateway_cpu"
    case backendCPU = "backend_cpu"
    case dynamodbUtilization = "dynamodb_utilization"
    case errorRate = "error_rate"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    public var label: String {
        switch self {
        case .redisEngineCPU: "Redis engine CPU"
        case .gatewayCPU: "gateway CPU"
        case .backendCPU: "backend CPU"
        case .dynamodbUtilization: "DynamoDB utilization"
        case .errorRate: "error rate"
        }
    }
}

/// One measured figure, in percent. Bounds and censored values are kept as such: never fitted as points.
public enum MeasuredFigure: Hashable, Sendable, CustomStringConvertible {
    case point(Double)
    /// "< 5 %": the true value is under this.
    case below(Double)
    /// A saturated reading ("100 %"): demand was at least this.
    case atLeast(Double)
    /// "✅" with no number.
    case ok

    public var description: String {
        switch self {
        case .point(let v): "\(Format.number(v, maxDecimals: 1)) %"
        case .below(let v): "< \(Format.number(v, maxDecimals: 1)) %"
        case .atLeast(let v): "≥ \(Format.number(v, maxDecimals: 1)) %"
        case .ok: "ok"
        }
    }

    public var pointValue: Double? {
        if case .point(let v) = self { return v }
        return nil
    }
}

public struct BenchmarkStep: Hashable, Sendable {
    public var name: String
    /// Offered requests/s (the load test's RPS; status requests dominate it).
    public var rps: Double
    /// nil when the source does not say (an ingested step CSV without the column): taken as the plan's.
    public var status: StatusImplementation?
    public var measured: [BenchmarkResource: MeasuredFigure]
    /// Gateway pods running at this step, when known.
    public var pods: Double?
    public var source: String
    public var location: SourceLocation?

    public init(
        name: String, rps: Double, status: StatusImplementation?, measured: [BenchmarkResource: MeasuredFigure],
        pods: Double? = nil, source: String = "", location: SourceLocation? = nil
    ) {
        self.name = name
        self.rps = rps
        self.status = status
        self.measured = measured
        self.pods = pods
        self.source = source
        self.location = location
    }
}

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
