import Foundation
import GRDB
import Testing

@testable import TacoStore

/// The CSV importer reads the next chunk while the current one is parsed (`FileChunks.readAhead`), cuts each chunk
/// into up to `BulkCSVImporter.maxParts` parts and finds quotes 8 bytes at a time (`CSVScanner.nextQuote`). These
/// cases pin what must not change: records longer than the read-ahead's tail room or than a whole chunk, the
/// file's fingerprint, and the quote search at every offset.
@Suite struct ReadAheadImportTests {
    typealias F = PriceListFixtures

    /// Six rows whose descriptions are 1.5 MiB, 5 MiB (more than a 4 MiB chunk: the buffer grows), 0.3 MiB, 2 MiB,
    /// 1 KiB and 3 MiB of quoted text (over 12 MiB, so every chunk boundary cuts a record, most of them more than
    /// `tailRoom` from its start). Each row is its own instance type: 6 read, 6 kept, 6 new; and the fingerprint
    /// recorded is that of the whole file, computed here in one piece.
    @Test func recordsLongerThanTheTailRoomOrAChunkAreReadWhole() throws {
        let sizes = [1_536 << 10, 5 << 20, 300 << 10, 2 << 20, 1 << 10, 3 << 20]
        #expect(sizes.max()! > FileChunks.chunkSize && sizes.min()! < FileChunks.tailRoom)
        let rows = sizes.enumerated().map { index, size in
            let line = "a line, with a comma and a \"\"quote\"\"\n"
            let description = String(String(repeating: line, count: size / line.utf8.count + 1).prefix(size))
            return F.ec2([
                "SKU": "S\(index + 1)", "Instance Type": "t\(index + 1).large", "PricePerUnit": "0.\(index + 1)",
                "PriceDescription": description, "usageType": "BoxUsage:t\(index + 1).large",
            ])
        }
        let text = F.csv(header: F.columns(F.ec2Header91), rows: rows)
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("index.csv", text)
        let db = try TacoDatabase.inMemory()
        let reports = try db.importForTest([path])
        #expect(reports.map(\.rowsSeen) == [6])
        #expect(reports.map(\.rowsKept) == [6])
        #expect(reports.map(\.rowsAdded) == [6])
        let lines = try db.priceLines()
        #expect(lines.contains("ec2 us-east-1 t2.large linux on-demand hour 0.2 2025-09-01"))
        #expect(lines.contains("ec2 us-east-1 t6.large linux on-demand hour 0.6 2025-09-01"))
        var whole = ContentHash()
        Array(text.utf8).withUnsafeBytes { whole.update($0) }
        let recorded = try db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT content_size, content_hash FROM import_run")
        }
        #expect(recorded?["content_size"] == text.utf8.count)
        #expect(recorded?["content_hash"] == whole.hex)
    }

    /// `nextQuote` against a byte-by-byte search, from every start in a 40-byte text with quotes at 0, 9, 10, 17,
    /// 24 and 39 (word borders and the last byte) and bytes above 0x7F (which must not look like quotes).
    @Test func theQuoteSearchFindsTheFirstQuoteFromEveryStart() {
        var bytes = (0..<40).map { UInt8(truncatingIfNeeded: 0x80 + $0 * 3) }
        for index in [0, 9, 10, 17, 24, 39] { bytes[index] = CSVScanner.quote }
        bytes.withUnsafeBufferPointer { buffer in
            for end in [39, 40] {
                let scanner = CSVScanner(base: buffer.baseAddress!, end: end, atEOF: true)
                for start in 0...end {
                    let expected = (start..<end).first { bytes[$0] == CSVScanner.quote }
                    #expect(scanner.nextQuote(from: start) == expected, "from \(start) to \(end)")
                }
            }
        }
    }

    /// A lane's memo spares a row its SKU once a row of its template was kept in this or an earlier batch of the
    /// lane (they are applied first), until the importer throws batches away (`forgetKeeps`): then the next kept
    /// row brings its SKU again.
    @Test func aMemoForgetsItsKeepsWhenBatchesAreThrownAway() {
        let bytes = Array("ab,cd\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let scanner = CSVScanner(base: buffer.baseAddress!, end: bytes.count, atEOF: true)
            let fields = UnsafeMutableBufferPointer<CSVScanner.Field>.allocate(capacity: 2)
            defer { fields.deallocate() }
            fields[0] = CSVScanner.Field(start: 0, end: 2, escaped: false, next: 3, endsRecord: false)
            fields[1] = CSVScanner.Field(start: 3, end: 5, escaped: false, next: 6, endsRecord: true)
            let memo = VerdictMemo()
            func keep() -> Bool {
                _ = memo.template([0, 1], scanner, fields) { nil }
                return memo.firstKeep()
            }
            memo.startBatch()
            // First row: not remembered yet (doorkeeper), so it brings its SKU; second row: remembered, first keep.
            #expect(keep() && keep())
            #expect(!keep())
            memo.startBatch()
            #expect(!keep())
            memo.forgetKeeps()
            memo.startBatch()
            #expect(keep() && !keep())
        }
    }
}
