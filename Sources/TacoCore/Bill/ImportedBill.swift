/// What one `bill import` of a file did: the store returns it and `BillImportText` prints it.
public struct ImportedBill: Sendable, Equatable {
    public var file: String
    public var format: BillFormat
    public var gzip: Bool
    /// Rows in the file (all providers).
    public var rows: Int
    public var awsRows: Int
    /// False when the same content was imported before: nothing was written.
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
