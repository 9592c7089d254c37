/// A JSON value without `Any`: what `JSONParser` reads (k6 summaries) and what a renderer builds to write a JSON
/// document with an explicit `null` (Grafana's dashboard, through `StableJSON`). A whole number encodes without a
/// fraction (`24`, not `24.0`).
public enum JSONValue: Hashable, Encodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case number(Double)
    case string(String)
    case bool(Bool)
    case null

    subscript(_ key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
    var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value as a message quotes it: `"NaN"`, `null`, `-33.7`, `an object`.
    var shown: String {
        switch self {
        case .object: "an object"
        case .array: "a list"
        case .number(let n): Format.plain(n)
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
        case .number(let v): try c.encode(v)
        case .string(let s): try c.encode(s)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        }
    }
}
