/// A chart as a Mermaid `xychart-beta` block (GitHub and most Markdown viewers draw it; Marp does not, so the deck
/// uses the SVG). Missing values are drawn as 0; the table beside the chart says "—".
public enum MermaidChart {
    public static func render(_ c: Chart) -> String {
        let q = { (s: String) in "\"" + MarkdownText.mermaid(s) + "\"" }
        var lines = [
            "```mermaid", "xychart-beta", "    title \(q(c.title))",
            "    x-axis \(q(c.axis)) [" + c.categories.map(q).joined(separator: ", ") + "]",
            "    y-axis \(q(c.unit)) \(c.minValue < 0 ? ChartScale.plain(-ChartScale.top(-c.minValue), decimals: 4) : "0") --> \(ChartScale.plain(ChartScale.top(c.maxValue), decimals: 4))",
        ]
        for s in c.series {
            lines.append(
                "    bar [" + s.values.map { ChartScale.plain($0 ?? 0, decimals: 4) }.joined(separator: ", ") + "]")
        }
        if let r = c.reference {
            let v = ChartScale.plain(r.value, decimals: 4)
            lines.append("    line [" + c.categories.map { _ in v }.joined(separator: ", ") + "]")
        }
        lines.append("```")
        return lines.joined(separator: "\n")
    }
}
