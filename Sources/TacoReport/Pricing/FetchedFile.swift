/// One file `pricing fetch` asked for: unchanged (304), imported (with the import summary), or failed (why).
public struct FetchedFile: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        case unchanged
        case imported(summary: String, rowsAdded: Int, rejectionDetails: [String])
        case failed(String)
    }
    /// `AmazonEC2 us-west-2`, `Spot Advisor`.
    public var label: String
    public var bytesTransferred: Int
    public var result: Result

    public init(label: String, bytesTransferred: Int, result: Result) {
        self.label = label
        self.bytesTransferred = bytesTransferred
        self.result = result
    }
}

/// The terminal form of `pricing fetch`: a line per file on stdout, failures on stderr, and the total.
public enum PricingFetchText {
    public static func render(_ files: [FetchedFile]) -> (out: String, errors: [String]) {
        var out = ""
        var errors: [String] = []
        for file in files {
            switch file.result {
            case .unchanged:
                out += "\(file.label): unchanged since the last fetch (304 Not Modified, 0 bytes)\n"
            case .imported(let summary, let added, let details):
                out += "\(file.label): \(file.bytesTransferred) bytes; \(summary), \(added) new\n"
                for line in details { out += line + "\n" }
            case .failed(let why):
                errors.append("error: \(file.label): \(why)\nNothing of this file was imported.")
            }
        }
        let failed = errors.count
        let total = files.reduce(0) { $0 + $1.bytesTransferred }
        out += "\(files.count - failed) of \(files.count) files fetched, \(total) bytes transferred\n"
        return (out, errors)
    }
}
