/// What a cost table's engine-CPU figures rest on and how far they may be off (Docs/Model.md §14, "the band"):
/// the fitted baseline, the product of the transfer factors, the fit's error and each transfer step.
///
/// Band rule: a figure's point value is what the costs give; its bottom is point × (1 − `fitError`); its top is
/// point × (1 + `fitError`) × Π step widenings. A transfer's favourable uncertainty is never credited (the bottom
/// moves only by the point factor), so nothing looks better because less is known.
public struct CostBasis: Codable, Hashable, Sendable {
    /// Engine CPU a node spends at zero load, fraction of one core, before `factor`: the load test's fitted intercept
    /// (0 for measured or reference rows, which have none).
    public var baseline: Double
    /// Relative error of the evidence itself: the fit's largest leave-one-out error ÷ the measured value at that step
    /// for a calibration, the stated run-to-run spread for measured rows, 0 when none is known.
    public var fitError: Double
    /// The hardware the costs were measured or calibrated on.
    public var hardware: CostHardware
    /// "calibrated on cache.m7g.xlarge Redis OSS (version not stated) by seed-load-test (least squares, 3 steps)".
    public var origin: String
    public var steps: [TransferStep]

    public init(baseline: Double, fitError: Double, hardware: CostHardware, origin: String, steps: [TransferStep]) {
        self.baseline = baseline
        self.fitError = fitError
        self.hardware = hardware
        self.origin = origin
        self.steps = steps
    }

    /// Multiplier on every per-command cost and the baseline: the product of the steps' factors.
    public var factor: Double { steps.reduce(1) { $0 * $1.factor } }
    /// The band's bottom as a multiple of the point value.
    public var low: Double { max(1 - fitError, 0) }
    /// The band's top as a multiple of the point value.
    public var high: Double { steps.reduce(1 + fitError) { $0 * $1.widening } }

    /// The evidence line: "calibrated on …; transferred to cache.r7g.xlarge: same Graviton3 core, ×1.00; band
    /// −25 % / +31 %".
    public var line: String {
        ([origin] + steps.map(\.text)).joined(separator: "; ")
            + "; band −\(Format.percent(1 - low)) / +\(Format.percent(high - 1)) of the point value"
    }

    /// No evidence recorded: the costs as they are, no band (a table built in a test or by hand).
    public static let unstated = CostBasis(
        baseline: 0, fitError: 0, hardware: CostHardware(nodeType: nil, engine: nil, version: ""),
        origin: "costs as given (no evidence recorded)", steps: [])
}
