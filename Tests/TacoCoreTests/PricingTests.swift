import Foundation
import TacoData
import Testing

@testable import TacoCore

/// Prices apply by effective date; money is exact Decimal and only rounded for display.
@Suite struct PriceSheetTests {
    let wru = PriceKey(
        service: .dynamodb, region: "us-east-1", product: "WriteRequestUnits", engineOS: "standard",
        purchaseOption: .onDemand, unit: "request-unit")

    func bundledSheet(asOf: String) throws -> PriceSheet {
        try Fixture.book(region: "us-east-1", asOf: try Fixture.day(asOf)).sheet
    }

    @Test func theDayBeforeTheCutUsesTheOldPrice() throws {
        // pricing/prices.csv: us-east-1 WRU $0.00000125 from 2024-07-01, $0.000000625 from 2024-11-01.
        let q = try #require(try bundledSheet(asOf: "2024-10-31").quote(wru))
        #expect(q.usd == (try Fixture.usd("0.00000125")))
        #expect(q.effectiveFrom == (try Fixture.day("2024-07-01")))
    }

    @Test func theCutTakesEffectOnItsDay() throws {
        let q = try #require(try bundledSheet(asOf: "2024-11-01").quote(wru))
        #expect(q.usd == (try Fixture.usd("0.000000625")))
        #expect(q.effectiveFrom == (try Fixture.day("2024-11-01")))
        // An explicit day overrides the sheet's as-of day.
        let earlier = try bundledSheet(asOf: "2024-11-01").quote(wru, on: try Fixture.day("2024-08-15"))
        #expect(earlier?.usd == (try Fixture.usd("0.00000125")))
    }

    @Test func noPriceBeforeTheFirstRow() throws {
        // The first WRU row is on-demand capacity mode's documented launch, 2018-11-28: on 2018-11-27 nothing is in
        // force; on 2024-06-30 (before the 2024-07-01 evidence row) the launch price $1.25/M is.
        #expect(try bundledSheet(asOf: "2018-11-27").quote(wru) == nil)
        let launch = try #require(try bundledSheet(asOf: "2024-06-30").quote(wru))
        #expect(launch.usd == (try Fixture.usd("0.00000125")))
        #expect(launch.startDocumented)
        // The earliest us-east-1 row of any kind is now that launch row.
        #expect(try bundledSheet(asOf: "2024-06-30").earliestEffective == (try Fixture.day("2018-11-28")))
    }

    @Test func historyListsEveryPriceOldestFirst() throws {
        let history = try bundledSheet(asOf: "2026-11-01").history(wru)
        // Launch 2018-11-28 (documented), the same price again as evidence on 2024-07-01, the cut on 2024-11-01.
        #expect(history.map(\.usd.description) == ["0.00000125", "0.00000125", "0.000000625"])
        #expect(history.map(\.startDocumented) == [true, false, false])
    }

    @Test func sameDayTieGoesToTheSourceSortingFirst() throws {
        let day = try Fixture.day("2025-01-01")
        let b = PriceQuote(key: wru, usd: try Fixture.usd("2"), effectiveFrom: day, source: "b-list", confidence: "x")
        let a = PriceQuote(key: wru, usd: try Fixture.usd("1"), effectiveFrom: day, source: "a-list", confidence: "x")
        let sheet = PriceSheet(region: "us-east-1", asOf: day, quotes: [b, a])
        #expect(sheet.quote(wru)?.source == "a-list")
        #expect(PriceSheet(region: "us-east-1", asOf: day, quotes: [a, b]).quote(wru)?.source == "a-list")
    }

    @Test func aQuoteForAnotherKeyIsNotUsed() throws {
        let day = try Fixture.day("2025-01-01")
        var other = wru
        other.region = "ap-northeast-2"
        let q = PriceQuote(key: other, usd: try Fixture.usd("1"), effectiveFrom: day, source: "s", confidence: "x")
        #expect(PriceSheet(region: "us-east-1", asOf: day, quotes: [q]).quote(wru) == nil)
    }

