import CZlib
import Foundation
import TacoCore

/// Streams the CSV records of a bill file, plain or gzip (zlib's `gzread` reads both), one record at a time:
/// RFC 4180 quoting, LF or CRLF, memory bounded by one read buffer plus one record (`BillLimits`). A truncated or
/// damaged gzip stream is a `BillProblem`, never a short import.
final class BillRecords {
    /// Bytes asked of `gzread` per call.
    static let readSize: UInt32 = 256 << 10

    let path: String
    private let file: gzFile
    private var buffer: [UInt8]
    private var position = 0
    private var count = 0
    private var finished = false
    /// Decompressed bytes read so far and their fingerprint: the same bill plain or gzip hashes the same.
    private(set) var bytesRead: Int64 = 0
    private(set) var hash = ContentHash()
    /// The physical line the next record starts on (1-based).
    private(set) var line = 1

    /// Whether the file is gzip (its first two bytes).
    let gzip: Bool
    /// Most decompressed bytes read: `BillLimits.maxBytes`, and for gzip `maxGzipRatio` × the compressed size
    /// (at least `gzipRatioFloor`), so a decompression bomb ends in bounded time.
    let maxBytes: Int64

    /// Opens a regular file (the caller checked it with `BillFileStamp.of`) of `compressedBytes` on disk.
    init(path: String, compressedBytes: Int64) throws(BillProblem) {
        self.path = path
        gzip = BillRecords.isGzip(path)
        maxBytes =
            gzip
            ? min(BillLimits.maxBytes, max(BillLimits.gzipRatioFloor, compressedBytes * BillLimits.maxGzipRatio))
            : BillLimits.maxBytes
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw BillProblem(
                file: path, line: nil, message: "no such readable file", fix: "check the path and permissions")
        }
        guard let f = gzopen(path, "rb") else {
            throw BillProblem(file: path, line: nil, message: "cannot open the file", fix: "check the path")
        }
        file = f
        buffer = [UInt8](repeating: 0, count: Int(Self.readSize))
    }

    deinit { gzclose(file) }

    /// Whether the file starts with the gzip magic bytes (for the import record).
    static func isGzip(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        return (try? h.read(upToCount: 2)) == Data([0x1f, 0x8b])
    }

    private func fill() throws(BillProblem) -> Bool {
        guard !finished else { return false }
        let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, Self.readSize) }
        if n < 0 || (n == 0 && gzerrorCode() != Z_OK) {
            throw BillProblem(
                file: path, line: line, message: "the gzip stream is truncated or damaged (\(gzerrorText()))",
                fix: "download the export part again; nothing was imported from this file")
        }
        if n == 0 {
            finished = true
            return false
        }
        buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<Int(n)])) }
        bytesRead += Int64(n)
        guard bytesRead <= maxBytes else {
            if gzip && maxBytes < BillLimits.maxBytes {
                throw BillProblem(
                    file: path, line: line,
                    message:
                        "the gzip stream inflates more than \(BillLimits.maxGzipRatio)× (past \(maxBytes >> 20) MiB): a decompression bomb, not an export",
                    fix: "export the bill again; nothing was imported from this file")
            }
            throw BillProblem(
                file: path, line: line, message: "larger than \(BillLimits.maxBytes >> 30) GiB decompressed",
                fix: "import the export's parts one by one (AWS Data Exports splits large months)")
        }
        position = 0
        count = Int(n)
        return true
    }

    private func gzerrorCode() -> Int32 {
        var code: Int32 = 0
        _ = gzerror(file, &code)
        return code
    }

    private func gzerrorText() -> String {
        var code: Int32 = 0
        guard let text = gzerror(file, &code) else { return "zlib error \(code)" }
        return String(cString: text)
    }

    /// The fields of the current record (after `advance`), unquoted, back to back; `fieldEnds[i]` is where
    /// field i ends.
    private(set) var fieldBytes: [UInt8] = []
    private(set) var fieldEnds: [Int] = []
    /// The line the current record starts on.
    private(set) var recordLine = 1

    /// The next record as its fields and the line it starts on; nil at the end of the file.
    func next() throws(BillProblem) -> (line: Int, cells: [String])? {
        guard try advance() else { return nil }
        return (recordLine, (0..<fieldEnds.count).map(cell))
    }

    /// True when the current record is one empty field (a blank line).
    var isBlank: Bool { fieldEnds.count == 1 && fieldEnds[0] == 0 }

    /// Moves to the next record (RFC 4180: quoted fields, doubled quotes, LF or CRLF); false at the end. Bytes are
    /// copied span by span, never one at a time.
    func advance() throws(BillProblem) -> Bool {
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        recordLine = line
        var inQuotes = false
        var afterQuote = false
        var started = false
        var spanStart = position
        func flush(to end: Int) throws(BillProblem) {
            if spanStart < end { fieldBytes.append(contentsOf: buffer[spanStart..<end]) }
            spanStart = end
            if fieldBytes.count > BillLimits.maxRecordBytes {
                throw BillProblem(
                    file: path, line: recordLine, message: "a record longer than \(BillLimits.maxRecordBytes) bytes",
                    fix: "check for an unclosed quote")
            }
        }
        while true {
            if position == count {
                try flush(to: position)
                guard try fill() else {
                    if inQuotes {
                        throw BillProblem(
                            file: path, line: recordLine, message: "a quoted field is never closed",
                            fix: "check the record's quotes (a cut file?)")
                    }
                    guard started else { return false }
                    fieldEnds.append(fieldBytes.count)
                    return true
                }
                spanStart = 0
            }
            started = true
            // Skip ordinary bytes in one tight loop.
            let stop: Int = buffer.withUnsafeBufferPointer { b in
                var i = position
                if inQuotes {
                    while i < count, b[i] != 0x22 {
                        if b[i] == 0x0A { line += 1 }
                        i += 1
                    }
                } else {
                    while i < count {
                        let c = b[i]
                        if c == 0x22 || c == 0x2C || c == 0x0A || c == 0x0D { break }
                        i += 1
                    }
                }
                return i
            }
            if stop > position { afterQuote = afterQuote && inQuotes }
            position = stop
            if position == count { continue }
            let byte = buffer[position]
            if inQuotes {
                // byte is the closing quote
                try flush(to: position)
                position += 1
                spanStart = position
                inQuotes = false
                afterQuote = true
                continue
            }
            switch byte {
            case 0x22:
                try flush(to: position)
                // A quote right after a closing quote is a literal quote: keep it and reopen.
                spanStart = afterQuote ? position : position + 1
                position += 1
                inQuotes = true
                afterQuote = false
            case 0x2C:
                try flush(to: position)
                fieldEnds.append(fieldBytes.count)
                position += 1
                spanStart = position
                afterQuote = false
            case 0x0A:
                try flush(to: position)
                line += 1
                position += 1
                spanStart = position
                if !afterQuote, fieldBytes.last == 0x0D, fieldBytes.count > (fieldEnds.last ?? 0) {
                    fieldBytes.removeLast()
                }
                fieldEnds.append(fieldBytes.count)
                return true
            default:  // 0x0D
                if afterQuote {
                    try flush(to: position)
                    position += 1
                    spanStart = position
                } else {
                    position += 1
                }
            }
        }
    }

    /// Field `i` of the current record as a String.
    func cell(_ i: Int) -> String {
        let start = i == 0 ? 0 : fieldEnds[i - 1]
        return fieldBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<fieldEnds[i]]), as: UTF8.self)
        }
    }
}

extension BillRecords: BillCells {
    var cellCount: Int { fieldEnds.count }
}
