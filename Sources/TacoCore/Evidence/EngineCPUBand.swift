/// An engine-CPU figure as a range (fraction of one core): the point value the costs give, and the band the evidence
/// allows (Docs/Model.md §14–§15). The verdict reads the band: FEASIBLE when `high` is within the ceiling,
/// INFEASIBLE when `low` is above it, AT RISK otherwise.
public struct EngineCPUBand: Codable, Hashable, Sendable {
    public var low: Double
    public var point: Double
    public var high: Double

    public init(point: Double, evidence: CostBasis) {
        self.point = point
        low = point * evidence.low
        high = point * evidence.high
    }

    public init(low: Double, point: Double, high: Double) {
        self.low = low
        self.point = point
        self.high = high
    }

    /// How the band is put together, for `explain`: "165.7 % × (1 − 25 %) = 124.3 % … 165.7 % × (1 + 25 %) × 1.05
    /// (same Graviton3 core) = 217.5 %; FEASIBLE when the top is within the ceiling, INFEASIBLE when the bottom is
    /// above it, AT RISK otherwise (Docs/Model.md §14–15)".
    public static func explanation(point: Double, evidence: CostBasis) -> String {
        let band = EngineCPUBand(point: point, evidence: evidence)
        let widenings = evidence.steps.filter { $0.widening != 1 }.map {
            " × \(Format.number($0.widening, maxDecimals: 3)) (\($0.text))"
        }.joined()
        return "\(Format.percent(point)) × (1 − \(Format.percent(evidence.fitError))) = \(Format.percent(band.low)) … "
            + "\(Format.percent(point)) × (1 + \(Format.percent(evidence.fitError)))\(widenings) = \(Format.percent(band.high)); "
            + "± the evidence's own relative error (a calibration's largest leave-one-out error ÷ its measured value; "
            + "a measurement's run-to-run spread), each transfer step only raising the top; "
            + "FEASIBLE when the top is within the ceiling, INFEASIBLE when the bottom is above it, AT RISK otherwise (Docs/Model.md §14–15)"
    }

    /// "150 % (124–206 %)".
    public var text: String { "\(Format.percent(point)) (\(Format.percent(low))–\(Format.percent(high)))" }

    /// Where the band sits against a ceiling.
    public func judge(ceiling: Double) -> VerdictStatus {
        if high <= ceiling { return .feasible }
        if low > ceiling { return .infeasible }
        return .atRisk
    }
}

/// The hot-key and busiest-node engine-CPU figures of one estimate, each a band, with the evidence line that says
/// where the costs come from and every transfer step (Docs/Model.md §14). Computed once, in `RedisSizing.size`;
/// every command reads it through `EngineCPUFigures.of(_:)` so one plan on one evidence prints one value.
public struct EngineCPUFigures: Codable, Hashable, Sendable {
    /// One queue partition's engine CPU on the node that serves it, baseline included.
    public var hotKey: EngineCPUBand
    /// The busiest node of the chosen cluster; nil when no candidate fits.
    public var busiestNode: EngineCPUBand?
    /// "calibrated on cache.m7g.xlarge …; transferred to …; band −25 % / +31 % of the point value".
    public var evidence: String
    public var steps: [TransferStep]
    /// The engine's own ceiling (fraction of one core) the bands are judged against.
    public var ceiling: Double

    /// "80 %".
    public var ceilingText: String { Format.percent(ceiling) }

    /// The one place every command gets the hot-key and busiest-node figures from.
    public static func of(_ estimate: Estimate) -> EngineCPUFigures { estimate.redis.engineCPU }

    /// The verdict the bands give on their own: the worse of the hot key's (when no cluster fits) and the busiest
    /// node's.
    public var status: VerdictStatus {
        guard let busiestNode else { return hotKey.judge(ceiling: ceiling) }
        return max(
            busiestNode.judge(ceiling: ceiling), hotKey.judge(ceiling: ceiling) == .infeasible ? .infeasible : .feasible
        )
    }
}
