/// The architecture as a small hand-laid SVG for the deck: the boxes in a row, an arrow between each pair with
/// the peak rate above it ("60k/s") and what flows below it ("requests"). 1,160 × 240: shown at natural size on
/// a 1280-px slide, so its 16-px text stays at 16 px (`SVGChart.minFontSize`). Box text wraps to the box.
public enum ArchitectureDiagram {
    static let width = 1160.0
    static let height = 240.0
    static let boxWidth = 140.0
    static let boxHeight = 120.0
    static let rateFontSize = 20.0

    public static func render(_ a: ArchitectureSection) -> String {
        let n = { (v: Double) in ChartScale.plain(v) }
        let f = SVGChart.minFontSize
        let count = Double(max(a.nodes.count, 1))
        let gap = (width - count * boxWidth) / max(count - 1, 1)
        let top = (height - boxHeight) / 2
        func x(_ i: Int) -> Double { Double(i) * (boxWidth + gap) }
        var out = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
                + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"DejaVu Sans, Noto Sans CJK KR, sans-serif\" "
                + "data-chart=\"architecture\">",
            "  <title>The waiting room and its peak rates</title>",
            "  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a5568\"/></marker></defs>",
            "  <rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>",
        ]
        for (i, node) in a.nodes.enumerated() {
            let cx = x(i) + boxWidth / 2
            out.append(
                "  <rect x=\"\(n(x(i) + 1))\" y=\"\(n(top))\" width=\"\(n(boxWidth - 2))\" height=\"\(n(boxHeight))\" rx=\"10\" fill=\"#ebf4ff\" stroke=\"#2b6cb0\" stroke-width=\"2\"/>"
            )
            let perLine = Int((boxWidth - 12) / (f * SVGChart.glyphWidth * 1.1))
            let lines =
                ChartFormat.wrap(node.name, width: perLine).map { ($0, true) }
                + ChartFormat.wrap(node.detail, width: perLine).map { ($0, false) }
            let lineHeight = f + 6
            let first = top + boxHeight / 2 - Double(lines.count - 1) * lineHeight / 2 + f / 3
            for (k, line) in lines.enumerated() {
                out.append(
                    "  <text x=\"\(n(cx))\" y=\"\(n(first + Double(k) * lineHeight))\" text-anchor=\"middle\" font-size=\"\(n(f))\"\(line.1 ? " font-weight=\"bold\"" : "")>\(SVGChart.xml(line.0))</text>"
                )
            }
        }
        for e in a.edges {
            guard let i = a.nodes.firstIndex(where: { $0.id == e.from }) else { continue }
            let x1 = x(i) + boxWidth + 4
            let x2 = x1 + gap - 8
            let mid = (x1 + x2) / 2
            let y = height / 2
            out.append(
                "  <line class=\"edge\" data-rate=\"\(n(e.rate))\" x1=\"\(n(x1))\" y1=\"\(n(y))\" x2=\"\(n(x2))\" y2=\"\(n(y))\" stroke=\"#4a5568\" stroke-width=\"2.5\" marker-end=\"url(#arrow)\"/>"
            )
            out.append(
                "  <text x=\"\(n(mid))\" y=\"\(n(y - 14))\" text-anchor=\"middle\" font-size=\"\(n(rateFontSize))\" font-weight=\"bold\" fill=\"#c05621\">\(SVGChart.xml(ChartValueFormat.perSecond.short(e.rate)))</text>"
            )
            out.append(
                "  <text x=\"\(n(mid))\" y=\"\(n(y + 28))\" text-anchor=\"middle\" font-size=\"\(n(f))\">\(SVGChart.xml(e.what))</text>"
            )
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
