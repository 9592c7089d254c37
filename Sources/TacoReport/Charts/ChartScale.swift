import TacoCore

/// Axis layout shared by the SVG and Mermaid charts: a rounded top and plain (ungrouped) number text.
enum ChartScale {
    /// The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above the largest value (1 when everything is zero).
    static func top(_ maxValue: Double) -> Double {
        guard maxValue > 0, maxValue.isFinite else { return 1 }
        var step = 1.0
        while step * 10 <= maxValue { step *= 10 }
        while step > maxValue { step /= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where step * m >= maxValue { return step * m }
        return step * 10
    }

    /// A number without grouping, up to `decimals` places: for SVG coordinates and Mermaid data.
    static func plain(_ v: Double, decimals: Int = 2) -> String {
        Format.number(v, maxDecimals: decimals).replacingOccurrences(of: ",", with: "")
    }
}
