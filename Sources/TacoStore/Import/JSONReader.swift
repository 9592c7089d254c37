/// An incremental JSON reader over a file read in chunks (or bytes in memory). It walks objects key by key so an
/// importer can stream a multi-gigabyte offer and materialise only one product or term at a time. Errors name
/// the line.
final class JSONReader {
    private let chunks: FileChunks?
    private let owned: UnsafeMutableBufferPointer<UInt8>?
    private var base: UnsafePointer<UInt8>?
    private var count = 0
    private var position = 0
    let fileName: String
    /// The 1-based line of the next byte.
    private(set) var line = 1

    /// Reads from `chunks`, starting at the beginning of its buffer.
    init(chunks: FileChunks, fileName: String) {
        self.chunks = chunks
        owned = nil
        self.fileName = fileName
        base = chunks.buffer.baseAddress.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
        count = chunks.count
    }

    /// Reads a copy of `bytes` (get-products elements, small files).
    init(bytes: [UInt8], fileName: String, line: Int = 1) {
        chunks = nil
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        owned = copy
        base = UnsafePointer(copy.baseAddress)
        count = bytes.count
        self.fileName = fileName
        self.line = line
    }

    deinit { owned?.deallocate() }

    func fail(_ message: String) -> PriceListError {
        PriceListError(file: fileName, line: line, message: message)
    }

    /// The next byte without consuming it; nil at the end of the input.
    private func peek() throws -> UInt8? {
        if position == count {
            guard let chunks, try chunks.refill(keepingFrom: count) else { return nil }
            base = chunks.buffer.baseAddress.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
            count = chunks.count
            position = 0
            if count == 0 { return nil }
        }
        return base?[position]
    }

    private func advance() {
        if base?[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
    }

    /// The next non-space byte without consuming it; nil at the end of the input.
    func peekToken() throws -> UInt8? {
        while let byte = try peek() {
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            advance()
        }
        return nil
    }

    private func expect(_ byte: UInt8, _ what: String) throws {
        guard let next = try peekToken() else {
            throw fail("the JSON ends early, expected \(what): the file looks truncated")
        }
        guard next == byte else { throw fail("expected \(what), found '\(Character(Unicode.Scalar(next)))'") }
        advance()
    }

    /// Consumes `{`.
    func beginObject() throws { try expect(UInt8(ascii: "{"), "'{'") }

    /// The next key of the current object (consuming `"key":`), or nil after its closing `}`.
    /// `first` is true for the first call after `beginObject`.
    func nextKey(first: Bool) throws -> String? {
        guard let next = try peekToken() else { throw fail("the JSON ends inside an object: the file looks truncated") }
        if next == UInt8(ascii: "}") {
            advance()
            return nil
        }
        if !first { try expect(UInt8(ascii: ","), "',' or '}'") }
        let key = try readString()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// Consumes `[`.
    func beginArray() throws { try expect(UInt8(ascii: "["), "'['") }

    /// True when another element follows (consuming the `,`), false after the closing `]`.
    func hasNextElement(first: Bool) throws -> Bool {
        guard let next = try peekToken() else { throw fail("the JSON ends inside an array: the file looks truncated") }
        if next == UInt8(ascii: "]") {
            advance()
            return false
        }
        if !first { try expect(UInt8(ascii: ","), "',' or ']'") }
        return true
    }

    /// Reads and materialises the next value.
    func readValue() throws -> JSONValue {
        guard let next = try peekToken() else { throw fail("the JSON ends early: the file looks truncated") }
        switch next {
        case UInt8(ascii: "{"):
            try beginObject()
            var members: [String: JSONValue] = [:]
            var first = true
            while let key = try nextKey(first: first) {
                members[key] = try readValue()
                first = false
            }
            return .object(members)
        case UInt8(ascii: "["):
            try beginArray()
            var elements: [JSONValue] = []
            while try hasNextElement(first: elements.isEmpty) { elements.append(try readValue()) }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try readString())
        default:
            let word = try readBareWord()
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default:
                guard let first = word.first, first == "-" || first.isNumber else {
                    throw fail("unexpected '\(word.prefix(20))' where a JSON value should be")
                }
                return .number(word)
            }
        }
    }

    /// Skips the next value (same as reading it; values skipped are small).
    func skipValue() throws { _ = try readValue() }

    private func readBareWord() throws -> String {
        var bytes: [UInt8] = []
        while let byte = try peek() {
            let isWord =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "E")
            guard isWord, bytes.count < 64 else { break }
            bytes.append(byte)
            advance()
        }
        guard !bytes.isEmpty else {
            if let byte = try peek() { throw fail("unexpected '\(Character(Unicode.Scalar(byte)))' in JSON") }
            throw fail("the JSON ends early: the file looks truncated")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a string literal, undoing escapes (`\n`, `\"`, `\u00e9`, surrogate pairs).
    func readString() throws -> String {
        try expect(UInt8(ascii: "\""), "a string")
        var bytes: [UInt8] = []
        var pendingHigh: UInt32?
        while true {
            guard let byte = try peek() else { throw fail("a string is not closed: the file looks truncated") }
            advance()
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                continue
            }
            guard let escape = try peek() else { throw fail("a string is not closed: the file looks truncated") }
            advance()
            switch escape {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "u"):
                var value: UInt32 = 0
                for _ in 0..<4 {
                    guard let hex = try peek(), let digit = Self.hexValue(hex) else { throw fail("a bad \\u escape") }
                    advance()
                    value = value * 16 + digit
                }
                if (0xD800...0xDBFF).contains(value) {
                    pendingHigh = value
                    continue
                }
                var scalarValue = value
                if let high = pendingHigh, (0xDC00...0xDFFF).contains(value) {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                }
                pendingHigh = nil
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: bytes.append(escape)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
