import TacoCore

/// A small block-style YAML writer for the generated CloudFormation template and Prometheus rules: keys are ours
/// (plain identifiers), every string value is double-quoted with YAML escapes, so text we did not write (a plan
/// name, a figure's arithmetic) can never start a new key, a tag or a document.
indirect enum YAMLNode {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case map([YAMLEntry])
    case list([YAMLNode])

    static func text(_ s: String) -> YAMLNode { .string(s) }
}

/// One key of a mapping, with an optional trailing comment.
struct YAMLEntry {
    var key: String
    var value: YAMLNode
    var comment: String?

    init(_ key: String, _ value: YAMLNode, comment: String? = nil) {
        self.key = key
        self.value = value
        self.comment = comment
    }
}

enum YAMLWriter {
    static func document(_ root: YAMLNode, header: [String]) -> String {
        var lines = header.map { "# " + comment($0) }
        lines += emit(root, indent: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A comment's text on one line: control characters (line breaks) become spaces.
    static func comment(_ s: String) -> String {
        String(s.map { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) ? " " : $0 })
    }

    /// A double-quoted YAML scalar (a JSON string is one): `\`, `"` and control characters escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0x2028
                    || u.value == 0x2029 || u.value == 0xFEFF
                {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count)
                        + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func scalar(_ n: YAMLNode) -> String? {
        switch n {
        case .string(let s): quoted(s)
        case .number(let v): Format.plain(v)
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .map(let m) where m.isEmpty: "{}"
        case .list(let l) where l.isEmpty: "[]"
        default: nil
        }
    }

    static func emit(_ node: YAMLNode, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .map(let entries) where !entries.isEmpty:
            var out: [String] = []
            for e in entries {
                let note = e.comment.map { "  # " + comment($0) } ?? ""
                if let s = scalar(e.value) {
                    out.append("\(pad)\(e.key): \(s)\(note)")
                } else {
                    out.append("\(pad)\(e.key):\(note)")
                    out += emit(e.value, indent: indent + 2)
                }
            }
            return out
        case .list(let items) where !items.isEmpty:
            var out: [String] = []
            for item in items {
                if let s = scalar(item) {
                    out.append("\(pad)- \(s)")
                } else {
                    var child = emit(item, indent: indent + 2)
                    child[0] = pad + "- " + child[0].dropFirst(indent + 2)
                    out += child
                }
            }
            return out
        default:
            return [pad + (scalar(node) ?? "null")]
        }
    }
}
