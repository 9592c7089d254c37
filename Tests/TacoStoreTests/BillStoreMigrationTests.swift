import Foundation
import GRDB
import Testing

@testable import TacoCore
@testable import TacoStore

/// The compact bill store's migration (issue 21) moves the rows of the first bill table over, exactly, and the
/// gzip bound of a bill file.
@Suite struct BillStoreMigrationTests {
    @Test func rowsOfTheFirstBillTableMoveToTheCompactStoreExactly() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v4 price list fetch validators")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO bill_file (id, file_name, format, gzip, content_hash, content_size, row_count, imported_at)
                    VALUES (1, 'old.csv', 'focus', 0, 'abc', 10, 2, 't');
                    INSERT INTO bill_row (file_id, line, provider, account_id, currency, billed_cost, consumed_quantity,
                        charge_start, charge_end, charge_category, service_name, tags, extra)
                    VALUES (1, 2, 'AWS', '111', 'USD', '0.00001605990', '2.5', 1727733600, 1727737200, 'Usage',
                        'Amazon ElastiCache', '{"a":"1"}', '{}'),
                        (1, 3, 'AWS', '111', 'USD', '123456789012.123456789', NULL, 1727733600, 1727737200, 'Usage',
                        'Amazon ElastiCache', '{}', '{}');
                    """)
        }
        let db = try TacoDatabase(writer: queue, path: nil)
        let sums = try db.billChargeSums(BillRowFilter(from: BillLimits.earliestCharge, to: BillLimits.latestCharge))
        #expect(sums.count == 1 && sums[0].rows == 2)
        // 0.00001605990 + 123456789012.123456789 = 123456789012.1234728489 (the second has 21 digits: its units do
        // not fit 58 bits, so it is stored as exact text); the quantity 2.5 + NULL = 2.5.
        #expect(sums[0].billedCost == Decimal(string: "123456789012.1234728489"))
        #expect(sums[0].quantity == Decimal(string: "2.5"))
        #expect(try db.billFiles().count == 1)
        let aws = try queue.read { db in try Int.fetchOne(db, sql: "SELECT aws_rows FROM bill_file") }
        #expect(aws == 2)
        #expect(try queue.read { db in try db.tableExists("bill_row") } == false)
    }

    @Test func rowsOfTheKeyedBillTableMoveToTheRowidTableInFileOrder() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v5 plan run as-of day")
        try queue.write { db in
            // Two lines of one file written out of order into the (file_id, line)-keyed table. Text ids: 1 AWS,
            // 2 account 111, 3 USD, 4 Usage, 5 ElastiCache, 6 {}. Amounts packed as units × 32 + scale:
            // 1.25 = 125 × 32 + 2 = 4,002 and 0.5 = 5 × 32 + 1 = 161.
            try db.execute(
                sql: """
                    INSERT INTO bill_file (id, file_name, format, gzip, content_hash, content_size, row_count, imported_at)
                    VALUES (1, 'keyed.csv', 'focus', 0, 'abc', 10, 2, 't');
                    INSERT INTO bill_text (id, text) VALUES (1, 'AWS'), (2, '111'), (3, 'USD'), (4, 'Usage'),
                        (5, 'Amazon ElastiCache'), (6, '{}');
                    INSERT INTO bill_line (file_id, line, charge_start, charge_end, provider, account, currency,
                        billed_cost, charge_category, service_name, tags)
                    VALUES (1, 3, 1727733600, 1727737200, 1, 2, 3, 161, 4, 5, 6),
                        (1, 2, 1727733600, 1727737200, 1, 2, 3, 4002, 4, 5, 6);
                    """)
            let keyed = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'bill_line'")
            #expect(keyed?.contains("WITHOUT ROWID") == true)
        }
        let db = try TacoDatabase(writer: queue, path: nil)
        try queue.read { db in
            let table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'bill_line'")
            #expect(table?.contains("WITHOUT ROWID") == false)
            // Copied in (file_id, line) order: line 2 gets rowid 1, line 3 rowid 2.
            let order = try Row.fetchAll(db, sql: "SELECT rowid, line, billed_cost FROM bill_line ORDER BY rowid")
                .map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] }
            #expect(order == [[1, 2, 4002], [2, 3, 161]])
            let indexes = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bill_line' ORDER BY name")
            // The service index, which no query reads, is dropped by the last migration.
            #expect(indexes == ["bill_line_by_account", "bill_line_by_start", "bill_line_by_tags"])
        }
        // 1.25 + 0.5 = 1.75 over the 2 rows of one charge; its first line is 2.
        let sums = try db.billChargeSums(BillRowFilter(from: BillLimits.earliestCharge, to: BillLimits.latestCharge))
        #expect(sums.count == 1 && sums[0].rows == 2 && sums[0].billedCost == Decimal(string: "1.75"))
        #expect(sums[0].lines == [2])
        #expect(try db.integrityCheck() == "ok")
    }

    @Test func packedAmountsAreExactAndOutOfRangeOnesRefused() throws {
        // 0.00001605990 = 160599 × 10⁻¹⁰: packed 160599 × 32 + 10 = 5,139,178.
        let a = try BillAmount.parse("0.00001605990").get()
        #expect(a.units == 160_599 && a.scale == 10 && a.packed == 5_139_178)
        #expect(BillAmount(packed: 5_139_178).decimal == Decimal(string: "0.0000160599"))
        // −75.6 = −756 × 10⁻¹: packed −756 × 32 + 1 = −24,191; 1.5E-4 = 15 × 10⁻⁵.
        #expect(try BillAmount.parse("-75.6").get().packed == -24_191)
        #expect(BillAmount(packed: -24_191).decimal == Decimal(string: "-75.6"))
        #expect(try BillAmount.parse("1.5E-4").get().decimal == Decimal(string: "0.00015"))
        #expect(try BillAmount.parse("240").get().packed == 240 * 32)
        #expect(
            BillAmount.parse(String(repeating: "9", count: 39))
                == .failure(.outOfRange("39 significant digits, more than 38")))
        #expect(BillAmount.parse("1E15") == .failure(.outOfRange("a magnitude of 10^15 or more, at most 10^15")))
        #expect(BillAmount.parse("1E-25") == .failure(.outOfRange("25 decimal places, more than 24")))
        for bad in ["", "-", "1.2.3", "1,5", "$3", "1e", "NaN", "inf"] {
            #expect(BillAmount.parse(bad) == .failure(.notANumber), "\(bad)")
        }
    }
}

/// A gzip bill may inflate at most `BillLimits.maxGzipRatio` × its compressed size (past the 64 MiB floor, lowered
/// here to keep the test small): a bomb of valid-looking rows ends with a clear error, not after gigabytes.
@Suite struct BillGzipBoundTests {
    @Test func aGzipThatInflatesPast200TimesItsSizeIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bill-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bomb = dir.appendingPathComponent("bomb.csv.gz").path
        // 8 MiB of one repeated row compresses about 1,000×: far past 200×.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "yes 'a,b,c,d,e,f,g,h' | head -c 8388608 | gzip -9 > '\(bomb)'"]
        try p.run()
        p.waitUntilExit()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int64)
        let records = try BillRecords(path: bomb, compressedBytes: size, floor: 0)
        #expect(records.gzip && records.maxBytes == size * 200)
        do {
            while try records.advance() {}
            Issue.record("the bomb was read to its end")
        } catch {
            #expect(error.message.contains("inflates more than 200×"), "\(error.message)")
            #expect(records.bytesRead <= size * 200 + Int64(BillRecords.readSize))
        }
    }
}
