import Foundation
import Testing

@testable import TacoStore

@Suite struct BulkCSVImportTests {
    typealias F = PriceListFixtures

    func importEC2(_ rows: [[String: String]], header: [String] = F.columns(F.ec2Header91)) throws -> [String] {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        _ = try db.importForTest([try scratch.write("index.csv", F.csv(header: header, rows: rows))])
        return try db.priceLines()
    }

    @Test func readsColumnsByNameInA91ColumnHeader() throws {
        #expect(try importEC2([F.ec2()]) == ["ec2 us-east-1 m7g.xlarge linux on-demand hour 0.1632000000 2025-09-01"])
    }

    @Test func readsAReorderedHeader() throws {
        let reordered = Array(F.columns(F.ec2Header91).reversed())
        #expect(
            try importEC2([F.ec2()], header: reordered) == [
                "ec2 us-east-1 m7g.xlarge linux on-demand hour 0.1632000000 2025-09-01"
            ])
    }

    @Test func readsThe66ColumnHeaderOf2017WithLocationNames() throws {
        let header = F.columns(F.ec2Header66)
        #expect(header.count == 66)
        let row = F.ec2(["Location": "Asia Pacific (Seoul)", "EffectiveDate": "2017-03-01"])
        #expect(
            try importEC2([row], header: header) == [
                "ec2 ap-northeast-2 m7g.xlarge linux on-demand hour 0.1632000000 2017-03-01"
            ])
    }

    @Test(arguments: [
        ["Operating System": "Windows"], ["Operating System": "RHEL"], ["Tenancy": "Dedicated"], ["Tenancy": "Host"],
        ["CapacityStatus": "UnusedCapacityReservation"], ["CapacityStatus": "AllocatedCapacityReservation"],
        ["Pre Installed S/W": "SQL Web"], ["License Model": "Bring your own license"], ["Product Family": "Storage"],
        ["TermType": "Savings"], ["MarketOption": "Spot"],
    ])
    func excludesRowsThePlannerDoesNotPrice(_ override: [String: String]) throws {
        // A kept row beside it: a file with no usable price at all is an error (see PriceValidationTests).
        let kept = F.ec2(["Instance Type": "c7g.large", "SKU": "KEEP"])
        #expect(
            try importEC2([kept, F.ec2(override)]) == [
                "ec2 us-east-1 c7g.large linux on-demand hour 0.1632000000 2025-09-01"
            ])
    }

    @Test func keepsReservedTermsWithAClearPurchaseOption() throws {
        let hourly = F.ec2([
            "TermType": "Reserved", "LeaseContractLength": "1yr", "PurchaseOption": "Partial Upfront",
            "OfferingClass": "standard", "PricePerUnit": "0.05", "OfferTermCode": "R1",
        ])
        let fee = hourly.merging(["Unit": "Quantity", "PricePerUnit": "438", "OfferTermCode": "R2"]) { $1 }
        #expect(
            try importEC2([hourly, fee]) == [
                "ec2 us-east-1 m7g.xlarge linux reserved-1yr-partial-upfront-standard hour 0.05 2025-09-01",
                "ec2 us-east-1 m7g.xlarge linux reserved-1yr-partial-upfront-standard upfront 438 2025-09-01",
            ])
    }

    @Test func elastiCacheKeepsNodeUsagePerEngineAndDropsExtendedSupport() throws {
        let header = [
            "SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange",
            "EndingRange", "Unit", "PricePerUnit", "Currency", "Product Family", "Location", "Instance Type",
            "Cache Engine", "usageType", "Region Code",
        ]
        func node(_ engine: String, _ usage: String, _ price: String) -> [String: String] {
            [
                "SKU": "E\(engine)\(usage.count)", "TermType": "OnDemand", "EffectiveDate": "2025-06-01",
                "StartingRange": "0", "EndingRange": "Inf", "Unit": "Hrs", "PricePerUnit": price, "Currency": "USD",
                "Product Family": "Cache Instance", "Location": "Asia Pacific (Seoul)",
                "Instance Type": "cache.m7g.xlarge", "Cache Engine": engine, "usageType": usage,
                "Region Code": "ap-northeast-2",
            ]
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rows = [
            node("Redis", "APN2-NodeUsage:cache.m7g.xlarge", "0.398"),
            node("Valkey", "APN2-NodeUsage:cache.m7g.xlarge", "0.318"),
            node("Memcached", "APN2-NodeUsage:cache.m7g.xlarge", "0.398"),
            node("Redis", "APN2-ExtendedSupportYr1_Yr2-NodeUsage:cache.m7g.xlarge", "0.019"),
        ]
        let db = try TacoDatabase.inMemory()
        _ = try db.importForTest([
            try scratch.write("ec.csv", F.csv(offer: "AmazonElastiCache", header: header, rows: rows))
        ])
        #expect(
            try db.priceLines() == [
                "elasticache ap-northeast-2 cache.m7g.xlarge memcached on-demand hour 0.398 2025-06-01",
                "elasticache ap-northeast-2 cache.m7g.xlarge redis on-demand hour 0.398 2025-06-01",
                "elasticache ap-northeast-2 cache.m7g.xlarge valkey on-demand hour 0.318 2025-06-01",
            ])
    }

    @Test func dynamoDBKeepsRequestAndCapacityUnitsAndSkipsIAReplicationAndFreeTier() throws {
        let header = [
            "SKU", "OfferTermCode", "RateCode", "TermType", "EffectiveDate", "StartingRange", "EndingRange", "Unit",
            "PricePerUnit", "Currency", "Product Family", "Location", "Group", "usageType", "Region Code",
        ]
        func usage(_ name: String, _ unit: String, _ price: String, begin: String = "0", end: String = "Inf")
            -> [String: String]
        {
            [
                "SKU": "D\(name)\(begin)", "RateCode": "D\(name)\(begin)", "TermType": "OnDemand",
                "EffectiveDate": "2024-11-01", "StartingRange": begin, "EndingRange": end, "Unit": unit,
                "PricePerUnit": price, "Currency": "USD", "Location": "Asia Pacific (Seoul)", "usageType": name,
                "Region Code": "ap-northeast-2",
            ]
        }
        let rows = [
            usage("APN2-WriteRequestUnits", "WriteRequestUnits", "0.00000068"),
            usage("APN2-ReadRequestUnits", "ReadRequestUnits", "0.0000001355"),
            usage("APN2-WriteCapacityUnit-Hrs", "WriteCapacityUnit-Hrs", "0", end: "18600"),
            usage("APN2-WriteCapacityUnit-Hrs", "WriteCapacityUnit-Hrs", "0.0007049", begin: "18600"),
            usage("APN2-ReadCapacityUnit-Hrs", "ReadCapacityUnit-Hrs", "0.00014098", begin: "18600"),
            usage("APN2-IA-WriteRequestUnits", "WriteRequestUnits", "0.00000085"),
            usage("APN2-ReplWriteCapacityUnit-Hrs", "ReplWriteCapacityUnit-Hrs", "0.0010574"),
        ]
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("ddb.csv", F.csv(offer: "AmazonDynamoDB", header: header, rows: rows))
        let db = try TacoDatabase.inMemory()
        _ = try db.importForTest([file])
        #expect(
            try db.priceLines() == [
                "dynamodb ap-northeast-2 ReadCapacityUnit-Hrs standard provisioned capacity-unit-hour 0.00014098 2024-11-01",
                "dynamodb ap-northeast-2 ReadRequestUnits standard on-demand request-unit 0.0000001355 2024-11-01",
                "dynamodb ap-northeast-2 WriteCapacityUnit-Hrs standard provisioned capacity-unit-hour 0.0007049 2024-11-01",
                "dynamodb ap-northeast-2 WriteRequestUnits standard on-demand request-unit 0.00000068 2024-11-01",
            ])
        let asked = try TacoDatabase.inMemory()
        _ = try asked.importForTest([file], includeExtras: true)
        let extra = try asked.priceLines()
        #expect(extra.count == 6)
        #expect(
            extra.contains(
                "dynamodb ap-northeast-2 WriteRequestUnits standard-ia on-demand request-unit 0.00000085 2024-11-01"))
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("index.csv", F.csv(header: F.columns(F.ec2Header91), rows: [F.ec2()]))
        let db = try TacoDatabase.inMemory()
        let first = try db.importForTest([file])
        let before = try snapshot(db)
        let runs = try db.rowCount(.importRun)
        let second = try db.importForTest([file])
        #expect(first[0].rowsAdded == 1 && second[0].rowsAdded == 0 && second[0].rowsKept == 1)
        #expect(try snapshot(db) == before)
        // The same bytes again leave no second run record either: one run for the one file.
        let runsAfter = try db.rowCount(.importRun)
        #expect(runs == 1 && runsAfter == 1)
    }

    @Test func aNewPublicationAddsRowsAndKeepsTheOldPrice() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let header = F.columns(F.ec2Header91)
        let old = try scratch.write("old.csv", F.csv(header: header, rows: [F.ec2()]))
        let new = try scratch.write(
            "new.csv",
            F.csv(
                header: header, rows: [F.ec2(["EffectiveDate": "2026-01-01", "PricePerUnit": "0.15"])],
                version: "20260101000000", published: "2026-01-01T00:00:00Z"))
        let db = try TacoDatabase.inMemory()
        _ = try db.importForTest([old, new])
        let book2025 = try db.priceBook(region: "us-east-1", asOf: try day("2025-12-31"))
        let book2026 = try db.priceBook(region: "us-east-1", asOf: try day("2026-02-01"))
        let key = try #require(book2026.sheet.quotes.first { $0.confidence == "aws-price-list" }?.key)
        #expect(book2025.sheet.quote(key)?.usd.description == "0.1632")
        #expect(book2026.sheet.quote(key)?.usd.description == "0.15")
    }
}
