import Foundation
import TacoApp
import TacoCore
import Testing

@testable import TacoReport

/// Every shipped plan (`plans/*.yaml`) estimated in process with fixed evidence (`Golden.estimateDocument`), its
/// estimate JSON and every output format rendered from it, pinned byte for byte. `TACOPLAN_RECORD=1` rewrites both
/// the estimate inputs and the outputs.
@Suite struct GoldenTests {
    @Test(arguments: Golden.fixtureNames)
    func markdownDeckJSONCSVAndChartsMatchTheirGoldens(_ name: String) throws {
        let document = try Golden.document(name)
        try Golden.check(document, "\(name).estimate.json")
        let report = ReportBuilder.build(try Golden.decode(document))
        try Golden.check(MarkdownReport.render(report), "\(name)/report.md")
        try Golden.check(MarpDeck.render(report), "\(name)/deck.md")
        try Golden.check(try ReportJSON.encode(report), "\(name)/report.json")
        try Golden.check(CostCSV.render(report), "\(name)/costs.csv")
        for chart in report.charts {
            try Golden.check(SVGChart.render(chart), "\(name)/charts/\(chart.id).svg")
        }
    }

    @Test func everyShippedPlanIsAFixture() {
        #expect(Golden.fixtureNames == ["kpop-tour", "regional-sale", "seoul-concert", "traffic-tacos"])
    }

    @Test(arguments: Golden.fixtureNames)
    func theJSONReportRoundTripsByteForByte(_ name: String) throws {
        let text = try ReportJSON.encode(ReportBuilder.build(try Golden.estimate(name)))
        #expect(try ReportJSON.encode(try ReportJSON.decode(text)) == text)
    }

    @Test func renderingTwiceFromSeparateDecodesIsByteIdentical() throws {
        let a = ReportBuilder.build(try Golden.estimate("traffic-tacos"))
        let b = ReportBuilder.build(try Golden.estimate("traffic-tacos"))
        #expect(MarkdownReport.render(a) == MarkdownReport.render(b))
        #expect(MarpDeck.render(a) == MarpDeck.render(b))
        #expect(try ReportJSON.encode(a) == ReportJSON.encode(b))
    }
}
