/// Which rung of the evidence ladder an estimate input's cost table is, why better rungs were not used, and the
/// weaker rungs to compare it with (Docs/Model.md §14). Built by `EvidenceLadder.select`.
public struct EvidenceSelection: Sendable {
    public var evidence: CostEvidence
    public var source: String
    public var notUsed: [String]
    public var alternatives: [EvidenceAlternative]
    /// The ladder request this selection came from, so a plan changed by a lever (another engine or node type) is put
    /// back on the same ladder and gets its own transfer steps (`EvidenceLadder.reselect`); nil for an input built
    /// without the ladder.
    public var ladder: EvidenceLadder.Request? = nil

    public init(evidence: CostEvidence, source: String, notUsed: [String], alternatives: [EvidenceAlternative]) {
        self.evidence = evidence
        self.source = source
        self.notUsed = notUsed
        self.alternatives = alternatives
    }

    /// The reference VM's costs and nothing else: what an input built without the ladder uses.
    public static let referenceOnly = EvidenceSelection(
        evidence: .reference, source: "benchmarks/redis-command-costs.csv (reference VM)",
        notUsed: ["no ladder was applied to this input"], alternatives: [])
}
