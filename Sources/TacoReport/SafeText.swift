import TacoCore

/// The one output sanitiser for text tacoplan did not write (plan, variant and claim names, region codes and
/// service names from files, bill fields): one function per kind of output. Renderers call the one for their format;
/// the CLI passes every byte it prints to a terminal stream through `terminal`, so nothing read from input can drive
/// the terminal (OSC 52 clipboard writes, window titles, screen clears) whichever renderer printed it.
public enum SafeText {
    /// Terminal text: every control character except line feed and tab, DEL, the C1 controls and the Unicode
    /// bidirectional controls become `\u001B`-style escapes. That is JSON's own escape, so a JSON document printed
    /// through here stays valid and decodes to the same text (the JSON encoder already escapes C0 controls; C1,
    /// DEL and bidi controls may appear raw inside its strings). With `colour`, the SGR colour sequences `Style`
    /// writes (`ESC [ digits ; … m`) pass unchanged; without it every ESC is escaped.
    public static func terminal(_ text: String, colour: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if colour, scalar == "\u{1B}", let end = sgrEnd(scalars, from: index) {
                out.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// Whether `scalar` is escaped in terminal text.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00..<0x20, 0x7F...0x9F: true
        default: PrintableText.isBidiControl(scalar)
        }
    }

    /// The index of the `m` ending an SGR sequence (`ESC [` then only digits and `;`) starting at `start`.
    static func sgrEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 32 {
            let s = scalars[index]
            if s == "m" { return index }
            guard ("0"..."9").contains(s) || s == ";" else { return nil }
            index += 1
        }
        return nil
    }

    /// HTML text and attribute values (Markdown bodies, the Marp front matter's `title:`): `& < > " '` as entities.
    public static func html(_ text: String) -> String { entities(text, apostrophe: "&#39;", controlsAsSpaces: false) }

    /// XML text and attribute values (SVG): the five entities, and control characters (not allowed in XML 1.0) as
    /// spaces.
    public static func xml(_ text: String) -> String { entities(text, apostrophe: "&apos;", controlsAsSpaces: true) }

    /// `& < > "` and `'` as entities (HTML has no `&apos;` before HTML5, so the apostrophe is the caller's), and
    /// control characters as spaces when the format forbids them.
    static func entities(_ text: String, apostrophe: String, controlsAsSpaces: Bool) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case _ where controlsAsSpaces && ch.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }:
                out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, inner quotes doubled. A field a
    /// spreadsheet would run as a formula (leading `=`, `+`, `@`, tab or carriage return, or `-` not starting a
    /// number) is prefixed with `'` (OWASP "CSV Injection").
    public static func csvField(_ text: String) -> String {
        var v = text
        if let first = v.first, "=+@\t\r".contains(first) || (first == "-" && Double(v) == nil) { v = "'" + v }
        guard v.contains(where: { ",\"\n\r".contains($0) }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
