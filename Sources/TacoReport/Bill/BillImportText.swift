import TacoCore

/// One imported bill file as `bill import` reports it.
public struct ImportedBill: Sendable, Equatable {
    public var file: String
    public var format: BillFormat
    public var gzip: Bool
    public var rows: Int
    public var awsRows: Int
    /// False when the same content was already loaded (nothing changed).
    public var added: Bool

    public init(file: String, format: BillFormat, gzip: Bool, rows: Int, awsRows: Int, added: Bool) {
        self.file = file
        self.format = format
        self.gzip = gzip
        self.rows = rows
        self.awsRows = awsRows
        self.added = added
    }
}

/// One line per imported bill file: rows (AWS rows) and format, or "already imported" when its content was loaded.
public enum BillImportText {
    public static func render(_ results: [ImportedBill]) -> String {
        results.map { r in
            let kind = "\(r.format == .focus ? "FOCUS" : "CUR 2.0")\(r.gzip ? ", gzip" : "")"
            return r.added
                ? "\(r.file): \(r.rows) rows (\(r.awsRows) AWS) imported (\(kind))\n"
                : "\(r.file): already imported (\(r.rows) rows, same content); nothing changed\n"
        }.joined()
    }
}
