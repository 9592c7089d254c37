/// One measured figure, in percent. Bounds and censored values are kept as such: never fitted as points.
public enum MeasuredFigure: Hashable, Sendable, CustomStringConvertible {
    case point(Double)
    /// "< 5 %": the true value is under this.
    case below(Double)
    /// A saturated reading ("100 %"): demand was at least this.
    case atLeast(Double)
    /// "✅" with no number.
    case ok

    public var description: String {
        switch self {
        case .point(let v): Format.percent(points: v)
        case .below(let v): "< \(Format.percent(points: v))"
        case .atLeast(let v): "≥ \(Format.percent(points: v))"
        case .ok: "ok"
        }
    }

    public var pointValue: Double? {
        if case .point(let v) = self { return v }
        return nil
    }
}
