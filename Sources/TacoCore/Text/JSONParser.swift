/// TacoCore's one JSON parser (RFC 8259), into `JSONValue`. It reads a small document whole (`parse`: k6 summaries;
/// get-products pages and Spot files through `init(bytes:)`), or walks a large one key by key as its bytes arrive
/// (`init(buffer:refill:)`: TacoStore streams multi-gigabyte AWS price lists through it and materialises one product
/// or one SKU's terms at a time, so memory is bounded by what it keeps, not by the file).
///
/// Strict, and it says where a file goes wrong: every failure carries the line and column, a file that ends inside a
/// value is called truncated, a key given twice in one object is refused, and a number outside the range of a double
/// (`1e400`) is named as such. A number keeps its exact text (`JSONValue.number`). Nesting is capped at
/// `InputLimits.jsonDepth` so a hostile file cannot exhaust the stack.
public final class JSONParser {
    /// Where and why a document is not JSON: a 1-based line and column (characters, within the bytes still buffered
    /// when streaming) and what was expected.
    public struct Failure: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    private var base: UnsafePointer<UInt8>?
    private var count = 0
    private var position = 0
    private let refill: (() throws -> UnsafeRawBufferPointer?)?
    private let owned: UnsafeMutableBufferPointer<UInt8>?
    /// The longest string it reads, in bytes.
    private let stringLimit: Int
    /// The 1-based line of the next byte.
    public private(set) var line: Int
    /// Where the current line starts in the buffer (negative when it started in an earlier buffer).
    private var lineStart = 0
    /// Where the last key read by `nextKey` starts, for a failure that names it.
    private var keyAt = (position: 0, line: 1)

