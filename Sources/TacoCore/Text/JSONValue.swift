/// A JSON value without `Any`, the one tacoplan has: what `JSONParser` reads (k6 summaries), what TacoStore's
/// streaming price-list reader materialises (one product, one term or one small file at a time), and what a renderer
/// builds to write a JSON document with an explicit `null` (Grafana's dashboard, through `StableJSON`).
///
/// A number keeps its exact text (`0.0420000000`, `1e400`), so a price read from JSON stays the decimal AWS wrote;
/// `number` reads it as a `Double`. A number built from a `Double` encodes as that `Double` does, a whole one without
/// a fraction (`24`, not `24.0`).
public enum JSONValue: Hashable, Sendable, Encodable {
    case object([String: JSONValue])
    case array([JSONValue])
    /// The number's text as written.
    case number(String)
    case string(String)
    case bool(Bool)
    case null

    /// A number with `value`'s shortest round-trip text.
    public static func number(_ value: Double) -> JSONValue { .number("\(value)") }

    public subscript(_ key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The number as a finite `Double`; nil for another kind of value or a number outside a double's range.
    public var number: Double? {
        guard case .number(let text) = self, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A string, or a number's text; nil otherwise.
    public var text: String? {
        switch self {
        case .string(let s), .number(let s): s
        default: nil
        }
    }

    /// An object's members; empty for any other value.
    public var members: [String: JSONValue] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// An array's elements; empty for any other value.
    public var elements: [JSONValue] {
        if case .array(let elements) = self { return elements }
        return []
    }

    /// The value as a message quotes it: `"NaN"`, `null`, `-33.7`, `an object`.
    var shown: String {
        switch self {
        case .object: "an object"
        case .array: "a list"
        case .number(let text): number.map(Format.plain) ?? Excerpt.quoted(text)
        case .string(let s): "\"\(Excerpt.quoted(s))\""
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .object(let o): try c.encode(o)
        case .array(let a): try c.encode(a)
        case .number(let text):
            guard let value = Double(text) else {
                throw EncodingError.invalidValue(
                    text, .init(codingPath: encoder.codingPath, debugDescription: "not a JSON number"))
            }
            try c.encode(value)
        case .string(let s): try c.encode(s)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        }
    }
}
