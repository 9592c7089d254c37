import Foundation
import TacoCore
import Testing

@testable import TacoReport

/// Charts that read at 1280 × 720 (issue 11): ticks in the chart's unit, wrapped labels, the 50× rule, no text
/// under the minimum size, savings only as positive bars.
@Suite struct ChartReadabilityTests {
    static func chart(_ values: [Double?], categories: [String], format: ChartValueFormat = .usd) -> Chart {
        Chart(
            id: "t", title: "Test", unit: "USD per month", axis: "resource", categories: categories,
            series: [Chart.Series(name: "per month", values: values, displays: values.map { _ in "" })],
            reference: nil, format: format)
    }

    @Test func ticksAreMoneyAndRates() {
        // 1,875 ÷ 1,000 = 1.875 → one decimal → "$1.9k"; 60,000 ÷ 1,000 = 60 → "60k/s".
        #expect(ChartValueFormat.usd.short(1875) == "$1.9k")
        #expect(ChartValueFormat.perSecond.short(60_000) == "60k/s")
        #expect(ChartValueFormat.usd.short(0.56) == "$0.56")
        #expect(ChartValueFormat.usd.short(0.13) == "$0.13")
        #expect(ChartValueFormat.usd.short(2_500_000) == "$2.5M")
        #expect(ChartValueFormat.usd.short(-1375) == "-$1.4k")
        #expect(ChartValueFormat.percent.short(80) == "80 %")
        #expect(ChartValueFormat.count.short(363_636) == "364k")
    }

    @Test func longLabelsWrapAtSpacesAndLongWordsSplitNeverClipped() {
        #expect(
            ChartFormat.wrap("Graviton vs x86 (EC2 gateway)", width: 10) == ["Graviton", "vs x86", "(EC2", "gateway)"])
        // A 12-letter word at width 5 splits 5 + 5 + 2: every character is kept.
        #expect(ChartFormat.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        let svg = SVGChart.render(Self.chart([100, 200], categories: ["Graviton vs x86 (EC2 gateway)", "b"]))
        for word in ["Graviton", "(EC2", "gateway)"] { #expect(svg.contains(">\(word)") || svg.contains(" \(word)")) }
        #expect(!svg.contains("rotate(-25"))
    }

    @Test func fiftyTimesRuleSwitchesToALogScale() {
        // Redis $1,900 vs gateway $0.56: 1,900 ÷ 0.56 ≈ 3,393 > 50 → log; 100 ÷ 2 = 50 is not more than 50 → linear.
        #expect(
            SVGChart.render(Self.chart([1900, 0.56, 0.13], categories: ["redis", "gateway", "dynamodb"]))
                .contains("data-scale=\"log\""))
        #expect(SVGChart.render(Self.chart([100, 2], categories: ["a", "b"])).contains("data-scale=\"linear\""))
        // On the log axis the $0.13 bar is drawn with a visible height: the axis starts at the decade below, $0.1.
        let log = SVGChart.render(Self.chart([1900, 0.13], categories: ["redis", "dynamodb"]))
        let bar = log.split(separator: "\n").first { $0.contains("data-category=\"dynamodb\"") } ?? ""
        let height = bar.range(of: #"height="([0-9.]+)""#, options: .regularExpression).map { String(bar[$0]) } ?? ""
        #expect(Double(height.dropFirst(8).dropLast()) ?? 0 > 10)
    }

    @Test func noTextUnderTheMinimumFontSize() throws {
        let svg = SVGChart.render(
            Self.chart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], categories: (1...12).map { "p\($0)" }))
        let sizes = svg.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
        #expect(!sizes.isEmpty)
        // 16 SVG px on a 680-px chart shown ≥ 680 px wide on a 1280 × 720 slide: ≥ 14 px at slide size.
        #expect(sizes.allSatisfy { $0 >= 16 })
    }

    @Test func savingsChartShowsOnlyPositiveSavingsAndSaysAgainstWhat() {
        let levers = LeverSection(
            baseline: "base", baselinePerMonth: Money(100),
            levers: [
                .init(name: "valkey", description: "", perMonth: Money(20), percent: 20),
                .init(name: "x86", description: "", perMonth: Money(-5), percent: -5),
            ])
        let c = ReportCharts.savings(levers)
        #expect(c.categories == ["valkey"])
        #expect(c.title.contains("against base"))
    }

    @Test func linearTicksStepByOneTwoOrFive() {
        // $459.90 ÷ 5 = 91.98 → step 100 → ticks $0 … $500 (not $125, $375); 1,875 ÷ 5 = 375 → step 500 → top 2,000.
        #expect(AxisScale.niceStep(459.9 / 5) == 100)
        #expect(AxisScale.niceStep(1875.0 / 5) == 500)
        let c = Self.chart([459.9, 29.2], categories: ["a", "b"])
        #expect(AxisScale(chart: c, log: false).ticks == [0, 100, 200, 300, 400, 500])
    }

    @Test func automaticLeversJoinTheLeverSectionAfterTheVariants() {
        let variant = LeverSection(
            baseline: "base", baselinePerMonth: Money(200),
            levers: [.init(name: "valkey: Valkey vs Redis OSS", description: "", perMonth: Money(20), percent: 10)])
        let computed = AutomaticLever(
            kind: .spotShare, name: "Spot share 80 %", change: "50 % → 80 % Spot", fields: ["gateway.spot_share"],
            status: .computed, perEvent: Money(9), perMonth: Money(150), savingPerMonth: Money(50),
            savingPerEvent: Money(1), reason: nil)
        var missing = computed
        missing.status = .notAvailable
        missing.savingPerMonth = nil
        let merged = AutomaticLeverSection.merged(
            variant, automatic: [computed, missing], baseline: "base", baselinePerMonth: Money(200))
        // Variant first; then the one computed lever: $50 of $200 = 25 %. The unavailable one has no row (never $0).
        #expect(merged?.levers.map(\.name) == ["valkey: Valkey vs Redis OSS", "auto: Spot share 80 %"])
        #expect(merged?.levers.last?.percent == 25)
        #expect(
            AutomaticLeverSection.merged(nil, automatic: [missing], baseline: "base", baselinePerMonth: Money(1)) == nil
        )
    }
}
