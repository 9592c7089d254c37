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
    /// The read buffer: allocated once, read through a plain pointer (an Array's per-field
    /// `withUnsafeBufferPointer` cost a retain and a release each, 4 % of an import).
    private let buffer: UnsafeMutableBufferPointer<UInt8>
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
    init(path: String, compressedBytes: Int64, floor: Int64 = BillLimits.gzipRatioFloor) throws(BillProblem) {
        self.path = path
        gzip = BillRecords.isGzip(path)
        maxBytes =
            gzip
            ? min(BillLimits.maxBytes, max(floor, compressedBytes * BillLimits.maxGzipRatio))
            : BillLimits.maxBytes
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw BillProblem(
                file: path, line: nil, message: "no such readable file", fix: "check the path and permissions")
        }
        guard let f = gzopen(path, "rb") else {
            throw BillProblem(file: path, line: nil, message: "cannot open the file", fix: "check the path")
        }
        file = f
        buffer = .allocate(capacity: Int(Self.readSize))
        buffer.initialize(repeating: 0)
    }

    deinit {
        gzclose(file)
        buffer.deallocate()
    }

    /// Whether the file starts with the gzip magic bytes (for the import record).
    static func isGzip(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        return (try? h.read(upToCount: 2)) == Data([0x1f, 0x8b])
    }

    private func fill() throws(BillProblem) -> Bool {
        guard !finished else { return false }
        let n = gzread(file, buffer.baseAddress, Self.readSize)
        if n < 0 || (n == 0 && gzerrorCode() != Z_OK) {
            throw BillProblem(
                file: path, line: line, message: "the gzip stream is truncated or damaged (\(gzerrorText()))",
                fix: "download the export part again; nothing was imported from this file")
        }
        if n == 0 {
            finished = true
            return false
        }
        hash.update(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[0..<Int(n)])))
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

    /// Moves to the next record (RFC 4180: quoted fields, doubled quotes, LF or CRLF); false at the end. Bytes are
    /// copied span by span, never one at a time; the state lives in locals while scanning (no exclusivity checks
    /// on the class's properties per byte).
    func advance() throws(BillProblem) -> Bool {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        swap(&bytes, &fieldBytes)
        swap(&ends, &fieldEnds)
        defer {
            swap(&bytes, &fieldBytes)
            swap(&ends, &fieldEnds)
        }
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        return try advance(appendingTo: &bytes, ends: &ends)
    }

    /// `advance`, with the record's fields appended to `bytes` and their ends (offsets into `bytes`) to `ends`:
    /// a batch of records is filled without a copy per record.
    func advance(appendingTo bytes: inout [UInt8], ends: inout [Int]) throws(BillProblem) -> Bool {
        let base = bytes.count
        let firstEnd = ends.count
        recordLine = line
        var lineNumber = line
        defer { line = lineNumber }
        var inQuotes = false
        var afterQuote = false
        var started = false
        var position = self.position
        var count = self.count
        defer { self.position = position }
        var spanStart = position
        let path = self.path
        let startLine = recordLine
        let b = UnsafeBufferPointer(buffer)
        let words = UnsafeRawBufferPointer(b)
        while true {
            if position == count {
                if spanStart < position {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[spanStart..<position]))
                }
                self.position = position
                line = lineNumber
                guard try fill() else {
                    if inQuotes {
                        throw BillProblem(
                            file: path, line: startLine, message: "a quoted field is never closed",
                            fix: "check the record's quotes (a cut file?)")
                    }
                    guard started else { return false }
                    ends.append(bytes.count)
                    return true
                }
                position = 0
                count = self.count
                spanStart = 0
            }
            started = true
            var stop = position
            var byte: UInt8 = 0
            do {
                // Eight bytes at a time while a whole word is left (`BillRecords.firstMatch`), then byte by byte.
                if inQuotes {
                    while stop < count {
                        if stop + 8 <= count {
                            let word = words.loadUnaligned(fromByteOffset: stop, as: UInt64.self)
                            let skip = Self.firstMatch(word, quoted: true)
                            stop += skip
                            if skip == 8 { continue }
                        }
                        let c = b[stop]
                        if c == 0x22 { break }
                        if c == 0x0A { lineNumber += 1 }
                        stop += 1
                    }
                } else {
                    while stop < count {
                        if stop + 8 <= count {
                            let word = words.loadUnaligned(fromByteOffset: stop, as: UInt64.self)
                            let skip = Self.firstMatch(word, quoted: false)
                            stop += skip
                            if skip < 8 { break }
                            continue
                        }
                        let c = b[stop]
                        if c == 0x22 || c == 0x2C || c == 0x0A || c == 0x0D { break }
                        stop += 1
                    }
                }
                if stop < count { byte = b[stop] }
                // The span up to a delimiter or quote is content.
                if stop < count, byte != 0x0D || afterQuote || inQuotes, spanStart < stop {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[spanStart..<stop]))
                    spanStart = stop
                }
            }
            if stop > position && !inQuotes { afterQuote = false }
            position = stop
            if bytes.count - base > BillLimits.maxRecordBytes {
                throw BillProblem(
                    file: path, line: startLine, message: "a record longer than \(BillLimits.maxRecordBytes) bytes",
                    fix: "check for an unclosed quote")
            }
            if position == count { continue }
            if inQuotes {  // the closing quote
                position += 1
                spanStart = position
                inQuotes = false
                afterQuote = true
                continue
            }
            switch byte {
            case 0x22:
                // A quote right after a closing quote is a literal quote: keep it and reopen.
                spanStart = afterQuote ? position : position + 1
                position += 1
                inQuotes = true
                afterQuote = false
            case 0x2C:
                ends.append(bytes.count)
                position += 1
                spanStart = position
                afterQuote = false
            case 0x0A:
                lineNumber += 1
                position += 1
                spanStart = position
                if !afterQuote, bytes.last == 0x0D, bytes.count > (ends.count > firstEnd ? ends[ends.count - 1] : base)
                {
                    bytes.removeLast()
                }
                ends.append(bytes.count)
                return true
            default:  // 0x0D: content, unless right after a closing quote
                if afterQuote { spanStart = position + 1 }
                position += 1
            }
        }
    }

    /// How many of a little-endian word's 8 bytes come before the first byte the scanner must stop at: a quote or
    /// LF inside quotes (LF is counted as a line), else a quote, comma, LF or CR; 8 when there is none. SWAR
    /// ("determine if a word has a byte equal to n", Anderson's Bit Twiddling Hacks): (x − 0x01…) & ~x & 0x80…
    /// marks the zero bytes of x = word XOR n; a borrow can only mark bytes above a true zero, so the lowest mark
    /// is exact.
    @inline(__always)
    static func firstMatch(_ word: UInt64, quoted: Bool) -> Int {
        @inline(__always) func zeros(_ x: UInt64) -> UInt64 {
            (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        var marks = zeros(word ^ 0x2222_2222_2222_2222) | zeros(word ^ 0x0A0A_0A0A_0A0A_0A0A)
        if !quoted { marks |= zeros(word ^ 0x2C2C_2C2C_2C2C_2C2C) | zeros(word ^ 0x0D0D_0D0D_0D0D_0D0D) }
        return marks.trailingZeroBitCount >> 3
    }

    /// Field `i` of the current record as a String.
    func cell(_ i: Int) -> String {
        let start = i == 0 ? 0 : fieldEnds[i - 1]
        return fieldBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<fieldEnds[i]]), as: UTF8.self)
        }
    }

    /// Field `i` of the current record as bytes, for the cells read as numbers or instants (no String made).
    func withCellBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = i == 0 ? 0 : fieldEnds[i - 1]
        let end = fieldEnds[i]
        return fieldBytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }
}

extension BillRecords: BillCells {
    var cellCount: Int { fieldEnds.count }
}
