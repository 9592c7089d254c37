#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An RFC 4180 field scanner over raw bytes (quoted fields, doubled quotes, LF or CRLF). It never builds a String:
/// callers compare byte ranges and materialise only the fields of rows they keep.
struct CSVScanner {
    let base: UnsafePointer<UInt8>
    /// Valid bytes in the buffer.
    let end: Int
    /// True when no more bytes will follow `end`; false means a record reaching `end` may continue in the next chunk.
    let atEOF: Bool

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// One field: its content bytes `start..<end` (inside the quotes), whether it holds doubled quotes,
    /// where the next field or record starts, and whether this field ended its record.
    struct Field {
        var start: Int
        var end: Int
        var escaped: Bool
        var next: Int
        var endsRecord: Bool
    }

    enum Scan {
        case field(Field)
        /// The field may continue past the buffer: read more and scan the record again.
        case incomplete
        /// A quote is never closed before the end of the file.
        case unclosedQuote
        /// A closing quote is followed by something other than a comma or a line end.
        case junkAfterQuote
    }

    @inline(__always)
    func field(at position: Int) -> Scan {
        if position < end && base[position] == Self.quote {
            var index = position + 1
            var escaped = false
            while true {
                guard let closing = nextQuote(from: index) else { return atEOF ? .unclosedQuote : .incomplete }
                if closing + 1 < end && base[closing + 1] == Self.quote {
                    escaped = true
                    index = closing + 2
                    continue
                }
                if closing + 1 == end && !atEOF { return .incomplete }
                return delimiter(after: closing + 1, start: position + 1, end: closing, escaped: escaped)
            }
        }
        var index = position
        while index < end {
            let byte = base[index]
            if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
            index += 1
        }
        return delimiter(after: index, start: position, end: index, escaped: false)
    }

    @inline(__always)
    private func delimiter(after index: Int, start: Int, end contentEnd: Int, escaped: Bool) -> Scan {
        guard index < end else {
            return atEOF
                ? .field(Field(start: start, end: contentEnd, escaped: escaped, next: end, endsRecord: true))
                : .incomplete
        }
        switch base[index] {
        case Self.comma:
            return .field(Field(start: start, end: contentEnd, escaped: escaped, next: index + 1, endsRecord: false))
        case Self.newline:
            return .field(Field(start: start, end: contentEnd, escaped: escaped, next: index + 1, endsRecord: true))
        case Self.carriageReturn:
            if index + 1 < end && base[index + 1] == Self.newline {
                return .field(Field(start: start, end: contentEnd, escaped: escaped, next: index + 2, endsRecord: true))
            }
            if index + 1 == end && !atEOF { return .incomplete }
            return .field(Field(start: start, end: contentEnd, escaped: escaped, next: index + 1, endsRecord: true))
        default:
            return .junkAfterQuote
        }
    }

    /// The first `"` at or after `position`, 8 bytes a step; nil when there is none before `end`. Most fields are
    /// short (`""`, `"NA"`, `"Hrs"`), so this beats a `memchr` call. In each word XORed with 0x22 in every byte a quote
    /// becomes a zero byte; `(x - 0x01…) & ~x & 0x80…` sets the top bit of every zero byte and possibly of bytes
    /// above one (a borrow), never below, so the lowest bit set is the first quote (little-endian load).
    @inline(__always)
    func nextQuote(from position: Int) -> Int? {
        let raw = UnsafeRawPointer(base)
        var index = position
        while index + 8 <= end {
            let word =
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                ^ 0x2222_2222_2222_2222
            let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if zeros != 0 { return index + zeros.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            if base[index] == Self.quote { return index }
            index += 1
        }
        return nil
    }

    /// From the start of a field (outside quotes), the start of the next record: the first newline preceded by an
    /// even number of quotes. nil when the record continues past the buffer; `end` when the file ends first.
    @inline(__always)
    func skipRecord(from position: Int) -> Int? {
        var index = position
        var quotes = 0
        while index < end {
            guard let hit = memchr(base + index, Int32(Self.newline), end - index) else { break }
            let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            quotes &+= Self.quoteCount(base + index, newline - index)
            if quotes & 1 == 0 { return newline + 1 }
            index = newline + 1
        }
        return atEOF ? end : nil
    }

    /// The number of `"` bytes in `count` bytes from `start`, 8 bytes a step: in each word XORed with `""""""""`
    /// a quote becomes a zero byte, and `~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)` sets exactly the top bit of each
    /// zero byte (no carries cross bytes), so the bits set count the quotes.
    @inline(__always)
    static func quoteCount(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let quotes: UInt64 = 0x2222_2222_2222_2222
        let raw = UnsafeRawPointer(start)
        var total = 0
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ quotes
            total &+= (~(((word & low) &+ low) | word | low)).nonzeroBitCount
            index += 8
        }
        while index < count {
            total &+= start[index] == quote ? 1 : 0
            index += 1
        }
        return total
    }

    /// The field's text, with doubled quotes undone.
    func text(_ field: Field) -> String {
        let raw = UnsafeBufferPointer(start: base + field.start, count: field.end - field.start)
        let text = String(decoding: raw, as: UTF8.self)
        return field.escaped ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// True when the field's bytes are exactly `value`.
    @inline(__always)
    func field(_ field: Field, equals value: [UInt8]) -> Bool {
        guard field.end - field.start == value.count else { return false }
        // The values compared are short (`OnDemand`, `Compute Instance`): a loop beats a `memcmp` call.
        return value.withUnsafeBufferPointer { bytes in
            let start = base + field.start
            for index in 0..<bytes.count where start[index] != bytes[index] { return false }
            return true
        }
    }
}
