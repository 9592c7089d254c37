/// One chart's data in the unit it plots. The SVG and Mermaid renderers draw it; the Markdown renderer prints the
/// same numbers as a table beside it. Bars come in categories (x axis) × series (one bar per series per category).
public struct Chart: Codable, Hashable, Sendable {
    public struct Series: Codable, Hashable, Sendable {
        public var name: String
        /// One value per category; `nil` draws no bar (e.g. a step with no measurement).
        public var values: [Double?]
        /// The values as the table shows them.
        public var displays: [String]
    }
    /// A horizontal line across the chart, e.g. the engine-CPU ceiling.
    public struct Reference: Codable, Hashable, Sendable {
        public var label: String
        public var value: Double
        public var display: String
    }
    /// Stable file stem: `charts/<id>.svg`.
    public var id: String
    public var title: String
    /// The y-axis quantity, e.g. "USD per month".
    public var unit: String
    /// The x-axis quantity, e.g. "resource".
    public var axis: String
    public var categories: [String]
    public var series: [Series]
    public var reference: Reference?
    /// How ticks and bar labels read: `$1.9k`, `60k/s`, `80 %`.
    public var format: ChartValueFormat

    /// The largest value drawn (bars and reference line), for scaling axes.
    /// The lowest value, or 0 when none is negative (bars then start at the axis).
    public var minValue: Double {
        min(0, series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite).min() ?? 0)
    }

    public var maxValue: Double {
        let bars = series.flatMap { $0.values.compactMap { $0 } }
        return max(bars.max() ?? 0, reference?.value ?? 0)
    }
}
