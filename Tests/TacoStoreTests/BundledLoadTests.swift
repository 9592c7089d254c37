import Foundation
import GRDB
import TacoCore
import TacoData
import Testing

@testable import TacoStore

@Suite struct BundledLoadTests {
    func loaded() throws -> TacoDatabase {
        let db = try TacoDatabase.inMemory()
        try db.loadBundled(
            prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
        return db
    }

    @Test func loadsEveryBundledRow() throws {
        let db = try loaded()
        // 134 rows + the DynamoDB on-demand launch row of 2018-11-28.
        #expect(try db.rowCount(.price) == 147)
        #expect(try db.rowCount(.instanceSpec) == 59)
        #expect(try db.rowCount(.spotAdvice) == 80)
    }

    @Test func loadingTwiceChangesNothing() throws {
        let db = try loaded()
        let before = try snapshot(db)
        let again = try db.loadBundled(
            prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
        #expect(again.loaded == false)
        #expect(try snapshot(db) == before)
        // Even when the fingerprint check is bypassed, INSERT OR IGNORE adds nothing.
        try db.writer.write { try $0.execute(sql: "DELETE FROM meta") }
        let forced = try db.loadBundled(
            prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
        #expect(forced.loaded && forced.pricesAdded == 0 && forced.specsAdded == 0 && forced.spotAdded == 0)
        #expect(try snapshot(db) == before)
    }

    @Test func aBadRowLeavesTheDatabaseUnchanged() throws {
        let db = try TacoDatabase.inMemory()
        let broken = BundledData.pricesCSV.replacingOccurrences(of: ",0.315,", with: ",0.3x5,")
        #expect(broken != BundledData.pricesCSV)
        #expect(throws: BundledPriceBook.Problem.self) {
            try db.loadBundled(prices: broken, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
        }
        #expect(try db.rowCount(.price) == 0)
    }

    @Test func priceBookPicksThePriceInForceOnTheAsOfDay() throws {
        let db = try loaded()
        let wru = PriceKey(
            service: .dynamodb, region: "us-east-1", product: "WriteRequestUnits", engineOS: "standard",
            purchaseOption: .onDemand, unit: "request-unit")
        let redis = PriceKey(
            service: .elasticache, region: "us-east-1", product: "cache.m7g.xlarge", engineOS: "redis",
            purchaseOption: .onDemand, unit: "hour")
        let before = try db.priceBook(region: "us-east-1", asOf: try day("2024-10-31"))
        #expect(before.sheet.quote(wru)?.usd == Money(string: "0.00000125"))
        #expect(before.sheet.quote(redis)?.usd == Money(string: "0.315"))
        let after = try db.priceBook(region: "us-east-1", asOf: try day("2026-11-01"))
        #expect(after.sheet.quote(wru)?.usd == Money(string: "0.000000625"))
        // Launch (2018-11-28, documented start), evidence (2024-07-01), the cut (2024-11-01).
        #expect(after.sheet.history(wru).count == 3)
        #expect(after.sheet.history(wru).first?.startDocumented == true)
        #expect(after.specs["cache.m7g.xlarge"]?.vcpu == 4)
        #expect(after.spot["m7g.xlarge"]?.savingsPercent == 61)
        #expect(after.spot["m7g.xlarge"]?.bucket == .under5)
    }

    @Test func spotSnapshotFallsBackToTheOldestWhenNoneIsOlderThanAsOf() throws {
        let db = try loaded()
        let book = try db.priceBook(region: "ap-northeast-2", asOf: try day("2020-01-01"))
        #expect(book.spot.count == 40)
        #expect(book.sheet.quote(book.sheet.quotes[0].key) == nil)
    }

    @Test func listsRegionsSummaryAndProduct() throws {
        let db = try loaded()
        #expect(try db.regions() == ["ap-northeast-2", "us-east-1"])
        let summary = try db.regionServiceSummary()
        #expect(summary.reduce(0) { $0 + $1.rows } == 147)
        let ec2 = try db.prices(product: "m7g.xlarge")
        #expect(Set(ec2.map(\.key.region)) == ["ap-northeast-2", "us-east-1"])
    }

    @Test func recordsAPlanOnce() throws {
        let db = try TacoDatabase.inMemory()
        #expect(
            try db.recordPlan(name: "seed", file: "plans/seed.yaml", text: "a: 1\n", loadedAt: "2026-01-01T00:00:00Z"))
        #expect(
            try !db.recordPlan(name: "seed", file: "plans/seed.yaml", text: "a: 1\n", loadedAt: "2026-01-02T00:00:00Z"))
        #expect(try db.rowCount(.planRun) == 1)
    }
}

/// Every row of the price-book tables as text, to compare content before and after.
func snapshot(_ db: TacoDatabase) throws -> [String] {
    try db.writer.read { db in
        var lines: [String] = []
        for table in ["price", "instance_spec", "spot_advice"] {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3, 4, 5, 6")
            lines += rows.map { "\(table) \($0)" }
        }
        return lines
    }
}

func day(_ text: String) throws -> Day {
    try #require(Day(iso: text))
}
