import TacoCore

/// `report --slides`: the report as a Marp deck (16:9, paginated) in the order of `ReportOutline`: the title, the
/// answer, the architecture, capacity, cost, levers, validation, the scale sweep, then the appendix. A main part
/// is exactly one slide with speaker notes; an appendix part becomes one slide per table or chart, tables longer
/// than `maxRows` continue on the next slide, and a long finding gets its own slide. `---` appears only as the
/// front-matter fence and as slide breaks.
public enum MarpDeck {
    static let maxRows = 7
    static let longText = 160

    /// With `appendix` false the appendix parts are left out and one closing line says how many slides they
    /// would add and which flag brings them (`report --slides --appendix`).
    public static func render(_ r: Report, chartDirectory: String = "charts", appendix: Bool = true) -> String {
        var slides = [titleSlide(r)]
        var skipped = 0
        for part in ReportOutline.parts(r) {
            if part.appendix && !appendix {
                skipped += self.slides(part, chartDirectory: chartDirectory).count
                continue
            }
            slides +=
                part.appendix
                ? self.slides(part, chartDirectory: chartDirectory) : [mainSlide(part, chartDirectory: chartDirectory)]
        }
        if skipped > 0 {
            slides.append(
                "## Appendix\n\n"
                    + MarkdownText.inline(
                        "\(skipped) more slides (every figure, cost line, break point, finding and timeline sample): "
                            + "`tacoplan report PLAN --slides --appendix -o DIR`."))
        }
        let front = [
            "---", "marp: true", "paginate: true", "size: 16:9", "title: \"" + yamlText(SafeText.html(r.plan)) + "\"",
            "style: |", "  section { font-size: 24px; }", "  table { font-size: 16px; }",
            "  section.chart table { font-size: 14px; }", "---", "",
        ]
        return front.joined(separator: "\n") + slides.joined(separator: "\n\n---\n\n") + "\n"
    }

    /// The plan, where, the price day, and the days the prices in force took effect.
    static func titleSlide(_ r: Report) -> String {
        let lines = [
            "<!-- _paginate: false -->", "", "# " + MarkdownText.inline(r.plan), "",
            MarkdownText.inline("Capacity and cost of the waiting room · \(r.region) · prices as of \(r.asOf)"), "",
            "**" + MarkdownText.inline("Verdict: \(r.verdict.status.rawValue)") + "** — "
                + MarkdownText.inline(r.verdict.reasons.first ?? "") + " (evidence: "
                + MarkdownText.inline(r.verdict.evidence.rung.phrase) + ")", "",
            MarkdownText.inline(r.priceDates.summary.prefix(1).uppercased() + r.priceDates.summary.dropFirst()),
        ]
        return lines.joined(separator: "\n")
    }

    /// A main part on one slide: its blocks, a chart as the right-hand panel with its table beside it, and the
    /// speaker notes as an HTML comment.
    static func mainSlide(_ part: ReportPart, chartDirectory: String) -> String {
        var lines: [String] = []
        if part.blocks.contains(where: { if case .chart = $0 { true } else { false } }) {
            lines += ["<!-- _class: chart -->", ""]
        }
        lines += ["## " + MarkdownText.inline(part.title), ""]
        for block in part.blocks {
            switch block {
            case .chart(let c):
                let t = ChartTable.rows(c)
                lines.append(MarkdownReport.image(c, chartDirectory: chartDirectory, attributes: "bg right:55% fit"))
                lines.append("")
                lines.append(MarkdownText.table(t.headers, t.rows, right: Set(1..<t.headers.count)))
            case .diagram(let file, let alt, _):
                lines.append("![\(MarkdownText.inline(alt))](\(chartDirectory)/\(file))")
            default:
                lines.append(MarkdownReport.render(block, chartDirectory: chartDirectory))
            }
            lines.append("")
        }
        if !part.notes.isEmpty { lines.append("<!-- " + noteText(part.notes) + " -->") }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Text safe inside an HTML comment: no `--` (which would end or break it) and no tags (`<`, `>` as entities).
    static func noteText(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        while t.contains("--") { t = t.replacingOccurrences(of: "--", with: "–") }
        return t
    }

    static func slides(_ part: ReportPart, chartDirectory: String) -> [String] {
        var out: [String] = []
        var current: [String] = []
        var heavy = false
        var chartClass = false
        func flush() {
            guard !current.isEmpty else { return }
            let title = "## " + MarkdownText.inline(part.title) + (out.isEmpty ? "" : " (cont.)")
            out.append(
                ((chartClass ? ["<!-- _class: chart -->", ""] : []) + [title, ""] + current).joined(separator: "\n"))
            current = []
            heavy = false
            chartClass = false
        }
        for block in part.blocks {
            switch block {
            case .labeled(let label, let value) where value.count > longText:
                flush()
                out.append(
                    ["## " + MarkdownText.inline(label), "", MarkdownText.inline(value)].joined(separator: "\n"))
            case .table(let headers, let rows, let right):
                var start = 0
                repeat {
                    if heavy { flush() }
                    let chunk = Array(rows[start..<min(start + maxRows, rows.count)])
                    current.append(MarkdownText.table(headers, chunk, right: right) + "\n")
                    heavy = true
                    start += maxRows
                } while start < rows.count
            case .chart(let c):
                if heavy { flush() }
                let t = ChartTable.rows(c)
                current.append(
                    MarkdownReport.image(c, chartDirectory: chartDirectory, attributes: "bg right:55% fit") + "\n")
                current.append(MarkdownText.table(t.headers, t.rows, right: Set(1..<t.headers.count)) + "\n")
                heavy = true
                chartClass = true
            default:
                // A long paragraph (a verdict) fills a slide's text column: a chart or table after it moves on.
                let text = MarkdownReport.render(block, chartDirectory: chartDirectory)
                current.append(text + "\n")
                if text.count > longText { heavy = true }
            }
        }
        flush()
        return out.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
    }

    /// Text inside a double-quoted YAML scalar.
    static func yamlText(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where ch.unicodeScalars.contains { $0.value < 0x20 }: out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
