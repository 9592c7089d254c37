/// What storing one load-test file did: a new run, or the run that already held the same bytes. The store returns
/// it and `ingest` prints it.
public struct BenchmarkIngestOutcome: Hashable, Sendable {
    public var runID: Int64
    public var inserted: Bool
    public var steps: Int

    public init(runID: Int64, inserted: Bool, steps: Int) {
        self.runID = runID
        self.inserted = inserted
        self.steps = steps
    }
}
