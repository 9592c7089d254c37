import ArgumentParser
import Foundation
import TacoStore

extension PriceListFormat: ExpressibleByArgument {}

/// `tacoplan pricing import FILE…`: official AWS price lists into the price book, in one transaction.
struct PricingImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import AWS Price List files (bulk CSV or JSON, get-products output, Spot Advisor, Spot history).",
        discussion: """
            The format is detected from each file's content. All files are imported in one transaction: on an error \
            nothing is imported. Files that are not price lists (or Savings Plans rates) are skipped with a note. \
            See Docs/PricingImport.md.
            """)

    @OptionGroup var database: PricingDatabaseOptions

    @Argument(help: "Files to import.")
    var files: [String]

    @Option(help: "Force the format: \(PriceListFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: PriceListFormat?

    @Flag(help: "Also keep DynamoDB Standard-IA and replicated-write prices.")
    var includeDynamodbExtras = false

    @Option(help: "The day a Spot Advisor file was fetched (YYYY-MM-DD; default today).")
    var capturedOn: String?

    @Flag(help: "Import the valid rows of a file that also has rejected rows (default: such a file fails).")
    var acceptPartial = false

    func run() throws {
        try PricingFailure.reported(importFiles)
    }

    private func importFiles() throws {
        do {
            let db = try database.open()
            let captured = try Standard.day(capturedOn, option: "--captured-on")
            let started = Date()
            let showProgress = Standard.errorIsTerminal
            var progress: (@Sendable (ImportProgress) -> Void)?
            if showProgress { progress = { Self.showProgress($0, since: started) } }
            let options = ImportOptions(
                format: format, includeDynamoDBExtras: includeDynamodbExtras, capturedOn: captured.description,
                now: { Standard.now() }, progress: progress, acceptPartial: acceptPartial)
            let reports: [ImportReport]
            do {
                reports = try db.importPriceLists(paths: files, options: options)
            } catch {
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                throw PricingFailure.message("\(error)\nNothing was imported: the database is unchanged.")
            }
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            for report in reports { Self.describe(report) }
            if capturedOn == nil && reports.contains(where: { $0.format == "spot-advisor" && $0.skipped == nil }) {
                Standard.error(
                    "note: spot-advisor-data.json carries no date; it was stored as captured \(captured) (today). "
                        + "Pass --captured-on YYYY-MM-DD for a snapshot fetched earlier.")
            }
        }
    }

    static func describe(_ report: ImportReport) {
        if let why = report.skipped {
            Standard.error("note: skipped \(report.file): \(why)")
            return
        }
        let what = [report.format, report.offer, report.version].filter { !$0.isEmpty }.joined(separator: " ")
        print(
            "\(report.file) (\(what)): \(report.summary), \(report.rowsAdded) new"
                + (report.specsAdded > 0 ? ", \(report.specsAdded) new instance specs" : ""))
        for line in report.rejectionDetails { print(line) }
    }

    static func showProgress(_ progress: ImportProgress, since start: Date) {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let megabytes = Double(progress.bytesRead) / 1_048_576
        let total = progress.totalBytes.map { String(format: " of %.0f", Double($0) / 1_048_576) } ?? ""
        let line = String(
            format: "\r\u{1B}[K%@: %.0f%@ MB, %d of %d rows kept, %.0f MB/s", progress.file, megabytes, total,
            progress.rowsKept, progress.rowsSeen, megabytes / seconds)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
