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

    public init(
        file: String, what: String, rowsSeen: Int, rowsKept: Int, rowsAdded: Int, specsAdded: Int, skipped: String?
    ) {
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
        return "\(file) (\(what)): \(rowsSeen) rows read, \(rowsKept) kept, \(rowsAdded) new"
            + (specsAdded > 0 ? ", \(specsAdded) new instance specs" : "")
    }

    /// The stderr note of a skipped file.
    public var note: String? { skipped.map { "note: skipped \(file): \($0)" } }
}
