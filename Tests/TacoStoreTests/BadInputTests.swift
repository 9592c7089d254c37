import Foundation
import Testing

@testable import TacoStore

@Suite struct BadInputTests {
    typealias F = PriceListFixtures

    /// Imports a good file then `bad` in the same call: expects an error mentioning `expected`, and no change at all.
    func expectRejected(_ name: String, _ bad: Data, mentioning expected: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = try scratch.write("good.csv", F.csv(header: F.columns(F.ec2Header91), rows: [F.ec2()]))
        let badPath = scratch.url.appendingPathComponent(name).path
        try bad.write(to: URL(fileURLWithPath: badPath))
        let db = try TacoDatabase.inMemory()
        let before = try snapshot(db)
        do {
            _ = try db.importForTest([good, badPath])
            Issue.record("importing \(name) should fail")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
        #expect(try snapshot(db) == before)
        #expect(try db.rowCount(.importRun) == 0)
        #expect(try db.integrityCheck() == "ok")
    }

    @Test func aTruncatedCSVNamesTheLine() throws {
        let rows = [F.ec2(), F.ec2(["SKU": "B2", "Instance Type": "c7g.large"]), F.ec2(["SKU": "C3"])]
        let text = F.csv(header: F.columns(F.ec2Header91), rows: rows)
        let cut = String(text.utf8.prefix(text.utf8.count - 400)) ?? ""
        try expectRejected("cut.csv", Data(cut.utf8), mentioning: "cut.csv:9: ")
    }

    @Test func aTruncatedJSONNamesTheLine() throws {
        let offer = """
            {
              "offerCode": "AmazonEC2",
              "version": "1",
              "products": {
                "A": {"sku": "A", "productFamily": "Compute Instance", "attributes": {"instanceType": "m7g.large"}},
                "B": {"sku": "B", "productFamily": "Comp
            """
        try expectRejected(
            "cut.json", Data(offer.utf8), mentioning: "cut.json:6: the file ends inside a string (it looks truncated)")
    }

    @Test func aCSVOfAnotherService() throws {
        try expectRejected(
            "s3.csv", Data(F.csv(offer: "AmazonS3", header: ["SKU", "TermType"], rows: []).utf8),
            mentioning: "AmazonS3")
    }

    @Test func aJSONThatIsNotAPriceList() throws {
        try expectRejected(
            "other.json", Data(#"{"name": "tacoplan", "items": [1, 2]}"#.utf8), mentioning: "not a price list")
    }

    @Test func anEmptyFile() throws {
        try expectRejected("empty.csv", Data(), mentioning: "empty")
    }

    @Test func aBinaryFile() throws {
        try expectRejected("blob.bin", Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 3, 0xFF, 0xFE]), mentioning: "binary")
    }

    @Test func aMissingFile() throws {
        let db = try TacoDatabase.inMemory()
        #expect(throws: PriceListError.self) { _ = try db.importForTest(["/nonexistent/index.csv"]) }
    }

    @Test func plainTextAndSavingsPlansAreSkippedNotFailed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let text = try scratch.write("golden.txt", "Project: main\n\n Name  Monthly Qty  Unit\n")
        let plans = try scratch.write(
            "sp.csv", F.csv(offer: "AmazonComputeSavingsPlan", header: ["SKU", "RateCode"], rows: []))
        let db = try TacoDatabase.inMemory()
        let reports = try db.importForTest([text, plans])
        #expect(reports.allSatisfy { $0.skipped != nil })
        #expect(try db.rowCount(.price) == 0)
    }
}
