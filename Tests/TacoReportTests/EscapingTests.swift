import Foundation
import TacoCore
import Testing

@testable import TacoReport

/// User-supplied names must not break tables, start emphasis or code, or inject HTML in any output.
@Suite struct EscapingTests {
    static let evil = "Tacos | <script>alert(1)</script> *x* `y`\nz"

    static func report() throws -> Report {
        var e = try Golden.estimate("traffic-tacos")
        e.plan = evil
        e.costs[0].component = evil
        let levers = LeverSection(
            baseline: evil, baselinePerMonth: Money(1),
            levers: [.init(name: evil, description: evil, perMonth: Money(1), percent: nil)])
        return ReportBuilder.build(e, levers: levers)
    }

    @Test func aPlanNameWithPipeAndScriptRendersAsTextInMarkdownAndTheDeck() throws {
        let r = try Self.report()
        let md = MarkdownReport.render(r)
        let deck = MarpDeck.render(r)
        #expect(md.hasPrefix("# tacoplan report — Tacos \\| &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\`y\\` z\n"))
        // The front matter's title is HTML-escaped too: a standalone render (pandoc -s) puts it in <title>.
        #expect(deck.contains("title: \"Tacos | &lt;script&gt;alert(1)&lt;/script&gt; *x* `y` z\""))
        #expect(!deck.contains("<script>"))
        #expect(deck.contains("# Tacos \\| &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\`y\\` z\n"))
        for text in [md, deck.split(separator: "---\n", maxSplits: 2).last.map(String.init) ?? ""] {
            #expect(!text.contains("<script>"))
        }
    }

    @Test func aCostLineNamedWithAPipeKeepsItsTableRowAtFiveColumns() throws {
        let md = MarkdownReport.render(try Self.report())
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| redis | Tacos") })
        let unescapedPipes = row.enumerated().filter { i, ch in
            ch == "|" && (i == 0 || row[row.index(row.startIndex, offsetBy: i - 1)] != "\\")
        }
        #expect(unescapedPipes.count == 6)
    }

    @Test func chartsWithAHostileLeverNameAreWellFormedXMLAndKeepTheText() throws {
        let r = try Self.report()
        let chart = try #require(r.charts.first { $0.id == "savings-by-lever" })
        let svg = SVGChart.render(chart)
        #expect(!svg.contains("<script>"))
        let read = try SVGReader.read(svg)
        #expect(
            read.titles == [
                "Saved per month by each lever, against Tacos | <script>alert(1)</script> *x* `y` z as written"
            ])
        #expect(read.bars.map(\.category) == ["Tacos | <script>alert(1)</script> *x* `y` z"])
        #expect(!MermaidChart.render(chart).contains("<script>"))
    }

    @Test func csvQuotesTheNameAndKeepsOneRowPerLine() throws {
        let csv = CostCSV.render(try Self.report())
        #expect(csv.contains("redis,\"Tacos | <script>alert(1)</script> *x* `y`\nz\",10,node,"))
        #expect(CostCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    }
}
