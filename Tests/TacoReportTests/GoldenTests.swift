import Foundation
import TacoCore
import Testing

@testable import TacoReport

/// Every output format of every shipped plan's fixture, pinned byte for byte.
@Suite struct GoldenTests {
    @Test(arguments: Golden.fixtureNames)
    func markdownDeckJSONCSVAndChartsMatchTheirGoldens(_ name: String) throws {
        let report = ReportBuilder.build(try Golden.estimate(name))
        try Golden.check(MarkdownReport.render(report), "\(name)/report.md")
        try Golden.check(MarpDeck.render(report), "\(name)/deck.md")
        try Golden.check(try ReportJSON.encode(report), "\(name)/report.json")
        try Golden.check(CostCSV.render(report), "\(name)/costs.csv")
        for chart in report.charts {
            try Golden.check(SVGChart.render(chart), "\(name)/charts/\(chart.id).svg")
        }
    }

    @Test func theShippedPlanHasAFixture() {
        #expect(Golden.fixtureNames.contains("traffic-tacos"))
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
