/// Everything one estimate needs, handed in as values: the plan and where its fields came from, the price book
/// for its region, the reference per-command costs, and the as-of day (no clock in the core).
public struct EstimateInput: Sendable {
    public var plan: Plan
    public var provenance: PlanProvenance
    public var book: PriceBook
    public var costs: CommandCostTable
    public var asOf: Day
    /// Which rung of the evidence ladder `costs` is, and the weaker rungs to compare with (Docs/Model.md §14).
    public var evidence: EvidenceSelection = .referenceOnly
    /// How the sentences the estimate writes spell a next step (a command to run, an option to set).
    public var spelling: StepSpelling = .plain

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
