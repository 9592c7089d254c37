import Foundation
import TacoCore

/// How a chart's values read on ticks and bar labels (`$1.9k`, `60k/s`, never a bare `1875`).
public enum ChartValueFormat: String, Codable, Hashable, Sendable {
    case usd
    case perSecond = "per-second"
    case percent
    case count

    /// A short label: up to 3 significant digits with a k / M suffix, the unit's sign or suffix.
    /// 1,875 USD → `$1.9k`; 60,000 /s → `60k/s`; 0.56 USD → `$0.56`; 80 % → `80 %`.
    public func short(_ v: Double) -> String {
        switch self {
        case .usd: (v < 0 ? "-$" : "$") + ChartFormat.compact(abs(v))
        case .perSecond: ChartFormat.compact(v) + "/s"
        case .percent: ChartFormat.compact(v) + " %"
        case .count: ChartFormat.compact(v)
        }
    }
}

enum ChartFormat {
    /// 1,875 → `1.9k`; 2,500,000 → `2.5M`; 560 → `560`; 0.56 → `0.56`; 0.013 → `0.013`.
    static func compact(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        let a = abs(v)
        let sign = v < 0 ? "-" : ""
        func trim(_ x: Double, _ d: Int) -> String {
            Format.number(x, maxDecimals: d).replacingOccurrences(of: ",", with: "")
        }
        if a >= 1e9 { return sign + trim(a / 1e9, a >= 1e10 ? 0 : 1) + "G" }
        if a >= 1e6 { return sign + trim(a / 1e6, a >= 1e7 ? 0 : 1) + "M" }
        if a >= 1e3 { return sign + trim(a / 1e3, a >= 1e4 ? 0 : 1) + "k" }
        if a >= 10 || a == 0 { return sign + trim(a, 0) }
        if a >= 1 { return sign + trim(a, 1) }
        // Below 1: two significant digits (0.56, 0.013).
        let digits = max(2, Int((-log10(a)).rounded(.up)) + 1)
        return sign + trim(a, digits)
    }

    /// `text` broken at spaces into lines of at most `width` characters; a word longer than `width` is split
    /// (never clipped), so every character of the label is drawn.
    static func wrap(_ text: String, width: Int) -> [String] {
        let w = max(width, 1)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            var rest = word
            while rest.count > w {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                lines.append(String(rest.prefix(w)))
                rest = String(rest.dropFirst(w))
            }
            if line.isEmpty {
                line = rest
            } else if line.count + 1 + rest.count <= w {
                line += " " + rest
            } else {
                lines.append(line)
                line = rest
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// When the largest positive bar is more than this many times the smallest, a linear axis
    /// hides the small ones (the gateway's $0.56 beside Redis's $1,900), so the axis becomes logarithmic.
    static let logScaleRatio = 50.0

    /// Whether the chart's positive bars span more than `logScaleRatio` (and none is negative).
    static func needsLogScale(_ c: Chart) -> Bool {
        let values = c.series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        guard let lo = values.filter({ $0 > 0 }).min(), let hi = values.max(), values.allSatisfy({ $0 > 0 }) else {
            return false
        }
        return hi / lo > logScaleRatio
    }
}
