import Foundation
import Testing

@testable import TacoCore
@testable import TacoStore

/// `bill import` into a real SQLite database: the shipped FOCUS 1.0 sample, gzip, idempotence, and files that must
/// leave the database as it was.
@Suite struct BillImportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sample = root.appendingPathComponent("Tests/Fixtures/focus/focus_sample.csv").path

    /// `gzip -c source > target` with the system gzip, so the test does not use the code under test to compress.
    static func gzip(_ source: String, to target: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-c", source]
        _ = FileManager.default.createFile(atPath: target, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "gzip failed")
    }

    /// The first half of the bytes of `source`'s gzip, written to `scratch` as cut.csv.gz: a stream that ends
    /// damaged about halfway through the file.
    static func halfOfItsGzip(_ source: String, _ scratch: Scratch) throws -> String {
        let gz = scratch.url.appendingPathComponent("whole.csv.gz").path
        try gzip(source, to: gz)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: gz))
        let cut = scratch.url.appendingPathComponent("cut.csv.gz").path
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
        return cut
    }

    /// The shipped sample with line 900 (a data row) given a currency that is not an ISO code ("US$"), written to
    /// `scratch` as bad.csv: an import fails there, late in the file.
    static func badCurrencyOnLine900(_ scratch: Scratch) throws -> String {
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[899] = lines[899].replacingOccurrences(of: "\"USD\"", with: "\"US$\"")
        return try scratch.write("bad.csv", lines.joined(separator: "\n"))
    }

    static func rowCount(_ db: TacoDatabase) throws -> Int { try db.billSummaries().reduce(0) { $0 + $1.rows } }

    @Test func theFOCUSSampleLoads1000RowsWithTheExactBilledCost() throws {
        let db = try TacoDatabase.inMemory()
        let result = try db.importBill(path: Self.sample, importedAt: "2026-12-01T00:00:00Z")
        #expect(result.rows == 1000 && result.awsRows == 942 && result.added && result.format == .focus)
        let aws = try #require(try db.billSummaries().first { $0.provider == "AWS" })
        #expect(aws.accountId == "1234567890123" && aws.rows == 942 && aws.currency == "USD")
        #expect(aws.from.description == "2024-09-01T00:00:00Z" && aws.to.description == "2024-10-01T00:00:00Z")
        // Derived outside tacoplan with exact decimals:
        //   python3 -c "import csv; from decimal import Decimal as D; print(sum(D(r['BilledCost']) for r in
        //     csv.DictReader(open('Tests/Fixtures/focus/focus_sample.csv')) if r['ProviderName']=='AWS'))"
        //   → 18.00663861840 (and 1.97651418586 for the 51 Microsoft rows).
        #expect(aws.billedCost.amount == Decimal(string: "18.0066386184"))
        let microsoft = try #require(try db.billSummaries().first { $0.provider == "Microsoft" })
        #expect(microsoft.rows == 51 && microsoft.billedCost.amount == Decimal(string: "1.97651418586"))

        // Counts per ServiceName of the AWS rows (same python3 csv.DictReader, collections.Counter).
        let from = try #require(BillInstant(text: "2024-01-01"))
        let to = try #require(BillInstant(text: "2025-01-01"))
        var counts: [String: Int] = [:]
        for sum in try db.billChargeSums(BillRowFilter(from: from, to: to)) where sum.charge.isAWS {
            counts[sum.charge.serviceName, default: 0] += sum.rows
        }
        #expect(counts["Amazon Elastic Compute Cloud"] == 554)
        #expect(counts["Elastic Load Balancing"] == 97)
        #expect(counts["AmazonCloudWatch"] == 63)
        #expect(counts["Amazon Virtual Private Cloud"] == 57)
        #expect(counts["Amazon Elastic Container Service"] == 40)
        #expect(counts["Amazon Simple Storage Service"] == 36)
        #expect(counts["Amazon DynamoDB"] == 7)
        #expect(counts["Amazon Elastic Container Service for Kubernetes"] == 1)
        #expect(counts.count == 24 && counts.values.reduce(0, +) == 942)
    }

    @Test func importingTheSameBillAgainPlainOrGzipChangesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gz = scratch.url.appendingPathComponent("focus.csv.gz").path
        try Self.gzip(Self.sample, to: gz)
        let db = try TacoDatabase.inMemory()
        _ = try db.importBill(path: Self.sample, importedAt: "t1")
        let again = try db.importBill(path: Self.sample, importedAt: "t2")
        let zipped = try db.importBill(path: gz, importedAt: "t3")
        #expect(!again.added && !zipped.added && zipped.gzip && zipped.rows == 1000)
        #expect(try Self.rowCount(db) == 1000)
        #expect(try db.billFiles().count == 1)
    }

    @Test func aGzipBillLoadsLikeThePlainOne() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gz = scratch.url.appendingPathComponent("focus.csv.gz").path
        try Self.gzip(Self.sample, to: gz)
        let db = try TacoDatabase.inMemory()
        let r = try db.importBill(path: gz, importedAt: "t")
        #expect(r.gzip && r.rows == 1000 && r.awsRows == 942)
    }

    @Test func aTruncatedGzipIsAClearErrorAndLoadsNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cut = try Self.halfOfItsGzip(Self.sample, scratch)
        let db = try TacoDatabase.inMemory()
        do {
            _ = try db.importBill(path: cut, importedAt: "t")
            Issue.record("a truncated gzip was imported")
        } catch let p as BillProblem {
            #expect(p.message.contains("truncated"))
            #expect(p.file == cut)
        }
        #expect(try Self.rowCount(db) == 0 && (try db.billFiles()).isEmpty)
    }

    @Test func aBadRowBeforeADamagedGzipTailIsTheProblemReported() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Line 10 (a data row) gets a currency that is not an ISO code; the gzip is then cut at half its bytes, so
        // the stream ends damaged after roughly 500 of the 1,000 rows: well after line 10. Read in order, line 10
        // is the first problem, though the file's end is reached before its row is checked.
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[9] = lines[9].replacingOccurrences(of: "\"USD\"", with: "\"US$\"")
        let bad = try scratch.write("bad.csv", lines.joined(separator: "\n"))
        let cut = try Self.halfOfItsGzip(bad, scratch)
        let db = try TacoDatabase.inMemory()
        do {
            _ = try db.importBill(path: cut, importedAt: "t")
            Issue.record("a bad row in a truncated gzip was imported")
        } catch let p as BillProblem {
            #expect(p.line == 10 && p.column == "BillingCurrency")
        }
        #expect(try Self.rowCount(db) == 0 && (try db.billFiles()).isEmpty)
    }

    @Test func aBadRowLateInTheFileLeavesNothingFromTheFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try Self.badCurrencyOnLine900(scratch)
        let db = try TacoDatabase.inMemory()
        do {
            _ = try db.importBill(path: path, importedAt: "t")
            Issue.record("a bad currency was imported")
        } catch let p as BillProblem {
            #expect(p.line == 900 && p.column == "BillingCurrency")
        }
        #expect(try Self.rowCount(db) == 0)
    }

    @Test func anEmptyFileAndAnUnknownFormatAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        let empty = try scratch.write("empty.csv", "")
        #expect(throws: BillProblem.self) { try db.importBill(path: empty, importedAt: "t") }
        let other = try scratch.write("other.csv", "a,b\n1,2\n")
        #expect(throws: BillProblem.self) { try db.importBill(path: other, importedAt: "t") }
        #expect(throws: BillProblem.self) { try db.importBill(path: scratch.url.path + "/none.csv", importedAt: "t") }
    }
}