    @Test func aQuoteAddedOrReplacedLaterIsTheOneFound() throws {
        let day = try Fixture.day("2025-01-01")
        let old = PriceQuote(
            key: wru, usd: try Fixture.usd("1"), effectiveFrom: try Fixture.day("2024-01-01"), source: "s",
            confidence: "x")
        var sheet = PriceSheet(region: "us-east-1", asOf: day, quotes: [old])
        // Appended: effective 2024-06-01, later than the old 2024-01-01 and not after the as-of 2025-01-01.
        sheet.quotes.append(
            PriceQuote(
                key: wru, usd: try Fixture.usd("3"), effectiveFrom: try Fixture.day("2024-06-01"), source: "s",
                confidence: "x"))
        #expect(sheet.quote(wru)?.usd == (try Fixture.usd("3")))
        // Replaced wholesale: only the old price is left, and the sheet equals one built from it.
        sheet.quotes = [old]
        #expect(sheet.quote(wru)?.usd == (try Fixture.usd("1")))
        #expect(sheet == PriceSheet(region: "us-east-1", asOf: day, quotes: [old]))
    }
}

@Suite struct MoneyTests {
    @Test func decimalArithmeticIsExact() throws {
        // 0.1 + 0.2 is 0.3 exactly in Decimal (in Double it is 0.30000000000000004).
        #expect(try Fixture.usd("0.1") + Fixture.usd("0.2") == Fixture.usd("0.3"))
        // 0.315 × 10 = 3.15; 3.15 × 730 = 2,299.5.
        #expect(try Fixture.usd("0.315") * 10 == Fixture.usd("3.15"))
        #expect(try Fixture.usd("3.15") * 730 == Fixture.usd("2299.5"))
        // 0.000000625 × 300,000 = 0.1875.
        #expect(try Fixture.usd("0.000000625") * 300_000 == Fixture.usd("0.1875"))
        #expect(try Fixture.usd("5") - Fixture.usd("2.25") == Fixture.usd("2.75"))
    }

    @Test func readsPlainDecimalsOnly() throws {
        #expect(Money(string: "0.00000125")?.amount == (try Fixture.dec("0.00000125")))
        #expect(Money(string: " 2.25 ")?.amount == (try Fixture.dec("2.25")))
        #expect(Money(string: "1e3") == nil)
        #expect(Money(string: "$2") == nil)
        #expect(Money(string: "") == nil)
        #expect(Money(string: "abc") == nil)
    }

    @Test func descriptionIsTheExactValue() throws {
        #expect(try Fixture.usd("2299.50").description == "2299.5")
        #expect(try Fixture.usd("0.000000625").description == "0.000000625")
        #expect(try Fixture.usd("1.125").description == "1.125")
    }

    @Test func usdRoundsHalfUpForDisplayOnly() throws {
        let m = try Fixture.usd("1.125")
        #expect(Format.usd(m) == "$1.13")  // 1.125 → 1.13 (half up)
        #expect(Format.usd(m, places: 4) == "$1.1250")
        #expect(m.amount == (try Fixture.dec("1.125")))  // the value itself is untouched
        #expect(Format.usd(try Fixture.usd("2299.5")) == "$2,299.50")
        #expect(Format.usd(try Fixture.usd("1234567.891")) == "$1,234,567.89")
        #expect(Format.usd(try Fixture.usd("0.1875")) == "$0.19")
        #expect(Format.usd(try Fixture.usd("0.004")) == "$0.00")
        #expect(Format.usd(try Fixture.usd("-2.5")) == "-$2.50")
        #expect(Format.unitPrice(try Fixture.usd("0.00000125")) == "$0.00000125")
    }

