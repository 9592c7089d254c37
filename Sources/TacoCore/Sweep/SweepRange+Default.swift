extension SweepRange {
    /// The deck's default sweep: from a quarter to four times the plan's crowd, so the slide shows
    /// both the smaller event and the "next goal" growth around the plan.
    public static let defaultLowFactor = 0.25
    public static let defaultHighFactor = 4.0
    /// Eight points: one row each in the table beside the chart, which still fits a 720-px slide.
    public static let defaultSteps = 8

    /// `users` × 0.25 … × 4 in 8 steps, clamped to 1 … `maxValue`.
    public static func around(users: Int) -> SweepRange {
        let from = max(1, (Double(users) * defaultLowFactor).rounded())
        let to = min(maxValue, max(from + 1, Double(users) * defaultHighFactor))
        return SweepRange(axis: .users, from: from, to: to, steps: defaultSteps)
    }
}
