import TacoCore

/// What `ingest` did with one file: the run read, where it was stored, and the USL fit of its ramp.
public struct IngestedFile: Sendable {
    /// The Universal Scalability Law fit of a ramp (Docs/Benchmarks.md §5).
    public enum Fit: Sendable {
        /// A k6 summary has one point: no ramp to fit.
        case notARamp
        case tooFewPoints(have: Int)
        case fitted(ScalabilityLaw)
        case failed(String)
    }

    public var run: IngestedRun
    /// Where the store put it: the run's id, and whether it is new.
    public var stored: BenchmarkIngestOutcome
    public var fit: Fit

    public init(run: IngestedRun, stored: BenchmarkIngestOutcome, fit: Fit) {
        self.run = run
        self.stored = stored
        self.fit = fit
    }
}
