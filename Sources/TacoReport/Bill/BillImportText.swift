import TacoCore

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
