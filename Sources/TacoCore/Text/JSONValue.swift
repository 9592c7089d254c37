/// A JSON value without `Any`, as `JSONParser` reads it: enough to walk k6's summaries.
enum JSONValue: Hashable {
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
}
