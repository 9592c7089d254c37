import Foundation
import GRDB
import Testing

@testable import TacoCore
@testable import TacoStore

/// A large bill import builds `bill_line`'s secondary indexes once at the end (`BillLineIndexes`): the schema after
/// any import, finished or failed, is the one before it, and the indexes hold exactly the table's rows.
@Suite struct BillLineIndexesTests {
    static let sample = BillImportTests.sample

    /// The `bill_line` indexes as SQLite stores them: (name, CREATE INDEX text).
    static func indexes(_ db: TacoDatabase) throws -> [String] {
        try db.writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bill_line' ORDER BY name"
            ).map { "\($0["name"] as String? ?? ""): \($0["sql"] as String? ?? "")" }
        }
    }

    /// `PRAGMA integrity_check`: "ok" only when every index holds exactly the rows of its table.
    static func integrity(_ db: TacoDatabase) throws -> [String] {
        try db.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    @Test func aFirstImportRebuildsTheThreeIndexesExactlyAsTheMigrationsMadeThem() throws {
        let db = try TacoDatabase.inMemory()
        let before = try Self.indexes(db)
        #expect(before.count == 3)  // window, account, tags
        // 755,423 bytes / 2,048 = 368 guessed rows ≥ 0 stored rows: the indexes are dropped and built at the end.
        let worth = try db.writer.read { try BillLineIndexes.worthRebuilding($0, fileBytes: 755_423, gzip: false) }
        #expect(worth)
        let result = try db.importBill(path: Self.sample, importedAt: "t")
        #expect(result.rows == 1000 && result.added)
        #expect(try Self.indexes(db) == before)
        #expect(try Self.integrity(db) == ["ok"])
    }

    @Test func aSmallFileIntoALargerStoreKeepsTheIndexes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        _ = try db.importBill(path: Self.sample, importedAt: "t1")
        // The header and the first 10 rows: 10 more rows, read with the indexes in place (1,000 stored rows > a few
        // hundred bytes / 2,048 = 0 guessed rows).
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let head = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(11).joined(separator: "\n")
        let small = try scratch.write("small.csv", head + "\n")
        let before = try Self.indexes(db)
        let result = try db.importBill(path: small, importedAt: "t2")
        #expect(result.rows == 10 && result.added)
        #expect(try BillImportTests.rowCount(db) == 1010)
        #expect(try Self.indexes(db) == before)
        #expect(try Self.integrity(db) == ["ok"])
    }

    @Test func theDecisionComparesStoredRowsWithTheGuessedRowsOfTheFile() throws {
        let db = try TacoDatabase.inMemory()
        _ = try db.importBill(path: Self.sample, importedAt: "t")
        // 1,000 rows stored. 999 × 2,048 bytes guess 999 rows: fewer, keep the indexes. 1,000 × 2,048 bytes guess
        // 1,000 rows: as many as stored, rebuild. A gzip of 100 × 2,048 bytes guesses 10 × 100 = 1,000 rows:
        // rebuild; of 99 × 2,048: 990, keep.
        let cases: [(bytes: Int64, gzip: Bool)] = [
            (999 * 2048, false), (1000 * 2048, false), (100 * 2048, true), (99 * 2048, true),
        ]
        var decisions: [Bool] = []
        for c in cases {
            let worth = try db.writer.read { try BillLineIndexes.worthRebuilding($0, fileBytes: c.bytes, gzip: c.gzip) }
            decisions.append(worth)
        }
        #expect(decisions == [false, true, true, false])
    }

    @Test func aFailedLargeImportLeavesTheIndexesInPlace() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Line 900 has a currency that is not an ISO code: the import fails after the indexes were dropped.
        let path = try BillImportTests.badCurrencyOnLine900(scratch)
        let db = try TacoDatabase.inMemory()
        let before = try Self.indexes(db)
        #expect(throws: BillProblem.self) { try db.importBill(path: path, importedAt: "t") }
        #expect(try Self.indexes(db) == before && before.count == 3)
        _ = try db.importBill(path: Self.sample, importedAt: "t2")
        #expect(try Self.integrity(db) == ["ok"])
    }
}
