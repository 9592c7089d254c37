/// Everything one estimate needs, handed in as values: the plan and where its fields came from, the price book
/// for its region, the reference per-command costs, and the as-of day (no clock in the core).
public struct EstimateInput: Sendable {
    public var plan: Plan
    public var provenance: PlanProvenance
    public var book: PriceBook
    public var costs: CommandCostTable
    public var asOf: Day
    /// Which rung of the evidence ladder `costs` is, and the weaker rungs to compare with (Docs/Model.md §9).
    public var evidence: EvidenceSelection = .referenceOnly

    public init(plan: Plan, provenance: PlanProvenance, book: PriceBook, costs: CommandCostTable, asOf: Day) {
        self.plan = plan
        self.provenance = provenance
        self.book = book
        self.costs = costs
        self.asOf = asOf
    }

    /// Where a plan field came from, for an explanation.
    func from(_ path: String) -> String { provenance.origin(of: path) }
}

/// Short display helpers for arithmetic lines.
enum Show {
    static func n(_ v: Double, _ d: Int = 2) -> String { Format.number(v, maxDecimals: d) }
    static func rate(_ v: Double) -> String { Format.number(v, maxDecimals: 2) + "/s" }
    static func secs(_ s: Seconds) -> String {
        s.value < 1
            ? Format.number(s.value * 1000, maxDecimals: 3) + " ms" : Format.number(s.value, maxDecimals: 2) + " s"
    }
    static func pct(_ f: Double) -> String { Format.number(f * 100, maxDecimals: 1) + " %" }
    static func mb(_ b: Double) -> String { Format.number(b / 1_000_000, maxDecimals: 2) + " MB" }
    static func gib(_ b: Double) -> String { Format.number(b / Bytes.gib, maxDecimals: 2) + " GiB" }
}
