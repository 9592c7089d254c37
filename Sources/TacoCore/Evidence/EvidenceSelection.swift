/// The evidence an estimate rests on (Docs/Model.md §14): which rung of the ladder its cost table is, the source it
/// names, why better rungs were not used and, once judged, what every rung computed says. Built by
/// `EvidenceLadder.select` on the input; the verdict carries the same value with `rungs` filled in.
public struct EvidenceSelection: Codable, Hashable, Sendable {
    /// The rung whose cost table sizes Redis.
    public var rung: EvidenceRung
    /// The file or fit the costs came from.
    public var source: String
    /// Why a more credible rung was not used (e.g. "the plan's cache.r7g.large is not the load test's
    /// cache.m7g.xlarge"); empty when the best rung was used.
    public var notUsed: [String]
    /// The busiest Redis node's engine CPU on each rung that was computed (fraction of one core), best first; empty
    /// until the verdict judges the estimate.
    public var rungs: [RungResult] = []
    /// The weaker rungs' cost tables, kept so the estimate can size Redis on each (not encoded).
    public var alternatives: [EvidenceAlternative] = []
    /// The ladder request this selection came from, so a plan changed by a lever (another engine or node type) is put
    /// back on the same ladder and gets its own transfer steps (`EvidenceLadder.reselect`); nil for an input built
    /// without the ladder (not encoded).
    public var ladder: EvidenceLadder.Request? = nil
    /// The rung was asked for over a more credible one (the request pinned the reference VM or forced the
    /// calibration), not picked by the ladder; false when the ladder's own choice was used (not encoded).
    public var askedOverBetter = false

    /// The JSON keeps the name `evidence` for the rung (Docs/JSON.md).
    enum CodingKeys: String, CodingKey {
        case rung = "evidence"
        case source, notUsed, rungs
    }

    public init(
        rung: EvidenceRung, source: String, notUsed: [String], alternatives: [EvidenceAlternative] = [],
        rungs: [RungResult] = []
    ) {
        self.rung = rung
        self.source = source
        self.notUsed = notUsed
        self.alternatives = alternatives
        self.rungs = rungs
    }

    /// Two selections are the same evidence when they name the same rung, source, reasons and rung results.
    public static func == (a: Self, b: Self) -> Bool {
        (a.rung, a.source, a.notUsed, a.rungs) == (b.rung, b.source, b.notUsed, b.rungs)
    }

    public func hash(into h: inout Hasher) {
        h.combine(rung)
        h.combine(source)
        h.combine(notUsed)
        h.combine(rungs)
    }

    /// The reference VM's costs and nothing else: what an input built without the ladder uses.
    public static let referenceOnly = EvidenceSelection(
        rung: .reference, source: "benchmarks/redis-command-costs.csv (reference VM)",
        notUsed: ["no ladder was applied to this input"])
}
