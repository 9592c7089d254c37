/// A chart as a small hand-written SVG bar chart: one `<rect class="bar">` per value with its exact number in
/// `data-value`, a dashed reference line, axis ticks, a legend, and a `<title>`. Text is XML-escaped.
public enum SVGChart {
    static let width = 800.0
    static let height = 450.0
    static let left = 80.0
    static let right = 20.0
    static let top = 50.0
    static let bottom = 110.0
    static let palette = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5"]

    public static func render(_ c: Chart) -> String {
        let plotW = width - left - right
        let plotH = height - top - bottom
        let yMax = ChartScale.top(c.maxValue)
        let yMin = c.minValue < 0 ? -ChartScale.top(-c.minValue) : 0
        let n = { (v: Double) in ChartScale.plain(v) }
        func y(_ v: Double) -> Double { top + plotH * (yMax - v) / (yMax - yMin) }
        var out = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
                + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"sans-serif\" data-chart=\"\(xml(c.id))\">",
            "  <title>\(xml(c.title))</title>",
            "  <rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>",
            "  <text x=\"\(n(width / 2))\" y=\"28\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\">\(xml(c.title))</text>",
        ]
        for i in 0...4 {
            let v = yMin + (yMax - yMin) * Double(i) / 4
            out.append(
                "  <line x1=\"\(n(left))\" y1=\"\(n(y(v)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(v)))\" stroke=\"#e2e8f0\"/>"
            )
            out.append(
                "  <text x=\"\(n(left - 6))\" y=\"\(n(y(v) + 4))\" text-anchor=\"end\" font-size=\"11\">\(xml(ChartScale.plain(v)))</text>"
            )
        }
        out.append(
            "  <text x=\"16\" y=\"\(n(top + plotH / 2))\" font-size=\"12\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 \(n(top + plotH / 2)))\">\(xml(c.unit))</text>")
        let groupW = plotW / Double(max(c.categories.count, 1))
        let barW = groupW * 0.7 / Double(max(c.series.count, 1))
        for (ci, category) in c.categories.enumerated() {
            let gx = left + groupW * Double(ci) + groupW * 0.15
            for (si, s) in c.series.enumerated() {
                guard ci < s.values.count, let v = s.values[ci] else { continue }
                let x = gx + barW * Double(si)
                let label = ci < s.displays.count ? s.displays[ci] : ""
                out.append(
                    "  <rect class=\"bar\" data-series=\"\(xml(s.name))\" data-category=\"\(xml(category))\" data-value=\"\(v)\" "
                        + "x=\"\(n(x))\" y=\"\(n(y(max(v, 0))))\" width=\"\(n(barW))\" height=\"\(n(abs(y(0) - y(v))))\" "
                        + "fill=\"\(palette[si % palette.count])\"/>")
                out.append(
                    "  <text x=\"\(n(x + barW / 2))\" y=\"\(n(v < 0 ? y(v) + 12 : y(v) - 4))\" text-anchor=\"middle\" font-size=\"11\">\(xml(label))</text>"
                )
            }
            let cx = left + groupW * (Double(ci) + 0.5)
            out.append(
                "  <text x=\"\(n(cx))\" y=\"\(n(top + plotH + 16))\" text-anchor=\"end\" font-size=\"12\" "
                    + "transform=\"rotate(-25 \(n(cx)) \(n(top + plotH + 16)))\">\(xml(category))</text>")
        }
        out.append(
            "  <line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(0)))\" stroke=\"#1a202c\"/>"
        )
        if let r = c.reference {
            out.append(
                "  <line class=\"reference\" data-value=\"\(r.value)\" x1=\"\(n(left))\" y1=\"\(n(y(r.value)))\" "
                    + "x2=\"\(n(width - right))\" y2=\"\(n(y(r.value)))\" stroke=\"#e53e3e\" stroke-dasharray=\"6 4\"/>"
            )
            out.append(
                "  <text x=\"\(n(width - right))\" y=\"\(n(y(r.value) - 4))\" text-anchor=\"end\" font-size=\"12\" "
                    + "fill=\"#e53e3e\">\(xml(r.label + " " + r.display))</text>")
        }
        if c.series.count > 1 {
            for (si, s) in c.series.enumerated() {
                let lx = left + 10 + Double(si) * 140
                out.append(
                    "  <rect x=\"\(n(lx))\" y=\"\(n(height - 22))\" width=\"12\" height=\"12\" fill=\"\(palette[si % palette.count])\"/>"
                )
                out.append("  <text x=\"\(n(lx + 18))\" y=\"\(n(height - 12))\" font-size=\"12\">\(xml(s.name))</text>")
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// XML text and attribute escaping.
    public static func xml(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where ch.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }: out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
