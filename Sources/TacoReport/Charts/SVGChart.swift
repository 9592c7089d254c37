import Foundation

/// A chart as a small hand-written SVG bar chart: one `<rect class="bar">` per value with its exact number in
/// `data-value`, a dashed reference line, axis ticks formatted in the chart's unit (`$1.9k`, `60k/s`), category
/// labels wrapped (never clipped), a legend, and a `<title>`. A logarithmic axis (`data-scale="log"`) when the
/// bars span more than `ChartFormat.logScaleRatio`. Text is XML-escaped.
public enum SVGChart {
    /// 680 × 540: the deck shows a chart as a right-hand panel 55 % of a 1280 × 720 slide (704 px wide), so the
    /// SVG is drawn at ≥ 1.0× and its smallest text stays at `minFontSize` px on the slide.
    static let width = 680.0
    static let height = 540.0
    static let left = 84.0
    static let right = 16.0
    /// No text under 16 px in SVG units: ≥ 14 px at slide size with the ~0.9× margin of a 1280-px
    /// slide rendered slightly narrower than the panel.
    static let minFontSize = 16.0
    static let titleFontSize = 20.0
    /// Average glyph width as a share of the font size for a sans-serif face, for wrapping and fitting labels.
    static let glyphWidth = 0.55
    static let palette = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5"]

