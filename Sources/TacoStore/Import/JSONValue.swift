/// A small materialised JSON value: one product, one term or one small file, never a whole bulk offer.
indirect enum JSONValue: Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    /// The number's text, so decimals stay exact.
    case number(String)
    case bool(Bool)
    case null

    subscript(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// A string, or a number's text; nil otherwise.
    var text: String? {
        switch self {
        case .string(let s), .number(let s): s
        default: nil
        }
    }

    var members: [String: JSONValue] {
        if case .object(let members) = self { return members }
        return [:]
    }

    var elements: [JSONValue] {
        if case .array(let elements) = self { return elements }
        return []
    }
}
