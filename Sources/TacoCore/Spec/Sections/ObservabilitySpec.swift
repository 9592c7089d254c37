/// The plan's optional `observability:` section (Docs/PlanSpec.md "observability"): the names the generated alarms,
/// rules and dashboard use for the resources and the gateway's own metrics (`tacoplan observe`, Docs/Observability.md).
/// Every field has a documented default; none of them changes a threshold except `max_error_ratio` and
/// `p99_latency`, which are the plan's service objectives (there is no capacity figure for them).
public struct ObservabilitySpec: Codable, Hashable, Sendable {
    /// ElastiCache replication group id; node ids are `<id>-<shard 4 digits>-<node 3 digits>`. nil = from the plan name.
    public var replicationGroup: String?
    /// DynamoDB reservation table name.
    public var table: String
    /// EKS cluster name (Container Insights `ClusterName`). nil = from the plan name.
    public var cluster: String?
    /// Kubernetes namespace of the gateway Deployment and its HPA (`namespace` label, Container Insights `Namespace`).
    public var namespace: String
    /// The gateway's Kubernetes Service (Container Insights `Service`) and HPA name (`horizontalpodautoscaler` label).
    public var service: String
    /// Prometheus `job` label of the gateway's scrape target.
    public var job: String
    /// Counter of HTTP requests served by the gateway, with a status-code label.
    public var requestsMetric: String
    /// Label of `requestsMetric` that holds the HTTP status code.
    public var statusLabel: String
    /// Histogram (the base name; `_bucket` is appended) of request durations in seconds.
    public var durationMetric: String
    /// Counter of users admitted from the queue.
    public var admissionsMetric: String
    /// Gauge of users waiting in the queue.
    public var queueMetric: String
    /// Counter of gateway → Redis pool waits that timed out (go-redis `PoolStats.Timeouts`).
    public var poolTimeoutsMetric: String
    /// Connections each gateway pod's Redis client keeps to each cache node at most.
    public var poolPerPod: Int?
    /// The share of 5xx responses the sale tolerates.
    public var maxErrorRatio: Double
    /// The gateway's 99th-percentile latency objective; nil = no latency alert (the latency is still recorded).
    public var p99Latency: Seconds?

    public init(
        replicationGroup: String? = nil, table: String = "reservations", cluster: String? = nil,
        namespace: String = "gateway", service: String = "gateway", job: String = "gateway",
        requestsMetric: String = "http_requests_total", statusLabel: String = "code",
        durationMetric: String = "http_request_duration_seconds",
        admissionsMetric: String = "waitingroom_admissions_total",
        queueMetric: String = "waitingroom_queue_length", poolTimeoutsMetric: String = "redis_pool_timeouts_total",
        poolPerPod: Int? = nil, maxErrorRatio: Double = 0.01, p99Latency: Seconds? = nil
    ) {
        self.replicationGroup = replicationGroup
        self.table = table
        self.cluster = cluster
        self.namespace = namespace
        self.service = service
        self.job = job
        self.requestsMetric = requestsMetric
        self.statusLabel = statusLabel
        self.durationMetric = durationMetric
        self.admissionsMetric = admissionsMetric
        self.queueMetric = queueMetric
        self.poolTimeoutsMetric = poolTimeoutsMetric
        self.poolPerPod = poolPerPod
        self.maxErrorRatio = maxErrorRatio
        self.p99Latency = p99Latency
    }

    /// A plan without an `observability:` section.
    public static let defaults = ObservabilitySpec()

    /// go-redis v9 `Options.PoolSize` default: "10 connections per every available CPU as reported by
    /// runtime.GOMAXPROCS" (redis/go-redis `options.go`); the seed's gateway is written in Go (Part 4.2, pprof).
    public static let goRedisPoolPerCPU = 10

    /// Connections per pod per cache node: the plan's `pool_per_pod`, else go-redis's default for the pod's CPUs
    /// (GOMAXPROCS is at least 1 and follows the CPU limit rounded up).
    public func pool(podCPU: Double) -> Int {
        poolPerPod ?? Self.goRedisPoolPerCPU * max(1, Int(podCPU.rounded(.up)))
    }
}
