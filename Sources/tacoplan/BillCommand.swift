import ArgumentParser
import TacoApp
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
        let progress = Terminal.progressLines { (p: BillImportUseCase.Progress, elapsed) in
            ProgressText.billImport(
                file: p.file, bytesRead: p.bytesRead, fileBytes: p.fileBytes, gzip: p.gzip, rows: p.rows,
                elapsed: elapsed)
        }
        defer { if progress != nil { Terminal.progress(ProgressText.clear) } }
        let outcome = try BillImportUseCase.run(
            files: files, db: database.db, progress: progress, context: Terminal.context)
        Terminal.out(BillImportText.render(outcome.imported))
        if let failure = outcome.failure { throw failure }
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
