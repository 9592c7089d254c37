import TacoCore

/// The terminal form of `pricing import`: a line per imported file on stdout, a note per skipped file on stderr.
public enum PricingImportText {
    /// `prices.csv (csv AmazonEC2 20261101): 4003 rows read, 3 kept, 0 rejected, 0 conflicts, 3 new`, then one line
    /// per rejection reason; nil when the file was skipped (see `note`).
    public static func line(_ report: ImportReport) -> String? {
        guard report.skipped == nil else { return nil }
        let what = [report.format, report.offer, report.version].filter { !$0.isEmpty }.joined(separator: " ")
        return "\(report.file) (\(what)): \(report.summary), \(report.rowsAdded) new"
            + (report.specsAdded > 0 ? ", \(report.specsAdded) new instance specs" : "")
            + report.rejectionDetails.map { "\n" + $0 }.joined()
    }

    /// The stderr note of a skipped file.
    public static func note(_ report: ImportReport) -> String? {
        report.skipped.map { "note: skipped \(report.file): \($0)" }
    }
}
