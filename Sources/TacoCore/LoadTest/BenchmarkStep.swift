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
    /// Users waiting in the queue at this step, when the file says (else the workload's).
    public var waitingUsers: Int?

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
