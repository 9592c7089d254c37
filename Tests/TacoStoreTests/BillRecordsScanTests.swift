import Foundation
import Testing

@testable import TacoCore
@testable import TacoStore

/// The bill scanner (`BillRecords`): records copied whole with their fields' bounds when they lie in the read
/// buffer, through the byte-by-byte state machine when they do not, with the same fields and lines either way.
@Suite struct BillRecordsScanTests {
    static func records(_ path: String) throws -> [(line: Int, cells: [String])] {
        let records = try BillRecords(path: path, compressedBytes: 0)
        var out: [(line: Int, cells: [String])] = []
        while let r = try records.next() { out.append(r) }
        return out
    }

    @Test func quotesCRLFEmbeddedLinesAndAnUnterminatedLastRecord() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Line 1: a doubled quote, an empty field, a quoted line break, CRLF. Line 3: a blank line (one empty
        // field). Line 4: no newline at the end of the file.
        let path = try scratch.write("q.csv", "a,\"b \"\"q\"\" c\",,\"multi\nline\",x\r\n\n\"\",NULL,\"end\"")
        let got = try Self.records(path)
        #expect(got.map(\.line) == [1, 3, 4])
        #expect(got.map(\.cells) == [["a", "b \"q\" c", "", "multi\nline", "x"], [""], ["", "NULL", "end"]])
    }

    @Test func recordsAcrossTheReadBufferReadTheSameAsWholeOnes() throws {
        // 6,000 records of 1–9 fields (about 0.9 MB, so several cross the 256 KiB read buffer's end), written from
        // known fields: plain text, quoted text with doubled quotes, commas and line breaks, empty fields; LF or CRLF.
        // Reading them back must give the same fields, each record on the line its first byte is on.
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let plain = Array("abcxyz0123456789.-")
        let quoted = Array("abc ,\"\n{}:")
        var text = ""
        var expected: [(line: Int, cells: [String])] = []
        var line = 1
        for _ in 0..<6000 {
            var cells: [String] = []
            var written: [String] = []
            for _ in 0..<(1 + next(9)) {
                switch next(3) {
                case 0:
                    let cell = String((0..<next(40)).map { _ in plain[next(plain.count)] })
                    cells.append(cell)
                    written.append(cell)
                case 1:
                    let cell = String((0..<next(120)).map { _ in quoted[next(quoted.count)] })
                    cells.append(cell)
                    written.append("\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                default:
                    cells.append("")
                    written.append(next(2) == 0 ? "" : "\"\"")
                }
            }
            if cells == [""] { continue }  // a blank record is read back as one empty field; not this test's point
            expected.append((line, cells))
            let record = written.joined(separator: ",") + (next(2) == 0 ? "\n" : "\r\n")
            line += record.utf8.filter { $0 == 0x0A }.count
            text += record
        }
        #expect(text.utf8.count > 3 * Int(BillRecords.readSize))
        let scratch = try Scratch()
        defer { scratch.remove() }
        let got = try Self.records(try scratch.write("r.csv", text))
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) where g.line != e.line || g.cells != e.cells {
            Issue.record("line \(e.line): read \(g.line) \(g.cells), wrote \(e.cells)")
            break
        }
    }
}
