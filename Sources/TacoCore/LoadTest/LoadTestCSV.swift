/// The checks every load-test CSV passes before its rows are read (k6 CSV output and step CSVs): the size, step and
/// field-length limits of `InputLimits`, and a header without duplicate columns (`rps,rps` would make one of two
/// figures silently win).
enum LoadTestCSV {
    static func table(_ text: String, file: String) throws(IngestError) -> CSVTable {
        let size = text.utf8.count
        guard size <= InputLimits.loadTestCSVBytes else {
            throw IngestError(
                file: file,
                message:
                    "the file is \(InputLimits.bytes(size)), over the \(InputLimits.bytes(InputLimits.loadTestCSVBytes)) "
                    + "limit for a load-test CSV (InputLimits.loadTestCSVBytes): aggregate it into a step CSV or export a "
                    + "k6 summary instead")
        }
        if let last = text.unicodeScalars.last, last != "\n" && last != "\r" {
            let lines = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw IngestError(
                file: file, line: lines,
                message: "the file ends inside line \(lines) (no line break after its last record): it looks "
                    + "truncated; export or copy the file again (a complete CSV ends with a line break)")
        }
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            throw IngestError(file: file, line: error.line, message: error.message)
        }
        guard table.rows.count <= InputLimits.loadTestSteps else {
            throw IngestError(
                file: file,
                message: "\(Format.grouped(Double(table.rows.count))) rows, over the limit of "
                    + "\(Format.grouped(Double(InputLimits.loadTestSteps))) load-test steps (InputLimits.loadTestSteps)"
            )
        }
        var seen: [String: Int] = [:]
        for (i, raw) in table.header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if let first = seen[name] {
                throw IngestError(
                    file: file, line: 1, field: Excerpt.quoted(name),
                    message: "the column '\(Excerpt.quoted(name))' appears twice (columns \(first + 1) and \(i + 1)): "
                        + "keep one, so no figure silently replaces another")
            }
            seen[name] = i
        }
        for (line, fields) in [(1, table.header)] + table.rows.map({ ($0.line, $0.fields) }) {
            for (i, field) in fields.enumerated() where field.utf8.count > InputLimits.fieldBytes {
                throw IngestError(
                    file: file, line: line,
                    message: "field \(i + 1) is \(InputLimits.bytes(field.utf8.count)), over the "
                        + "\(InputLimits.bytes(InputLimits.fieldBytes)) limit per field (InputLimits.fieldBytes): "
                        + "'\(Excerpt.quoted(field))' — is this a binary file?")
            }
        }
        return table
    }
}
