import TacoCore

/// The options that change the evidence a run uses, as the user gave them. Every command that takes one of them
/// passes it here, so `--costs`, `--evidence`, `--as-of` and `--db` mean the same everywhere — including the
/// variant and lever estimates inside `compare` and `report`.
public struct EvidenceRequest: Sendable {
    /// `--db`: the database file (nil: `$TACOPLAN_DB`, else the default location).
    public var db: String?
    /// `--as-of`: the day prices are read as of (nil: the plan's `pricing.as_of`, else today).
    public var asOf: Day?
    /// `--costs`: per-command Redis costs written by `tacoplan bench redis` (nil: the bundled reference).
    public var costsFile: String?
    /// `--evidence`: which rung of the evidence ladder sizes Redis (default `best`, Docs/Model.md §14); `calibrated`
    /// sizes Redis with the overhead `validate` fits to the bundled load test, even on hardware other than the load
    /// test's (the CLI's hidden `--calibrated` is the same choice).
    public var evidence: EvidenceChoice

    public init(db: String? = nil, asOf: Day? = nil, costsFile: String? = nil, evidence: EvidenceChoice = .best) {
        self.db = db
        self.asOf = asOf
        self.costsFile = costsFile
        self.evidence = evidence
    }

    /// The load-test calibration is forced onto the plan's hardware (`--evidence calibrated`).
    public var forcesCalibration: Bool { evidence == .calibrated }
}
