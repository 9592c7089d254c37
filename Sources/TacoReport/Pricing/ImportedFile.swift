/// One file `pricing import` read: what it was and how many rows it added, or why it was skipped.
public struct ImportedFile: Sendable {
    public var file: String
    /// Format, offer and version, e.g. "bulk-csv AmazonEC2 20261101".
    public var what: String
    public var rowsSeen: Int
    public var rowsKept: Int
    public var rowsAdded: Int
    public var specsAdded: Int
    public var skipped: String?
    /// Rows read, kept, rejected by reason and conflicts, e.g. "4003 rows read, 3 kept, 0 rejected, 0 conflicts".
    public var summary: String
    /// One line per rejection reason with its first example, and per conflicting key.
    public var rejectionDetails: [String]

    public init(
        file: String, what: String, rowsSeen: Int, rowsKept: Int, rowsAdded: Int, specsAdded: Int, skipped: String?,
        summary: String? = nil, rejectionDetails: [String] = []
    ) {
        self.summary = summary ?? "\(rowsSeen) rows read, \(rowsKept) kept"
        self.rejectionDetails = rejectionDetails
        self.file = file
        self.what = what
        self.rowsSeen = rowsSeen
        self.rowsKept = rowsKept
        self.rowsAdded = rowsAdded
        self.specsAdded = specsAdded
        self.skipped = skipped
    }

    /// The stdout line of an imported file, or nil when it was skipped (see `note`).
    public var line: String? {
        guard skipped == nil else { return nil }
        return "\(file) (\(what)): \(summary), \(rowsAdded) new"
            + (specsAdded > 0 ? ", \(specsAdded) new instance specs" : "")
            + rejectionDetails.map { "\n" + $0 }.joined()
    }

    /// The stderr note of a skipped file.
    public var note: String? { skipped.map { "note: skipped \(file): \($0)" } }
}
