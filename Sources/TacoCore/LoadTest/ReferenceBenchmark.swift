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
    /// The request mix the load test drove; nil for an ingested run, which is then replayed through the plan's mix
    /// and gives no calibration (Docs/Model.md §14).
    public var workload: BenchmarkWorkload?

    public init(
        name: String, title: String, source: String, file: String, environment: BenchmarkEnvironment,
        steps: [BenchmarkStep], scaleEvents: [ScaleEvent], workload: BenchmarkWorkload? = nil
    ) {
        self.workload = workload
        self.name = name
        self.title = title
        self.source = source
        self.file = file
        self.environment = environment
        self.steps = steps
        self.scaleEvents = scaleEvents
    }
}
