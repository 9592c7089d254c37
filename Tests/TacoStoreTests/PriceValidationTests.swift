import Foundation
import GRDB
import TacoCore
import Testing

@testable import TacoStore

/// The hostile price files of issue 12: each is refused with a row-level reason (rc 2 in the CLI) and leaves the
/// database exactly as it was, or imports only its valid rows under `acceptPartial`.
@Suite struct PriceValidationTests {
    typealias F = PriceListFixtures

    /// A database holding one earlier import (a c7g.large price), so "unchanged" is checked against real content.
    func seeded(_ scratch: Scratch) throws -> TacoDatabase {
        let db = try TacoDatabase.inMemory()
        let good = F.ec2(["Instance Type": "c7g.large", "SKU": "SEED", "PricePerUnit": "0.0725"])
        _ = try db.importForTest([try scratch.write("seed.csv", F.csv(header: F.columns(F.ec2Header91), rows: [good]))])
        return db
    }

    /// Row counts of the tables an import writes plus every price line: equal before and after means unchanged.
    func fingerprint(_ db: TacoDatabase) throws -> [String] {
        let counts = try db.writer.read { db in
            try ["price", "instance_spec", "import_run", "spot_advice"].map { table in
                "\(table)=\(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1)"
            }
        }
        return counts + (try db.priceLines())
    }

