import TacoCore

/// The terminal form of `pricing fetch`: a line per file on stdout, failures on stderr, and the total.
public enum PricingFetchText {
    public static func render(_ files: [FetchOutcome]) -> (out: String, errors: [String]) {
        var out = ""
        var errors: [String] = []
        for file in files {
            switch file.result {
            case .unchanged:
                out += "\(file.label): unchanged since the last fetch (304 Not Modified, 0 bytes)\n"
            case .imported(let report):
                out += "\(file.label): \(file.bytesTransferred) bytes; \(report.summary), \(report.rowsAdded) new\n"
                for line in report.rejectionDetails { out += line + "\n" }
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
