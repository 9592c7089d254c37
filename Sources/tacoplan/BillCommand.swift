import ArgumentParser
import Foundation
import TacoApp
import TacoCore
import TacoReport

/// `tacoplan bill import|list`: load FOCUS / CUR 2.0 exports and see what is loaded (Docs/Billing.md).
struct BillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bill",
        abstract: "Import the real bill (FOCUS 1.0–1.2 or AWS CUR 2.0 CSV, plain or gzip) and list what is loaded.",
        subcommands: [BillImport.self, BillList.self])
}

struct BillImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import bill files: one transaction per file, idempotent (same content = no change), kill-safe.")

    @Argument(help: "FOCUS or CUR 2.0 CSV files, plain or .gz.")
    var files: [String]

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let started = Date()
        let showProgress = Terminal.errorIsTerminal
        defer { if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
        let outcome = try BillImportUseCase.run(
            files: files, db: database.db,
            progress: progress(showProgress, since: started), context: Terminal.context)
        Terminal.out(BillImportText.render(outcome.imported))
        if let failure = outcome.failure { throw failure }
    }

    func progress(_ show: Bool, since start: Date) -> (@Sendable (BillImportUseCase.Progress) -> Void)? {
        guard show else { return nil }
        return { Self.showProgress($0, since: start) }
    }

    /// The progress line on a terminal's stderr, like `pricing import`'s.
    static func showProgress(_ p: BillImportUseCase.Progress, since start: Date) {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let megabytes = Double(p.bytesRead) / 1_048_576
        let total = p.gzip ? " (decompressed)" : String(format: " of %.0f", Double(p.fileBytes) / 1_048_576)
        let line = String(
            format: "\r\u{1B}[K%@: %.0f%@ MB, %d rows, %.0f MB/s", Excerpt.quoted(p.file, limit: 80), megabytes, total,
            p.rows, megabytes / seconds)
        FileHandle.standardError.write(Data(line.utf8))
    }
}

struct BillList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Accounts, charge periods, rows and exact BilledCost totals loaded.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let outcome = try BillListUseCase.run(db: database.db, context: Terminal.context)
        Terminal.out(BillListText.render(outcome.summaries, files: outcome.files))
    }
}