    /// Parses the whole of `text` (a k6 summary), strings capped at `InputLimits.fieldBytes`.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        let parser = JSONParser(bytes: Array(text.utf8), stringLimit: InputLimits.fieldBytes)
        do {
            let value = try parser.readValue()
            if let next = try parser.peekToken() {
                throw parser.failure("unexpected \(parser.describe(next)) after the end of the JSON document")
            }
            return value
        } catch let failure as Failure {
            throw failure
        } catch {
            throw parser.failure("\(error)")  // unreachable: bytes in memory need no refill
        }
    }

    /// Reads a copy of `bytes` (a document, or several one after another), starting on `line`.
    public init(bytes: [UInt8], line: Int = 1, stringLimit: Int = .max) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        owned = copy
        base = UnsafePointer(copy.baseAddress)
        count = bytes.count
        refill = nil
        self.line = line
        self.stringLimit = stringLimit
    }

    /// Reads `buffer`, then each buffer `refill` hands over until it returns nil (the end of the input). A buffer
    /// stays valid until the next refill.
    public init(buffer: UnsafeRawBufferPointer, refill: @escaping () throws -> UnsafeRawBufferPointer?) {
        owned = nil
        self.refill = refill
        line = 1
        stringLimit = .max
        use(buffer)
    }

    deinit { owned?.deallocate() }

    private func use(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
        count = buffer.count
    }

    /// A failure at the next byte (or at `at`, a position in the current buffer, on `line`).
    public func failure(_ message: String, at: (position: Int, line: Int)? = nil) -> Failure {
        let end = min(at?.position ?? position, count)
        let start = at == nil ? max(0, lineStart) : max(0, Self.lineStart(base, before: end))
        var column = 1
        if let base, start < end {
            for i in start..<end where base[i] & 0xC0 != 0x80 { column += 1 }
        }
        return Failure(line: at?.line ?? line, column: column, message: message)
    }

    private static func lineStart(_ base: UnsafePointer<UInt8>?, before end: Int) -> Int {
        guard let base else { return 0 }
        var i = end
        while i > 0 && base[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
    }

    /// The next byte without consuming it; nil at the end of the input.
    @inline(__always) private func peek() throws -> UInt8? {
        if position == count {
            guard let refill, let next = try refill(), next.count > 0 else { return nil }
            lineStart -= count
            use(next)
            position = 0
        }
        return base?[position]
    }

    @inline(__always) private func advance() {
        if base?[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    /// The next byte that is not white space, without consuming it; nil at the end of the input.
    public func peekToken() throws -> UInt8? {
        while let byte = try peek() {
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            advance()
        }
        return nil
    }

    /// `'x'` for a byte as a message shows it.
    private func describe(_ byte: UInt8) -> String {
        let bytes = base.map { Array(UnsafeBufferPointer(start: $0 + position, count: min(4, count - position))) }
        let first = String(decoding: bytes ?? [byte], as: UTF8.self).prefix(1)
        return "'\(Excerpt.quoted(String(first), limit: 4))'"
    }

    private func expect(_ byte: UInt8, _ what: String) throws {
        guard let next = try peekToken() else {
            throw failure("expected \(what), found the end of the file (it looks truncated)")
        }
        guard next == byte else { throw failure("expected \(what), found \(describe(next))") }
        advance()
    }

    /// Consumes `{`.
    public func beginObject() throws { try expect(UInt8(ascii: "{"), "'{'") }

    /// The next key of the current object (consuming `"key":`), or nil after its closing `}`; `first` is true for
    /// the first call after `beginObject`.
    public func nextKey(first: Bool) throws -> String? {
        guard let next = try peekToken() else {
            throw failure("the file ends inside an object (it looks truncated)")
        }
        if next == UInt8(ascii: "}") {
            advance()
            return nil
        }
        if !first { try expect(UInt8(ascii: ","), "',' or '}' in an object") }
        guard try peekToken() == UInt8(ascii: "\"") else {
            guard let next = try peekToken() else {
                throw failure("the file ends inside an object (it looks truncated)")
            }
            throw failure("expected a quoted key, found \(describe(next))")
        }
        keyAt = (position, line)
        let key = try readString()
        try expect(UInt8(ascii: ":"), "':' after the key")
        return key
    }

    /// Consumes `[`.
    public func beginArray() throws { try expect(UInt8(ascii: "["), "'['") }

    /// True when another element follows (consuming the `,`), false after the closing `]`.
    public func hasNextElement(first: Bool) throws -> Bool {
        guard let next = try peekToken() else { throw failure("the file ends inside a list (it looks truncated)") }
        if next == UInt8(ascii: "]") {
            advance()
            return false
        }
        if !first { try expect(UInt8(ascii: ","), "',' or ']' in a list") }
        return true
    }

    /// Reads and materialises the next value.
    public func readValue() throws -> JSONValue { try value(depth: 0) }

    private func value(depth: Int) throws -> JSONValue {
        guard depth < InputLimits.jsonDepth else {
            throw failure("more than \(InputLimits.jsonDepth) nested arrays or objects (InputLimits.jsonDepth)")
        }
        guard let next = try peekToken() else {
            throw failure("expected a value, found the end of the file (it looks truncated)")
        }
        switch next {
        case UInt8(ascii: "{"):
            advance()
            var members: [String: JSONValue] = [:]
            var first = true
            while let key = try nextKey(first: first) {
                let at = keyAt
                if members.updateValue(try value(depth: depth + 1), forKey: key) != nil {
                    throw failure("the key '\(Excerpt.quoted(key))' appears twice in one object", at: at)
                }
                first = false
            }
            return .object(members)
        case UInt8(ascii: "["):
            advance()
            var elements: [JSONValue] = []
            while try hasNextElement(first: elements.isEmpty) { elements.append(try value(depth: depth + 1)) }
            return .array(elements)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("expected a value, found \(describe(next))")
        }
    }

    private func literal(_ word: StaticString, _ result: JSONValue) throws -> JSONValue {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in bytes {
            guard let byte = try peek() else {
                throw failure("expected '\(word)', found the end of the file (it looks truncated)")
            }
            guard byte == expected else { throw failure("expected a value, found \(describe(byte))") }
            advance()
        }
        return result
    }

    /// A number's text (`-12.5e3`), checked to be within the range of a double.
    private func number() throws -> String {
        let at = (position, line)
        var text: [UInt8] = []
        func digits() throws -> Int {
            var n = 0
            while let byte = try peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                text.append(byte)
                advance()
                n += 1
            }
            return n
        }
        if try peek() == UInt8(ascii: "-") {
            text.append(UInt8(ascii: "-"))
            advance()
        }
        guard try digits() > 0 else { throw failure("expected digits after '-'") }
        if try peek() == UInt8(ascii: ".") {
            text.append(UInt8(ascii: "."))
            advance()
            guard try digits() > 0 else { throw failure("expected digits after the decimal point") }
        }
        if let e = try peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            text.append(e)
            advance()
            if let sign = try peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                text.append(sign)
                advance()
            }
            guard try digits() > 0 else { throw failure("expected digits in the exponent") }
        }
        let string = String(decoding: text, as: UTF8.self)
        guard let value = Double(string), value.isFinite else {
            throw failure(
                "the number \(Excerpt.quoted(string)) is outside the range of a double (±1.8e308)", at: at)
        }
        return string
    }

    /// Reads a string literal, undoing escapes (`\n`, `\"`, `\u00e9`, surrogate pairs).
    public func readString() throws -> String {
        let at = (position, line)
        try expect(UInt8(ascii: "\""), "a string")
        var bytes: [UInt8] = []
        var pendingHigh: UInt32?
        while true {
            guard let byte = try peek() else {
                throw failure("the file ends inside a string (it looks truncated)", at: at)
            }
            if byte < 0x20 { throw failure("a control character (byte \(byte)) inside a string: escape it") }
            advance()
            if byte == UInt8(ascii: "\"") { break }
            if bytes.count >= stringLimit {
                throw failure("a string longer than \(stringLimit) bytes (InputLimits.fieldBytes)", at: at)
            }
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                continue
            }
            guard let escape = try peek() else {
                throw failure("the file ends inside a string (it looks truncated)", at: at)
            }
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "u"):
                advance()
                var value: UInt32 = 0
                for _ in 0..<4 {
                    guard let hex = try peek(), let digit = Self.hexValue(hex) else {
                        throw failure("expected four hex digits after \\u")
                    }
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
                bytes.append(contentsOf: Array(String(Unicode.Scalar(scalarValue) ?? "\u{FFFD}").utf8))
                continue
            default:
                throw failure(
                    "unknown escape \\\(Excerpt.quoted(String(decoding: [escape], as: UTF8.self)))")
            }
            advance()
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
