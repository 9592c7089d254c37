/// `report --format markdown`: every part of the outline as a section, in the deck's order (the answer first, the
/// appendix last); each chart as a Mermaid block, an SVG image in `charts/` and a plain table with the same numbers.
public enum MarkdownReport {
    public static func render(_ r: Report, chartDirectory: String = "charts") -> String {
        var out = [
            "# tacoplan report — " + MarkdownText.inline(r.plan), "",
            MarkdownText.inline("Region \(r.region), prices as of \(r.asOf); \(r.priceDates.summary)."), "",
            "**" + MarkdownText.inline("Verdict: \(r.verdict.status.rawValue)") + "** — "
                + MarkdownText.inline(r.verdict.reasons.first ?? "") + " (evidence: "
                + MarkdownText.inline(r.verdict.evidence.rung.phrase) + ")", "",
        ]
        for part in ReportOutline.parts(r) {
            out.append("## " + MarkdownText.inline(part.title))
            out.append("")
            for block in part.blocks {
                out.append(render(block, chartDirectory: chartDirectory))
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    static func render(_ block: ReportPart.Block, chartDirectory: String) -> String {
        switch block {
        case .text(let t): return MarkdownText.inline(t)
        case .labeled(let label, let value):
            return "**" + MarkdownText.inline(label) + ":**" + (value.isEmpty ? "" : " " + MarkdownText.inline(value))
        case .note(let t): return "> " + MarkdownText.inline(t)
        case .heading(let t): return "### " + MarkdownText.inline(t)
        case .bullets(let items): return items.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n")
        case .diagram(let file, let alt, let mermaid):
            return "![\(MarkdownText.inline(alt))](\(chartDirectory)/\(file))\n\n" + mermaid
        case .table(let headers, let rows, let right): return MarkdownText.table(headers, rows, right: right)
        case .chart(let c):
            return [
                "**" + MarkdownText.inline(c.title) + "** (" + MarkdownText.inline(c.unit) + ")", "",
                image(c, chartDirectory: chartDirectory), "", MermaidChart.render(c), "", ChartTable.markdown(c),
            ].joined(separator: "\n")
        }
    }

    static func image(_ c: Chart, chartDirectory: String, attributes: String? = nil) -> String {
        let alt = attributes ?? MarkdownText.inline(c.title)
        return "![\(alt)](\(chartDirectory)/\(c.id).svg)"
    }
}

/// The plain table that sits beside every chart: one row per category, one column per series (and the reference).
public enum ChartTable {
    public static func rows(_ c: Chart) -> (headers: [String], rows: [[String]]) {
        var headers = [c.axis] + c.series.map(\.name)
        if let r = c.reference { headers.append(r.label) }
        let rows = c.categories.indices.map { i in
            [c.categories[i]] + c.series.map { i < $0.displays.count ? $0.displays[i] : "—" }
                + (c.reference.map { [$0.display] } ?? [])
        }
        return (headers, rows)
    }

    public static func markdown(_ c: Chart) -> String {
        let t = rows(c)
        return MarkdownText.table(t.headers, t.rows, right: Set(1..<t.headers.count))
    }
}