    @Test func numbersAreGroupedWithFixedDigits() {
        #expect(Format.number(10000.0 / 1800.0) == "5.56")
        #expect(Format.number(1000) == "1,000")
        #expect(Format.number(300_000) == "300,000")
        #expect(Format.grouped(2.5, decimals: 2) == "2.50")
        // The one percent rule: at most one decimal, a trailing zero dropped. 1/3 × 100 = 33.33… → "33.3 %";
        // 0.5 × 100 = 50.0 → "50 %"; 0.79962 × 100 = 79.962 → 80.0 → "80 %"; 0.7962 × 100 = 79.62 → "79.6 %".
        #expect(Format.percent(1.0 / 3.0) == "33.3 %")
        #expect(Format.percent(0.5) == "50 %")
        #expect(Format.percent(0.79962) == "80 %")
        #expect(Format.percent(0.7962) == "79.6 %")
        #expect(Format.percent(points: 56.24) == "56.2 %")
    }
}

/// Docs/Model.md §5: WRU per write = ⌈item KB⌉ × (2 if transactional) × (1 + GSIs), with 1 KB = 1,024 B for DynamoDB.
@Suite struct DynamoWriteUnitTests {
    func units(_ size: Double, transactional: Bool = false, gsis: Int = 0) -> Int {
        DynamoSizing.writeUnits(
            DynamoSpec(
                mode: .onDemand, itemSize: Bytes(size), transactional: transactional, gsis: gsis, attemptsPerUser: 1,
                targetUtilization: 0.7))
    }

    @Test func itemSizeRoundsUpToWholeKilobytes() {
        #expect(units(1000) == 1)  // 1KB = 1,000 B ÷ 1,024 = 0.98 → 1
        #expect(units(1024) == 1)  // exactly 1 KiB
        #expect(units(1025) == 2)  // 1.001 → 2
        #expect(units(1500) == 2)  // 1.5KB = 1,500 B ÷ 1,024 = 1.46 → 2
        #expect(units(100) == 1)  // never below 1
    }

    @Test func transactionsDoubleAndIndexesAdd() {
        #expect(units(1000, transactional: true) == 2)  // 1 × 2
        #expect(units(1000, gsis: 2) == 3)  // 1 × (1 + 2)
        #expect(units(1500, transactional: true, gsis: 2) == 12)  // 2 × 2 × 3
    }

    @Test func aTransactionalPlanDoublesTheCeiling() throws {
        let text = try Fixture.variant(Fixture.minimal, "gateway:", "dynamodb:\n  transactional: true\ngateway:")
        let e = try Fixture.estimate(text, asOf: "2024-10-31")
        // 1,000/s × 1,800 s × 2 WRU × $0.00000125 = $4.50.
        #expect(e.dynamodb.wruPerWrite == 2)
        #expect(e.dynamodb.ceilingCost == (try Fixture.usd("4.5")))
    }
}

/// Docs/Model.md §4: Spot = On-Demand × (1 − Spot Advisor savings), exact.
@Suite struct SpotPriceTests {
    @Test func spotPriceIsOnDemandLessTheAdvisorSavings() throws {
        let advice = try #require(
            try BundledPriceBook.spotAdvice(csv: BundledData.spotAdvisorCSV).first {
                $0.region == "us-east-1" && $0.instanceType == "c7g.xlarge"
            })
        // pricing/spot-advisor.csv: us-east-1 c7g.xlarge saves 52 %; On-Demand $0.145/h → 0.145 × 0.48 = $0.0696.
        #expect(advice.savingsPercent == 52)
        #expect(Costing.spotPrice(try Fixture.usd("0.145"), advice) == (try Fixture.usd("0.0696")))
    }

    @Test func withoutAdviceSpotIsPricedAsOnDemand() throws {
        #expect(Costing.spotPrice(try Fixture.usd("0.145"), nil) == (try Fixture.usd("0.145")))
    }

    @Test func seventyPercentOffIsThreeTenths() throws {
        let advice = SpotAdvice(
            region: "ap-northeast-2", instanceType: "x", savingsPercent: 70, bucket: .under5,
            capturedOn: try Fixture.day("2024-02-28"), source: "test")
        // 0.163 × (1 − 0.70) = 0.163 × 0.3 = 0.0489.
        #expect(Costing.spotPrice(try Fixture.usd("0.163"), advice) == (try Fixture.usd("0.0489")))
    }
}
