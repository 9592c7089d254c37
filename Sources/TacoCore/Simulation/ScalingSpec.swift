/// How the crowd's joins are spread over `event.ramp` in `tacoplan simulate` (Docs/Model.md §13).
public enum ArrivalShape: String, Codable, Hashable, Sendable, CaseIterable {
    /// A constant join rate of users ÷ ramp: the estimate's own assumption (Docs/Model.md §1).
    case linear
    /// Every user joins in the first step after the sale opens.
    case step
    /// A triangle: the join rate climbs to 2 × users ÷ ramp at half the ramp, then falls back to zero.
    case spike
}

/// One held stage of an explicit gateway demand (`scaling.demand`): `rps` requests/s for `duration`, like a k6
/// `stages` entry held flat or a row of a step CSV.
public struct DemandStage: Codable, Hashable, Sendable {
    public var duration: Seconds
    public var rps: Double

    public init(duration: Seconds, rps: Double) {
        self.duration = duration
        self.rps = rps
    }
}

/// The autoscaling settings `tacoplan simulate` uses: the plan's `scaling:` section (Docs/PlanSpec.md). Every
/// default is a documented upstream default or a reported figure; Docs/Model.md §13 lists each source.
/// Node launch → Ready and pod start → Ready are `gateway.node_start` and `gateway.pod_start`.
public struct ScalingSpec: Codable, Hashable, Sendable {
    /// HPA controller sync period: 15 s (kubernetes `pkg/controller/podautoscaler/config/v1alpha1/defaults.go`).
    public var hpaSync = Seconds(15)
    /// HPA tolerance: no change while usage ÷ target is within ±10 % (same file).
    public var hpaTolerance = 0.1
    /// How often metrics-server publishes a usage sample: 15 s in its official manifest and Helm chart
    /// (`--metric-resolution=15s`; the binary's own default is 60 s).
    public var metricResolution = Seconds(15)
    /// Default scale-up policy, per `policyPeriod`: +100 % of current replicas or +4 pods, whichever is larger, with
    /// no stabilisation (kubernetes `pkg/apis/autoscaling/v2/defaults.go`).
    public var scaleUpPercent = 100.0
    public var scaleUpPods = 4
    /// Default scale-down: −100 % per period after a 300 s stabilisation window (same file).
    public var scaleDownPercent = 100.0
    public var scaleDownStabilization = Seconds(300)
    /// The period both default policies count in: 15 s (same file).
    public var policyPeriod = Seconds(15)
    /// Karpenter batches pending pods until none arrived for 1 s or 10 s after the first
    /// (`BATCH_IDLE_DURATION`, `BATCH_MAX_DURATION`, karpenter.sh settings reference).
    public var batchIdle = Seconds(1)
    public var batchMax = Seconds(10)
    /// How long a node stays empty before Karpenter removes it; assumed 30 s (Karpenter consolidates empty nodes
    /// once `consolidateAfter` has passed; the value is the plan's choice).
    public var consolidateAfter = Seconds(30)
    /// Longest a request waits in the gateway (connection backlog, client retry) before it counts as shed; assumed
    /// 10 s. 0 s sheds every request above capacity at once.
    public var maxWait = Seconds(10)
    /// Spot interruptions at the expected rate of the chosen type's Spot Advisor bucket (off by default).
    public var spotInterruptions = false
    /// Time simulated before the sale opens; assumed 120 s.
    public var lead = Seconds(120)
    /// Time simulated after the queue empties, to show the scale-down: 315 s = the 300 s stabilisation window plus
    /// one 15 s sync period.
    public var tail = Seconds(315)
    /// How joins spread over the ramp.
    public var arrival = ArrivalShape.linear
    /// An explicit gateway demand replacing the waiting-room model; empty = derive demand from the plan.
    public var demand: [DemandStage] = []

    public init() {}

    /// The settings when a plan has no `scaling:` section.
    public static let defaults = ScalingSpec()
}
