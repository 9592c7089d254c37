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
        scratchStarts.deallocate()
        scratchEnds.deallocate()
    }

    /// Most fields of a record read by `wholeRecord` (a longer one goes through the state machine, and the reader
    /// then refuses it: a header has at most `BillLimits.maxColumns`).
    static let scratchFields = BillLimits.maxColumns
    /// Where `wholeRecord` notes the current record's field bounds.
    private let scratchStarts = UnsafeMutablePointer<Int>.allocate(capacity: scratchFields)
    private let scratchEnds = UnsafeMutablePointer<Int>.allocate(capacity: scratchFields)

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

    /// The fields of the current record (after `advance`), unquoted: field i is `fieldBytes[fieldStarts[i]..<
    /// fieldEnds[i]]`.
    private(set) var fieldBytes: [UInt8] = []
    private(set) var fieldStarts: [Int] = []
    private(set) var fieldEnds: [Int] = []
    /// The line the current record starts on.
    private(set) var recordLine = 1

    /// The next record as its fields and the line it starts on; nil at the end of the file.
    func next() throws(BillProblem) -> (line: Int, cells: [String])? {
        guard try advance() else { return nil }
        return (recordLine, (0..<fieldEnds.count).map(cell))
    }

    /// Moves to the next record (RFC 4180: quoted fields, doubled quotes, LF or CRLF); false at the end.
    func advance() throws(BillProblem) -> Bool {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        swap(&bytes, &fieldBytes)
        swap(&starts, &fieldStarts)
        swap(&ends, &fieldEnds)
        defer {
            swap(&bytes, &fieldBytes)
            swap(&starts, &fieldStarts)
            swap(&ends, &fieldEnds)
        }
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        return try advance(appendingTo: &bytes, starts: &starts, ends: &ends)
    }

    /// `advance`, with the record appended to `bytes` and where each field starts and ends in it to `starts` and
    /// `ends`: a batch of records is filled without a copy per record. A record that lies whole in the read buffer
    /// and has no doubled quote, stray CR or quote inside an unquoted field (nearly every record of an export) is
    /// copied as it is, in one piece, its fields' bounds found 8 bytes at a time (`wholeRecord`); any other goes
    /// through the state machine below, which copies its fields' content span by span.
    func advance(appendingTo bytes: inout [UInt8], starts: inout [Int], ends: inout [Int]) throws(BillProblem) -> Bool {
        if wholeRecord(&bytes, &starts, &ends) { return true }
        let base = bytes.count
        starts.append(base)
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
                    guard started else {
                        starts.removeLast()
                        return false
                    }
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
                starts.append(bytes.count)
                position += 1
                spanStart = position
                afterQuote = false
            case 0x0A:
                lineNumber += 1
                position += 1
                spanStart = position
                if !afterQuote, bytes.last == 0x0D, bytes.count > starts[starts.count - 1] { bytes.removeLast() }
                ends.append(bytes.count)
                return true
            default:  // 0x0D: content, unless right after a closing quote
                if afterQuote { spanStart = position + 1 }
                position += 1
            }
        }
    }

    /// Reads the next record when it lies whole in the read buffer and is plain (quoted fields without doubled
    /// quotes, unquoted fields without quotes, CR only before LF): copies its bytes once and notes where each
    /// field's content starts and ends. False, with nothing appended and nothing consumed, for any other record.
    private func wholeRecord(_ bytes: inout [UInt8], _ starts: inout [Int], _ ends: inout [Int]) -> Bool {
        let count = self.count
        let first = position
        let b = UnsafeBufferPointer(buffer)
        let words = UnsafeRawBufferPointer(b)
        // Field bounds go to the scratch buffers first (offsets into `bytes` once the record is appended) and are
        // appended in one piece when the record is complete: no Array append per field.
        let base = bytes.count - first
        let fieldStarts = scratchStarts
        let fieldEnds = scratchEnds
        var fields = 0
        var p = first
        var lines = 0
        /// Fields (by number in the record) holding doubled quotes; past the 64th, all are checked.
        var escaped: UInt64 = 0
        var escapedBeyond = false
        while true {
            guard p < count, fields < Self.scratchFields else { return false }
            var q: Int
            var next: UInt8
            if b[p] == 0x22 {
                q = p + 1
                while true {
                    if q + 8 <= count {
                        let skip = Self.firstMatch(
                            words.loadUnaligned(fromByteOffset: q, as: UInt64.self), quoted: true)
                        q += skip
                        if skip == 8 { continue }
                    }
                    guard q + 1 < count else { return false }
                    let c = b[q]
                    if c == 0x22 {
                        guard b[q + 1] == 0x22 else { break }
                        // A doubled quote: content, unescaped once the record is copied.
                        if fields < 64 { escaped |= 1 << UInt64(fields) } else { escapedBeyond = true }
                        q += 2
                        continue
                    }
                    if c == 0x0A { lines += 1 }
                    q += 1
                }
                fieldStarts[fields] = base + p + 1
                fieldEnds[fields] = base + q
                next = b[q + 1]
                q += 1
            } else {
                q = p
                while true {
                    if q + 8 <= count {
                        let skip = Self.firstMatch(
                            words.loadUnaligned(fromByteOffset: q, as: UInt64.self), quoted: false)
                        q += skip
                        if skip < 8 { break }
                        continue
                    }
                    guard q < count else { return false }
                    let c = b[q]
                    if c == 0x22 || c == 0x2C || c == 0x0A || c == 0x0D { break }
                    q += 1
                }
                guard q < count else { return false }
                fieldStarts[fields] = base + p
                fieldEnds[fields] = base + q
                next = b[q]
            }
            fields += 1
            switch next {
            case 0x2C:
                p = q + 1
                continue
            case 0x0A:
                p = q + 1
            case 0x0D:
                guard q + 1 < count, b[q + 1] == 0x0A else { return false }
                p = q + 2
            default:  // a doubled quote, or a quote inside an unquoted field
                return false
            }
            break
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[first..<p]))
        if escaped != 0 || escapedBeyond {
            bytes.withUnsafeMutableBufferPointer { out in
                for k in 0..<fields {
                    guard k < 64 ? escaped & (1 << UInt64(k)) != 0 : escapedBeyond else { continue }
                    // Every quote inside a quoted field's content is the first of a doubled pair: keep one.
                    var write = fieldStarts[k]
                    var read = write
                    while read < fieldEnds[k] {
                        let c = out[read]
                        out[write] = c
                        write += 1
                        read += c == 0x22 ? 2 : 1
                    }
                    fieldEnds[k] = write
                }
            }
        }
        starts.append(contentsOf: UnsafeBufferPointer(start: fieldStarts, count: fields))
        ends.append(contentsOf: UnsafeBufferPointer(start: fieldEnds, count: fields))
        recordLine = line
        line += lines + 1
        position = p
        return true
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
        fieldBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[fieldStarts[i]..<fieldEnds[i]]), as: UTF8.self)
        }
    }

    /// Field `i` of the current record as bytes, for the cells read as numbers or instants (no String made).
    func withCellBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        fieldBytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[fieldStarts[i]..<fieldEnds[i]])) }
    }
}

extension BillRecords: BillCells {
    var cellCount: Int { fieldEnds.count }
}
