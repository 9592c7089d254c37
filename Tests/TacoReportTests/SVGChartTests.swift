import Foundation
import TacoCore
import Testing

@testable import TacoReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an SVG back with a real XML parser: fails on malformed XML, collects every bar and reference line.
final class SVGReader: NSObject, XMLParserDelegate {
    struct Bar: Equatable {
        var series: String
        var category: String
        var value: Double
    }
    var bars: [Bar] = []
    var references: [Double] = []
    var titles: [String] = []
    private var inTitle = false

    static func read(_ svg: String) throws -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "rect", attributes["class"] == "bar", let v = attributes["data-value"].flatMap(Double.init) {
            bars.append(
                Bar(series: attributes["data-series"] ?? "", category: attributes["data-category"] ?? "", value: v))
        }
        if name == "line", attributes["class"] == "reference", let v = attributes["data-value"].flatMap(Double.init) {
            references.append(v)
        }
        if name == "title" {
            inTitle = true
            titles.append("")
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { titles[titles.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
    }
}

@Suite struct SVGChartTests {
    static func expectedBars(_ c: Chart) -> [SVGReader.Bar] {
        c.categories.enumerated().flatMap { ci, category in
            c.series.compactMap { s in s.values[ci].map { SVGReader.Bar(series: s.name, category: category, value: $0) }
            }
        }
    }

    @Test(arguments: Golden.fixtureNames)
    func everyChartOfTheShippedPlansIsWellFormedAndItsBarsAreTheModelsNumbers(_ name: String) throws {
        let report = ReportBuilder.build(try Golden.estimate(name))
        #expect(report.charts.first?.id == "cost-by-resource")
        for chart in report.charts {
            let svg = try SVGReader.read(SVGChart.render(chart))
            #expect(svg.bars == Self.expectedBars(chart))
            #expect(svg.titles == [chart.title])
            #expect(svg.references == (chart.reference.map { [$0.value] } ?? []))
        }
    }

    @Test func costBarsAddUpToTheMonthlyTotalAndCPUBarsAreTheNodeLoads() throws {
        let report = ReportBuilder.build(try Golden.estimate("traffic-tacos"))
        let cost = try SVGReader.read(
            SVGChart.render(try #require(report.charts.first { $0.id == "cost-by-resource" })))
        #expect(cost.bars.map(\.category) == report.costs.byResource.map(\.resource))
        #expect(cost.bars.map(\.value) == report.costs.byResource.map { $0.perMonth.amount.doubleValue })
        let sum = cost.bars.map(\.value).reduce(0, +)
        #expect(abs(sum - report.costs.perMonth.amount.doubleValue) < 1e-9)
        let cpu = try SVGReader.read(
            SVGChart.render(try #require(report.charts.first { $0.id == "redis-cpu-per-node" })))
        #expect(cpu.bars.map(\.value) == report.redis.nodes.map(\.engineCPUPercent))
        #expect(cpu.references == [80])
    }

    @Test func validationAndLeverChartsAppearOnlyWhenTheirSectionsExist() throws {
        let estimate = try Golden.estimate("traffic-tacos")
        let bare = ReportBuilder.build(estimate)
        #expect(bare.omittedCharts.map(\.id) == ["savings-by-lever", "redis-cpu-by-rps"])
        #expect(
            MarkdownReport.render(bare).contains(
                "not available: no validation against the benchmark (run tacoplan validate)"))
        let validation = ValidationSection(
            benchmark: "seed-load-test",
            steps: [
                .init(name: "index-10k", rps: 10_000, predictedPercent: 38.5, measuredPercent: 40, measured: "40 %"),
                .init(name: "index-20k", rps: 20_000, predictedPercent: 71.25, measuredPercent: 70, measured: "70 %"),
                .init(name: "index-30k", rps: 30_000, predictedPercent: nil, measuredPercent: 90, measured: "90 %"),
            ], summary: "Predicted within 4 points of every measured step.")
        let levers = LeverSection(
            baseline: "seed", baselinePerMonth: Money(3000),
            levers: [.init(name: "valkey", description: "engine", perMonth: Money(460), percent: 20)])
        let full = ReportBuilder.build(estimate, levers: levers, validation: validation)
        #expect(full.omittedCharts.isEmpty)
        let chart = try #require(full.charts.first { $0.id == "redis-cpu-by-rps" })
        let svg = try SVGReader.read(SVGChart.render(chart))
        #expect(svg.bars.map(\.value) == [38.5, 40, 71.25, 70, 90])
        #expect(svg.bars.map(\.series) == ["predicted", "measured", "predicted", "measured", "measured"])
        let savings = try SVGReader.read(
            SVGChart.render(try #require(full.charts.first { $0.id == "savings-by-lever" })))
        #expect(savings.bars == [.init(series: "saved per month", category: "valkey", value: 460)])
    }
}
