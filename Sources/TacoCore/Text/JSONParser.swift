/// TacoCore's one JSON parser (RFC 8259), into `JSONValue`, for the small documents tacoplan reads whole (k6
/// load-test summaries); TacoStore streams multi-gigabyte AWS price lists with its own incremental reader instead.
/// Strict, and it says where a file goes wrong: every error carries the line and column, a file that ends inside a
/// value is called truncated, and a number outside the range of a double (`1e400`) is named as such instead of
/// surfacing as a decoding error. Nesting is capped at `InputLimits.jsonDepth` so a hostile file cannot exhaust the
/// stack.
enum JSONParser {
    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func parse(_ text: String) throws(Failure) -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.index < reader.bytes.count {
            throw reader.failure("unexpected \(reader.describeNext()) after the end of the JSON document")
        }
        return value
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0

        func failure(_ message: String, at offset: Int? = nil) -> Failure {
            let end = min(offset ?? index, bytes.count)
            var line = 1
            var lineStart = 0
            for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            // Columns count characters, not bytes: skip UTF-8 continuation bytes.
            let column = bytes[lineStart..<end].filter { $0 & 0xC0 != 0x80 }.count + 1
            return Failure(line: line, column: column, message: message)
        }

        /// "the end of the file (it looks truncated)" or the next character, escaped.
        func describeNext() -> String {
            guard index < bytes.count else { return "end of the file (it looks truncated)" }
            let scalar = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self).prefix(1)
            return "'\(Excerpt.quoted(String(scalar), limit: 4))'"
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard depth < InputLimits.jsonDepth else {
                throw failure("more than \(InputLimits.jsonDepth) nested arrays or objects (InputLimits.jsonDepth)")
            }
            guard index < bytes.count else {
                throw failure("expected a value, found the end of the file (it looks truncated)")
            }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw failure("expected a value, found \(describeNext())")
            }
        }

        mutating func literal(_ word: String, _ result: JSONValue) throws(Failure) -> JSONValue {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count else {
                throw failure("expected '\(word)', found the end of the file (it looks truncated)")
            }
            guard Array(bytes[index..<index + w.count]) == w else {
                throw failure("expected a value, found \(describeNext())")
            }
            index += w.count
            return result
        }

        mutating func object(depth: Int) throws(Failure) -> JSONValue {
            index += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard index < bytes.count else { throw failure("the file ends inside an object (it looks truncated)") }
                guard bytes[index] == UInt8(ascii: "\"") else {
                    throw failure("expected a quoted key, found \(describeNext())")
                }
                let keyStart = index
                let key = try string()
                skipSpace()
                guard index < bytes.count else { throw failure("the file ends inside an object (it looks truncated)") }
                guard bytes[index] == UInt8(ascii: ":") else {
                    throw failure("expected ':' after the key, found \(describeNext())")
                }
                index += 1
                skipSpace()
                if members[key] != nil {
                    throw failure("the key '\(Excerpt.quoted(key))' appears twice in one object", at: keyStart)
                }
                members[key] = try value(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw failure("the file ends inside an object (it looks truncated)") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else {
                    throw failure("expected ',' or '}' in an object, found \(describeNext())")
                }
                index += 1
                return .object(members)
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JSONValue {
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw failure("the file ends inside a list (it looks truncated)") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else {
                    throw failure("expected ',' or ']' in a list, found \(describeNext())")
                }
                index += 1
                return .array(items)
            }
        }

        mutating func string() throws(Failure) -> String {
            let start = index
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw failure("a control character (byte \(b)) inside a string: escape it") }
                if out.count >= InputLimits.fieldBytes {
                    throw failure(
                        "a string longer than \(InputLimits.fieldBytes) bytes (InputLimits.fieldBytes)", at: start)
                }
                if b == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    switch bytes[index] {
                    case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard index + 4 < bytes.count,
                            let code = UInt32(String(decoding: bytes[index + 1...index + 4], as: UTF8.self), radix: 16)
                        else { throw failure("expected four hex digits after \\u") }
                        // Lone surrogates become U+FFFD; k6 never writes them.
                        out += Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8)
                        index += 4
                    default:
                        throw failure(
                            "unknown escape \\\(Excerpt.quoted(String(decoding: [bytes[index]], as: UTF8.self)))")
                    }
                    index += 1
                    continue
                }
                out.append(b)
                index += 1
            }
            throw failure("the file ends inside a string (it looks truncated)", at: start)
        }

        mutating func number() throws(Failure) -> Double {
            let start = index
            func digits() {
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let intStart = index
            digits()
            guard index > intStart else { throw failure("expected digits after '-'") }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fracStart = index
                digits()
                guard index > fracStart else { throw failure("expected digits after the decimal point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                let expStart = index
                digits()
                guard index > expStart else { throw failure("expected digits in the exponent") }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let v = Double(text), v.isFinite else {
                throw failure(
                    "the number \(Excerpt.quoted(text)) is outside the range of a double (±1.8e308)", at: start)
            }
            return v
        }
    }
}
