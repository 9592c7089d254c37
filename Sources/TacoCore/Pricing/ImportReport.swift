/// What importing one file did.
public struct ImportReport: Sendable, Equatable {
    public var file: String
    /// The detected or forced format, or empty when skipped before detection.
    public var format: String
    public var offer = ""
    public var version = ""
    public var publication = ""
    /// Price rows (or Spot entries) read, kept for the planner, and new to the database.
    public var rowsSeen = 0
    public var rowsKept = 0
    public var rowsAdded = 0
    public var specsAdded = 0
    /// Why the file was skipped (not a price list, or a price list the planner does not use); nil when imported.
    public var skipped: String?
    /// Rows refused by reason (conflicts included), and the first example of each.
    public var rejected: [RejectReason: Int] = [:]
    public var rejectionExamples: [RejectReason: String] = [:]

    public init(file: String, format: String, skipped: String? = nil) {
        self.file = file
        self.format = format
        self.skipped = skipped
    }

    public var rowsRejected: Int { rejected.values.reduce(0, +) }
    /// Keys two rows priced differently.
    public var conflicts: Int { rejected[.conflict] ?? 0 }

    /// `12 rows read, 10 kept, 2 rejected (1 price is negative, 1 …), 0 conflicts`.
    public var summary: String {
        var text = "\(rowsSeen) rows read, \(rowsKept) kept, \(rowsRejected) rejected"
        let reasons = rejected.filter { $0.key != .conflict }.sorted { $0.key < $1.key }
        if !reasons.isEmpty {
            text += " (" + reasons.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: "; ") + ")"
        }
        return text + ", \(conflicts) conflict" + (conflicts == 1 ? "" : "s")
    }

    /// One line per reason with its first example.
    public var rejectionDetails: [String] {
        rejected.keys.sorted().map { reason in
            "  \(rejected[reason] ?? 0) × \(reason.rawValue)"
                + (rejectionExamples[reason].map { ", e.g. \($0)" } ?? "")
        }
    }
}