    /// Imports `rows` (EC2, 91-column header) into a seeded database; returns the refusal and checks nothing changed.
    func refused(
        _ rows: [[String: String]], header: [String] = F.columns(F.ec2Header91),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> ImportRefusal? {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try seeded(scratch)
        let before = try fingerprint(db)
        let path = try scratch.write("index.csv", F.csv(header: header, rows: rows))
        var refusal: ImportRefusal?
        do {
            _ = try db.importForTest([path])
            Issue.record("the file was imported", sourceLocation: sourceLocation)
        } catch let error as ImportRefusal {
            refusal = error
        }
        #expect(try fingerprint(db) == before, sourceLocation: sourceLocation)
        return refusal
    }

    /// 40 rows priced -5 in ten instance types (4 copies each): all 40 refused as negative, none kept.
    @Test func negativePricesAreRefusedAndNothingIsStored() throws {
        let rows = (0..<40).map { i in
            F.ec2([
                "SKU": "N\(i)", "Instance Type": "m7g.\(["large", "xlarge", "2xlarge", "4xlarge"][i % 4])",
                "PricePerUnit": "-5",
            ])
        }
        let refusal = try #require(try refused(rows))
        #expect(refusal.nothingUsable)
        #expect(refusal.report.rejected == [.negative: 40])
        #expect(refusal.report.rowsKept == 0)
    }

    @Test(arguments: ["abc", "", "NaN", "Infinity", "1e400", "1,234.5", "0x10", ".5", "5.", "+1", " 1"])
    func textThatIsNotAPlainDecimalIsRefused(_ price: String) throws {
        let refusal = try #require(try refused([F.ec2(["PricePerUnit": price])]))
        #expect(refusal.report.rejected == [.notANumber: 1])
    }

    /// 99999999999999999999999 USD an hour is above `PriceRange.maxHourly` (1,000).
    @Test func anAbsurdHourlyPriceIsOutOfRange() throws {
        let refusal = try #require(try refused([F.ec2(["PricePerUnit": "99999999999999999999999"])]))
        #expect(refusal.report.rejected == [.outOfRange: 1])
    }

    @Test func anOnDemandHourlyPriceOfZeroIsOutOfRange() throws {
        let refusal = try #require(try refused([F.ec2(["PricePerUnit": "0.0000000000"])]))
        #expect(refusal.report.rejected == [.outOfRange: 1])
    }

    @Test(arguments: ["../../etc", "M7G.XLARGE", "m7g", "m7g..xlarge", "m7g.xlarge;drop", "cache.m7g.xlarge"])
    func aProductThatIsNotAnInstanceTypeIsRefused(_ product: String) throws {
        let refusal = try #require(try refused([F.ec2(["Instance Type": product])]))
        #expect(refusal.report.rejected == [.badProduct: 1])
    }

    @Test(arguments: ["2025-13-45", "not-a-date", "", "2025-02-29"])
    func anInvalidEffectiveDateIsRefusedNotReplaced(_ date: String) throws {
        let refusal = try #require(try refused([F.ec2(["EffectiveDate": date])]))
        #expect(refusal.report.rejected == [.badEffectiveDate: 1])
    }

    @Test func aCurrencyOtherThanUSDIsRefused() throws {
        let refusal = try #require(try refused([F.ec2(["Currency": "EUR"])]))
        #expect(refusal.report.rejected == [.currency: 1])
    }

    @Test func anUnknownUnitIsRefused() throws {
        let refusal = try #require(try refused([F.ec2(["Unit": "Month"])]))
        #expect(refusal.report.rejected == [.unknownUnit: 1])
    }

    /// The header names `PricePerUnit` and `vCPU` swapped: the "price" is the vCPU count (4) and the "vCPU" column
    /// holds 0.1632, a decimal: every row is refused as mislabelled.
    @Test func swappedPriceAndVCPUHeadersAreDetectedFromTheValues() throws {
        let header = F.columns(F.ec2Header91).map { $0 == "PricePerUnit" ? "vCPU" : $0 == "vCPU" ? "PricePerUnit" : $0 }
        let rows = ["large", "xlarge", "2xlarge"].map { size in
            F.ec2(["Instance Type": "c5.\(size)", "SKU": size]).merging(["PricePerUnit": "4", "vCPU": "0.17"]) { $1 }
        }
        let refusal = try #require(try refused(rows, header: header))
        #expect(refusal.report.rejected == [.mislabelledColumns: 3])
    }

    /// A price column holding 2, 4, 8 and 16 (whole numbers up to 1,024) in every row is a count, not a price.
    @Test func aPriceColumnOfSmallWholeNumbersIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try seeded(scratch)
        let before = try fingerprint(db)
        let rows = zip(["large", "xlarge", "2xlarge", "4xlarge"], ["2", "4", "8", "16"]).map { size, count in
            F.ec2(["Instance Type": "c5.\(size)", "SKU": size, "PricePerUnit": count, "vCPU": ""])
        }
        let path = try scratch.write("index.csv", F.csv(header: F.columns(F.ec2Header91), rows: rows))
        #expect {
            _ = try db.importForTest([path])
        } throws: { error in
            "\(error)".contains("every one of the 4 hourly prices is a whole number")
        }
        #expect(try fingerprint(db) == before)
    }

    /// Two rows for m7g.xlarge on-demand on 2025-09-01 at 0.1632 and 0.2: a conflict, reported, not settled silently.
    @Test func conflictingPricesForOneKeyAreReported() throws {
        let rows = [F.ec2(["SKU": "A"]), F.ec2(["SKU": "B", "PricePerUnit": "0.2"])]
        let refusal = try #require(try refused(rows))
        #expect(!refusal.nothingUsable)
        #expect(refusal.report.rejected == [.conflict: 1])
        #expect(refusal.report.conflicts == 1)
        #expect(refusal.description.contains("0.1632 and 0.2"))
    }

    /// The same price spelt 0.1632000000 and 0.1632 is one price, not a conflict.
    @Test func oneFileRepeatingAPriceIsNoConflict() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        let rows = [F.ec2(["SKU": "A"]), F.ec2(["SKU": "B", "PricePerUnit": "0.1632"])]
        let reports = try db.importForTest([
            try scratch.write("index.csv", F.csv(header: F.columns(F.ec2Header91), rows: rows))
        ])
        // Both rows are used (kept), one price is stored (new), none is rejected.
        #expect(reports[0].rowsKept == 2 && reports[0].rowsAdded == 1 && reports[0].rowsRejected == 0)
    }

    /// One valid row (c7g.large), one negative row and a conflicting pair: refused without acceptPartial; with it,
    /// only c7g.large is stored (the conflicting m7g.xlarge key is dropped entirely).
    @Test func acceptPartialImportsOnlyTheValidRows() throws {
        let rows = [
            F.ec2(["SKU": "GOOD", "Instance Type": "c7g.large", "PricePerUnit": "0.0725"]),
            F.ec2(["SKU": "NEG", "Instance Type": "r7g.large", "PricePerUnit": "-1"]),
            F.ec2(["SKU": "A"]), F.ec2(["SKU": "B", "PricePerUnit": "0.2"]),
        ]
        let refusal = try #require(try refused(rows))
        #expect(refusal.report.rejected == [.negative: 1, .conflict: 1])
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        let path = try scratch.write("index.csv", F.csv(header: F.columns(F.ec2Header91), rows: rows))
        let reports = try db.importPriceLists(
            paths: [path],
            options: ImportOptions(capturedOn: "2026-01-15", now: { "2026-01-15T00:00:00Z" }, acceptPartial: true))
        #expect(try db.priceLines() == ["ec2 us-east-1 c7g.large linux on-demand hour 0.0725 2025-09-01"])
        // 4 rows read; kept: c7g.large only (m7g.xlarge's first row was dropped with its conflict); 2 rejected.
        #expect(reports[0].summary == "4 rows read, 1 kept, 2 rejected (1 price is negative), 1 conflict")
    }

    /// Cut right after `"",` inside a Windows row the byte filter drops: still reported as truncated.
    @Test func aFileCutInsideADroppedRowIsTruncated() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try seeded(scratch)
        let before = try fingerprint(db)
        let text = F.csv(
            header: F.columns(F.ec2Header91),
            rows: [F.ec2(), F.ec2(["SKU": "W", "TermType": "Savings", "RelatedTo": ""])])
        let cut = try #require(text.range(of: "\"\",", options: .backwards))
        let path = try scratch.write("index.csv", String(text[..<cut.upperBound]))
        #expect {
            _ = try db.importForTest([path])
        } throws: { error in
            "\(error)".contains("looks truncated")
        }
        #expect(try fingerprint(db) == before)
    }

    @Test(arguments: [
        ("null.json", "null\n", "JSON `null`"), ("string.json", "\"prices\"\n", "a bare JSON string"),
        ("other.json", "{\"hello\": 1}", "not a price list"),
    ])
    func nonPriceJSONIsOneClearError(_ name: String, _ text: String, _ expected: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try seeded(scratch)
        let before = try fingerprint(db)
        #expect {
            _ = try db.importForTest([try scratch.write(name, text)])
        } throws: { error in
            "\(error)".contains(expected)
        }
        #expect(try fingerprint(db) == before)
    }

    @Test func aCSVWithoutItsMetadataRowsIsAnError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try seeded(scratch)
        let full = F.csv(header: F.columns(F.ec2Header91), rows: [F.ec2()])
        let headless = full.split(separator: "\n").dropFirst(5).joined(separator: "\n") + "\n"
        #expect {
            _ = try db.importForTest([try scratch.write("index.csv", headless)])
        } throws: { error in
            "\(error)".contains("without the 5 metadata rows")
        }
    }

    /// A file whose rows the planner never uses (all Windows) has no usable price: refused, no import run recorded.
    @Test func aFileWithNoUsablePriceRecordsNoImportRun() throws {
        let refusal = try #require(try refused([F.ec2(["Operating System": "Windows"])]))
        #expect(refusal.nothingUsable && refusal.report.rowsSeen == 1)
    }

    /// A negative price written straight into the database never reaches a price book.
    @Test func aNegativeStoredPriceIsRefusedAtThePriceBook() throws {
        let db = try TacoDatabase.inMemory()
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO price (service, region, product, engine_os, purchase_option, unit, usd, effective_from,
                        source, confidence) VALUES ('ec2', 'us-west-2', 'm7g.xlarge', 'linux', 'on-demand', 'hour',
                        '-5', '2025-09-01', 'hand', 'hand')
                    """)
        }
        #expect(throws: StoreError.self) { _ = try db.priceBook(region: "us-west-2", asOf: .epoch) }
    }

    @Test func priceTextParsesDecimalsFromBytes() {
        #expect(PriceText.parse("0.1632000000") == .value(0.1632))
        #expect(PriceText.parse("438") == .value(438))
        #expect(PriceText.parse("-5") == .negative)
        #expect(PriceText.parse("-") == .notANumber)
        #expect(PriceText.canonical("0.1632000000") == "0.1632")
        #expect(PriceText.canonical("438.00") == "438")
        #expect(PriceText.canonical("100") == "100")
    }
}
