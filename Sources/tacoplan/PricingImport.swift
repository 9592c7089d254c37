import ArgumentParser
import TacoApp
import TacoReport

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

    @OptionGroup var database: DatabaseOption

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

    func validate() throws {
        if let capturedOn, Day(iso: capturedOn) == nil {
            throw ValidationError("--captured-on '\(capturedOn)' is not a date; write YYYY-MM-DD, e.g. 2026-11-01")
        }
    }

    func run() throws {
        let request = PricingImportUseCase.Request(
            files: files, format: format, includeDynamoDBExtras: includeDynamodbExtras,
            capturedOn: capturedOn.flatMap(Day.init(iso:)), acceptPartial: acceptPartial)
        let progress = Terminal.progressLines { (p: PricingImportUseCase.Progress, elapsed) in
            ProgressText.priceListImport(
                file: p.file, bytesRead: p.bytesRead, totalBytes: p.totalBytes, rowsKept: p.rowsKept,
                rowsSeen: p.rowsSeen, elapsed: elapsed)
        }
        defer { if progress != nil { Terminal.progress(ProgressText.clear) } }
        let outcome = try PricingImportUseCase.run(
            request, db: database.db, progress: progress, context: Terminal.context)
        for report in outcome.files {
            if let line = PricingImportText.line(report) { Terminal.out(line + "\n") }
            if let note = PricingImportText.note(report) { Terminal.error(note) }
        }
        for note in outcome.notes { Terminal.error(note) }
    }
}
