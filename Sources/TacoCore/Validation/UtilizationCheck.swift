/// A predicted utilization at the operating point and the ceiling it must stay under, with the loads at which the
/// resource was actually measured.
public struct UtilizationCheck: Codable, Hashable, Sendable {
    public var resource: String
    /// Percent.
    public var predicted: Double
    /// Percent.
    public var ceiling: Double
    /// Lowest and highest RPS with a point measurement of this resource; nil when never measured.
    public var measuredFrom: Double?
    public var measuredTo: Double?
    /// How the prediction was made ("fitted a + o·A + B", "plan: admissions ÷ backend capacity").
    public var basis: String

    public init(
        resource: String, predicted: Double, ceiling: Double, measuredFrom: Double?, measuredTo: Double?, basis: String
    ) {
        self.resource = resource
        self.predicted = predicted
        self.ceiling = ceiling
        self.measuredFrom = measuredFrom
        self.measuredTo = measuredTo
        self.basis = basis
    }

    public var exceeds: Bool { predicted > ceiling }

    /// Operating RPS ÷ the measured range's nearest end (> 1 beyond it, < 1 below it), nil when inside or unmeasured.
    public func extrapolation(at rps: Double) -> Double? {
        guard let low = measuredFrom, let high = measuredTo else { return nil }
        if rps > high { return rps / high }
        if rps < low { return rps / low }
        return nil
    }
}
