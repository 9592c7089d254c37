import TacoCore

/// One stored load-test run as `ingest --list` shows it.
public struct StoredRunRow: Sendable {
    public var cells: [String]
    public init(id: Int64, file: String, format: String, steps: Int, created: String?, ingested: String, warnings: Int)
    {
        cells = ["\(id)", file, format, "\(steps)", created ?? "—", ingested, "\(warnings)"]
    }
}