    public static func render(_ c: Chart) -> String {
        let n = { (v: Double) in ChartScale.plain(v) }
        let f = minFontSize
        let log = ChartFormat.needsLogScale(c)
        let titleLines = ChartFormat.wrap(c.title, width: Int((width - 2 * right) / (titleFontSize * glyphWidth)))
        let top = 24 + Double(titleLines.count) * (titleFontSize + 4) + 12
        let groupW = (width - left - right) / Double(max(c.categories.count, 1))
        let perLine = Int((groupW - 4) / (f * glyphWidth))
        let labels = c.categories.map { ChartFormat.wrap($0, width: perLine) }
        let labelLines = labels.map(\.count).max() ?? 1
        let legend = Double(legendRows(c).count) * (f + 8)
        let bottom = 14 + Double(labelLines) * (f + 3) + legend + (legend > 0 ? 12 : 0)
        let plotH = max(height - top - bottom, 120)

        let scale = AxisScale(chart: c, log: log)
        func y(_ v: Double) -> Double { top + plotH * (1 - scale.position(v)) }
        var out = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
                + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"DejaVu Sans, Noto Sans CJK KR, sans-serif\" "
                + "data-chart=\"\(xml(c.id))\" data-scale=\"\(log ? "log" : "linear")\">",
            "  <title>\(xml(c.title))</title>",
            "  <rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>",
        ]
        for (i, line) in titleLines.enumerated() {
            out.append(
                "  <text x=\"\(n(width / 2))\" y=\"\(n(28 + Double(i) * (titleFontSize + 4)))\" text-anchor=\"middle\" font-size=\"\(n(titleFontSize))\" font-weight=\"bold\">\(xml(line))</text>"
            )
        }
        for v in scale.ticks {
            out.append(
                "  <line x1=\"\(n(left))\" y1=\"\(n(y(v)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(v)))\" stroke=\"#e2e8f0\"/>"
            )
            out.append(
                "  <text x=\"\(n(left - 6))\" y=\"\(n(y(v) + 5))\" text-anchor=\"end\" font-size=\"\(n(f))\">\(xml(c.format.short(v)))</text>"
            )
        }
        let axisTitle = c.unit + (log ? " (log scale)" : "")
        out.append(
            "  <text x=\"18\" y=\"\(n(top + plotH / 2))\" font-size=\"\(n(f))\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 18 \(n(top + plotH / 2)))\">\(xml(axisTitle))</text>")
        let barW = groupW * 0.7 / Double(max(c.series.count, 1))
        let room = c.series.count > 1 ? barW + groupW * 0.1 : groupW
        // Bar labels all or none: every value in the exact display if all fit, else every value short, else none
        // (the table beside the chart carries the values).
        func fits(_ t: String) -> Bool { Double(t.count) * f * glyphWidth <= room }
        let drawn = c.series.flatMap { s in s.values.indices.compactMap { i in s.values[i].map { (s, i, $0) } } }
        let exactFit = drawn.allSatisfy { s, i, _ in fits(i < s.displays.count ? s.displays[i] : "") }
        let shortFit = drawn.allSatisfy { _, _, v in fits(c.format.short(v)) }
        for (ci, category) in c.categories.enumerated() {
            let gx = left + groupW * Double(ci) + groupW * 0.15
            for (si, s) in c.series.enumerated() {
                guard ci < s.values.count, let v = s.values[ci] else { continue }
                let x = gx + barW * Double(si)
                let base = y(scale.base)
                out.append(
                    "  <rect class=\"bar\" data-series=\"\(xml(s.name))\" data-category=\"\(xml(category))\" data-value=\"\(v)\" "
                        + "x=\"\(n(x))\" y=\"\(n(min(y(v), base)))\" width=\"\(n(barW))\" height=\"\(n(abs(base - y(v))))\" "
                        + "fill=\"\(palette[si % palette.count])\"/>")
                let exact = ci < s.displays.count ? s.displays[ci] : ""
                let label: String? = exactFit ? exact : (shortFit ? c.format.short(v) : nil)
                if let label {
                    out.append(
                        "  <text x=\"\(n(x + barW / 2))\" y=\"\(n(v < 0 ? y(v) + f + 2 : y(v) - 5))\" text-anchor=\"middle\" font-size=\"\(n(f))\">\(xml(label))</text>"
                    )
                }
            }
            let cx = left + groupW * (Double(ci) + 0.5)
            for (li, line) in labels[ci].enumerated() {
                out.append(
                    "  <text class=\"category\" x=\"\(n(cx))\" y=\"\(n(top + plotH + f + 6 + Double(li) * (f + 3)))\" text-anchor=\"middle\" font-size=\"\(n(f))\">\(xml(line))</text>"
                )
            }
        }
        out.append(
            "  <line x1=\"\(n(left))\" y1=\"\(n(y(scale.base)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(scale.base)))\" stroke=\"#1a202c\"/>"
        )
        if let r = c.reference {
            out.append(
                "  <line class=\"reference\" data-value=\"\(r.value)\" x1=\"\(n(left))\" y1=\"\(n(y(r.value)))\" "
                    + "x2=\"\(n(width - right))\" y2=\"\(n(y(r.value)))\" stroke=\"#e53e3e\" stroke-dasharray=\"6 4\"/>"
            )
            // A white halo keeps the label readable where it crosses a bar.
            out.append(
                "  <text x=\"\(n(width - right))\" y=\"\(n(y(r.value) - 5))\" text-anchor=\"end\" font-size=\"\(n(f))\" "
                    + "fill=\"#c53030\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">\(xml(r.label + " " + r.display))</text>"
            )
        }
        let rows = legendRows(c)
        for (ri, row) in rows.enumerated() {
            let ly = height - Double(rows.count - ri) * (f + 8) + 4
            if let si = row.series {
                out.append(
                    "  <rect x=\"\(n(left))\" y=\"\(n(ly - 13))\" width=\"14\" height=\"14\" fill=\"\(palette[si % palette.count])\"/>"
                )
            }
            out.append("  <text x=\"\(n(left + 20))\" y=\"\(n(ly))\" font-size=\"\(n(f))\">\(xml(row.text))</text>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// Legend rows when there is more than one series: one series per row with its swatch; a name longer than
    /// the chart continues on the next row (no swatch), so it is wrapped, never clipped.
    static func legendRows(_ c: Chart) -> [(series: Int?, text: String)] {
        guard c.series.count > 1 else { return [] }
        let chars = Int((width - left - right - 20) / (minFontSize * glyphWidth))
        return c.series.enumerated().flatMap { si, s in
            ChartFormat.wrap(s.name, width: chars).enumerated().map { li, line in (li == 0 ? si : nil, line) }
        }
    }

    /// XML text and attribute escaping.
    public static func xml(_ s: String) -> String { SafeText.xml(s) }
}

/// The value axis: linear in steps of 1, 2, 2.5 or 5 × 10ⁿ from 0 (or below the lowest negative bar) to above
/// the largest, about five ticks; or logarithmic
/// from the decade below the smallest bar to the decade above the largest.
struct AxisScale {
    var log: Bool
    var low: Double
    var high: Double
    /// The tick spacing of a linear axis.
    var step = 1.0

    init(chart c: Chart, log: Bool) {
        self.log = log
        if log {
            let values = c.series.flatMap { $0.values.compactMap { $0 } }.filter { $0 > 0 && $0.isFinite }
            let lo = values.min() ?? 1
            let hi = max(values.max() ?? 10, c.reference?.value ?? 0)
            low = pow(10, (log10(lo)).rounded(.down))
            high = max(pow(10, (log10(hi)).rounded(.up)), low * 10)
        } else {
            step = AxisScale.niceStep((max(c.maxValue, 0) - c.minValue) / 5)
            high = max((c.maxValue / step).rounded(.up), 1) * step
            low = (c.minValue / step).rounded(.down) * step
        }
    }

    /// Linear tick spacing: the smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `raw` (1 when there is nothing to plot).
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let decade = pow(10, log10(raw).rounded(.down))
        return [1, 2, 2.5, 5, 10].map { $0 * decade }.first { $0 >= raw * (1 - 1e-12) } ?? decade * 10
    }

    /// Where the bars start: 0, or the axis bottom on a log scale.
    var base: Double { log ? low : 0 }

    /// 0 at the bottom of the plot, 1 at the top.
    func position(_ v: Double) -> Double {
        if log { return (log10(max(v, low)) - log10(low)) / (log10(high) - log10(low)) }
        return (v - low) / (high - low)
    }

    /// Five even ticks, or one per decade on a log scale (every other decade past six).
    var ticks: [Double] {
        guard log else {
            let count = Int(((high - low) / step).rounded())
            return (0...count).map { low + step * Double($0) }
        }
        let decades = Int((log10(high) - log10(low)).rounded())
        let stride = decades > 6 ? 2 : 1
        return Swift.stride(from: 0, through: decades, by: stride).map { low * pow(10, Double($0)) }
    }
}
