import Foundation
import Testing

@testable import TacoStore

/// The CSV importer cuts each chunk at guessed line ends and parses the parts on two lanes at once
/// (`CSVRecordBatch`); these files are large enough (over `BulkCSVImporter.minimumSplit` twice, some over one 4 MiB
/// chunk) that it does.
@Suite struct ParallelCSVImportTests {
    typealias F = PriceListFixtures

    /// Row `i` (1-based): instance type `t<i>.large`, price `0.<i>` USD an hour, and a description of 40 quoted lines, so
    /// most guessed cuts fall inside a quoted field.
    static func row(_ i: Int, _ extra: [String: String] = [:]) -> [String: String] {
        let description = (1...40).map { "line \($0) of row \(i), with a comma and a \"\"quote\"\"" }
            .joined(separator: "\n")
        return F.ec2([
            "SKU": "S\(i)", "Instance Type": "t\(i).large", "PricePerUnit": "0.\(i)", "PriceDescription": description,
            "usageType": "BoxUsage:t\(i).large",
        ]).merging(extra) { $1 }
    }

    @Test func quotedLineEndsAcrossTheCutsAreOneRecordEach() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rows = (1...999).map { Self.row($0) }
        let text = F.csv(header: F.columns(F.ec2Header91), rows: rows)
        #expect(text.utf8.count > 2 * BulkCSVImporter.minimumSplit)
        let db = try TacoDatabase.inMemory()
        let reports = try db.importForTest([try scratch.write("index.csv", text)])
        // 999 rows, each its own instance type: 999 read, 999 kept, 999 new.
        #expect(reports.map(\.rowsSeen) == [999])
        #expect(reports.map(\.rowsKept) == [999])
        #expect(reports.map(\.rowsAdded) == [999])
        let lines = try db.priceLines()
        #expect(lines.contains("ec2 us-east-1 t1.large linux on-demand hour 0.1 2025-09-01"))
        #expect(lines.contains("ec2 us-east-1 t500.large linux on-demand hour 0.500 2025-09-01"))
        #expect(lines.contains("ec2 us-east-1 t999.large linux on-demand hour 0.999 2025-09-01"))
    }

    @Test func aMalformedRowPastTheFirstChunkIsReportedAtItsLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var rows = (1...3_000).map { Self.row($0) }
        // Row 2,500: a byte after the closing quote of its SKU.
        rows[2_499]["SKU"] = "S2500\"x"
        let text = F.csv(header: F.columns(F.ec2Header91), rows: rows)
        #expect(text.utf8.count > FileChunks.chunkSize)
        let db = try TacoDatabase.inMemory()
        // 5 metadata lines and the header come first, so data row 2,500 is record 6 + 2,500 = 2,506.
        #expect {
            _ = try db.importForTest([try scratch.write("index.csv", text)])
        } throws: { error in
            guard let error = error as? PriceListError else { return false }
            return error.line == 2_506 && error.message.contains("follows a closing quote")
        }
        #expect(try db.priceLines().isEmpty)
    }

    @Test func aRejectedRowIsNamedByItsLineAcrossChunks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var rows = (1...3_000).map { Self.row($0) }
        rows[2_899]["PricePerUnit"] = "-5"
        let db = try TacoDatabase.inMemory()
        let path = try scratch.write("index.csv", F.csv(header: F.columns(F.ec2Header91), rows: rows))
        var caught: ImportRefusal?
        do { _ = try db.importForTest([path]) } catch let refusal as ImportRefusal { caught = refusal }
        // Data row 2,900 is record 6 + 2,900 = 2,906; 3,000 read, 2,999 kept, 1 refused as negative.
        #expect(caught?.report.rejectionExamples[.negative] == "line 2906: '-5'")
        #expect(caught?.report.rowsSeen == 3_000)
        #expect(caught?.report.rowsKept == 2_999)
    }

    @Test func quotesAreCountedEightBytesAtATime() {
        // "ab","","c""d",e"  → quotes at 0, 3, 5, 6, 8, 10, 11, 13, 16: nine.
        let text = Array(#""ab","","c""d",e""#.utf8)
        text.withUnsafeBufferPointer { bytes in
            #expect(CSVScanner.quoteCount(bytes.baseAddress!, bytes.count) == 9)
            // The first 8 bytes ("ab","",) hold the quotes at 0, 3, 5, 6: 4.
            #expect(CSVScanner.quoteCount(bytes.baseAddress!, 8) == 4)
            // Bytes 9..<17 (c""d",e") hold quotes at 10, 11, 13, 16: 4.
            #expect(CSVScanner.quoteCount(bytes.baseAddress! + 9, 8) == 4)
        }
        // 0x22 is the quote; 0xA2 and 0x23 differ from it by one bit and are not quotes.
        let near: [UInt8] = [0xA2, 0x23, 0x22, 0x21, 0x02, 0x22, 0x62, 0x20, 0x22]
        near.withUnsafeBufferPointer { #expect(CSVScanner.quoteCount($0.baseAddress!, $0.count) == 3) }
    }
}
