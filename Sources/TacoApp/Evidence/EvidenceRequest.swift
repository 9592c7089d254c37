import TacoCore

/// The options that change the evidence a run uses, as the user gave them. Every command that takes one of them
/// passes it here, so `--costs`, `--calibrated`, `--as-of` and `--db` mean the same everywhere — including the
/// variant and lever estimates inside `compare` and `report`.
public struct EvidenceRequest: Sendable {
    /// `--db`: the database file (nil: `$TACOPLAN_DB`, else the default location).
    public var db: String?
    /// `--as-of`: the day prices are read as of (nil: the plan's `pricing.as_of`, else today).
    public var asOf: Day?
    /// `--costs`: per-command Redis costs written by `tacoplan bench redis` (nil: the bundled reference).
    public var costsFile: String?
    /// `--calibrated`: size Redis with the overhead `validate` fits to the bundled load test.
    public var calibrated: Bool

    public init(db: String? = nil, asOf: Day? = nil, costsFile: String? = nil, calibrated: Bool = false) {
        self.db = db
        self.asOf = asOf
        self.costsFile = costsFile
        self.calibrated = calibrated
    }
}
