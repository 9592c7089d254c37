/// A small RFC 4180 reader for the bundled data files (quoted fields, doubled quotes, CRLF or LF).
/// Large AWS price lists are streamed by the store's importers instead.
public struct CSVTable: Sendable {
    public var header: [String]
    /// Data rows with their 1-based line numbers in the file.
    public var rows: [(line: Int, fields: [String])]

    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public init(text: String) throws(Problem) {
        var records: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        var sawAny = false
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
                sawAny = true
            } else if c == "," {
                fields.append(field)
                field = ""
                sawAny = true
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                if sawAny || !field.isEmpty {
                    fields.append(field)
                    records.append((recordLine, fields))
                }
                fields = []
                field = ""
                sawAny = false
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
                sawAny = true
            }
            i += 1
        }
        if inQuotes { throw Problem(line: recordLine, message: "a quoted field is not closed") }
        if sawAny || !field.isEmpty {
            fields.append(field)
            records.append((recordLine, fields))
        }
        guard let first = records.first else { throw Problem(line: 1, message: "the file is empty") }
        header = first.1
        rows = []
        for (n, r) in records.dropFirst() {
            guard r.count == header.count else {
                throw Problem(line: n, message: "expected \(header.count) fields, found \(r.count)")
            }
            rows.append((n, r))
        }
    }

    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
