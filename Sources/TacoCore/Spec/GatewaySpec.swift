public struct GatewaySpec: Codable, Hashable, Sendable {
    /// Requests/s one pod serves at 100 % CPU (from the benchmark).
    public var rpsPerPod: Double
    public var podCPU: Double
    public var podMemory: Bytes
    public var hpaTarget: Double
    public var nodeCandidates: [String]
    public var spotShare: Double
    public var onDemandFloor: Int
    public var interruptionLimit: InterruptionBucket
    /// The interruption rate the plan asked for, when it was finer than a bucket (e.g. "<2%").
    public var requestedInterruption: String?
    public var nodeStart: Seconds
    public var podStart: Seconds
    /// CPU (vCPU) and memory kept back on each node for kubelet, system daemons and DaemonSets.
    public var systemReservedCPU: Double
    public var systemReservedMemory: Bytes
    /// Requests/s the gateway serves outside sales, all month (0: the fleet exists only for events).
    public var baselineRPS: Double = 0
    /// Pods kept running all month whatever the load (HPA minReplicas).
    public var minPods: Int = 0
}
