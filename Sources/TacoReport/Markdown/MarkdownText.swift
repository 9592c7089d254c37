/// Escaping for user- and model-supplied text placed in Markdown, so a name such as `A | <script>` cannot break a
/// table, start emphasis or code, or inject HTML. Marp and pandoc both read the result as CommonMark.
public enum MarkdownText {
    /// Inline text: Markdown punctuation backslash-escaped, HTML characters as entities, line breaks as spaces.
    public static func inline(_ s: String) -> String {
        var out = ""
        let chars = Array(s)
        for (i, ch) in chars.enumerated() {
            switch ch {
            // An underscore inside a word (seat_drain) cannot start emphasis in CommonMark; escape the others.
            case "_"
            where i > 0 && i + 1 < chars.count && chars[i - 1].isLetterOrDigitASCII && chars[i + 1].isLetterOrDigitASCII:
                out.append(ch)
            case "\\", "|", "*", "_", "`", "[", "]", "#", "~", "$": out += "\\" + String(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// A table row from raw cells.
    public static func row(_ cells: [String]) -> String {
        "| " + cells.map(inline).joined(separator: " | ") + " |"
    }

    /// A whole table; `right` marks right-aligned (numeric) columns.
    public static func table(_ headers: [String], _ rows: [[String]], right: Set<Int> = []) -> String {
        let rule = headers.indices.map { right.contains($0) ? "---:" : "---" }
        return ([row(headers), "| " + rule.joined(separator: " | ") + " |"] + rows.map(row)).joined(separator: "\n")
    }

    /// Text for a Mermaid quoted string: no quotes, brackets or line breaks that would end the token.
    public static func mermaid(_ s: String) -> String {
        String(
            s.map { ch -> Character in
                switch ch {
                case "\"", "`": return "'"
                case "\n", "\r", "\r\n": return " "
                case "[", "]", "<", ">", "&", "#", ";": return " "
                default: return ch
                }
            })
    }
}

extension Character {
    fileprivate var isLetterOrDigitASCII: Bool { isASCII && (isLetter || isNumber) }
}
