/// Where the per-command Redis costs of an estimate come from (Docs/Model.md §14, the evidence ladder): costs measured
/// with `bench redis`, the bundled load test's calibration (both carried to the plan's hardware by the transfer
/// table), or the reference VM's costs (uncalibrated). The transfer steps and the band are in the table's
/// `CostBasis`.
public enum EvidenceRung: String, Codable, Hashable, Sendable, Comparable {
    /// `--costs FILE`: rows written by `tacoplan bench redis` on the hardware the file names.
    case measured
    /// The per-command overhead and baseline fitted once to the bundled load test, carried to the plan's node type
    /// and engine.
    case calibrated
    /// The reference benchmark VM's rows (benchmarks/redis-command-costs.csv), not calibrated to any cache node.
    case reference

    /// Rank: lower is more credible.
    var rank: Int {
        switch self {
        case .measured: 0
        case .calibrated: 1
        case .reference: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// "reference-VM costs", used in sentences ("busiest node 52.7 % with reference-VM costs").
    public var phrase: String {
        switch self {
        case .measured: "your measured costs"
        case .calibrated: "costs calibrated to the bundled load test"
        case .reference: "reference-VM costs (uncalibrated)"
        }
    }
}

/// One rung below the one an estimate uses, kept so the estimate can say where the rungs disagree.
public struct EvidenceAlternative: Sendable {
    public var rung: EvidenceRung
    public var costs: CommandCostTable
    public init(rung: EvidenceRung, costs: CommandCostTable) {
        self.rung = rung
        self.costs = costs
    }
}

/// What one rung of the ladder says about the Redis cluster.
public struct RungResult: Codable, Hashable, Sendable {
    public var rung: EvidenceRung
    /// Busiest node's engine CPU with the chosen cluster (fraction of a core); nil when no candidate fits.
    public var busiestEngineCPU: Double?
    /// The hot queue key's engine CPU (fraction of a core).
    public var hotKeyCPU: Double
    public var feasible: Bool

    /// The JSON keeps the name `evidence` for the rung (Docs/JSON.md).
    enum CodingKeys: String, CodingKey {
        case rung = "evidence"
        case busiestEngineCPU, hotKeyCPU, feasible
    }
}
