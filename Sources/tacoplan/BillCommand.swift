import ArgumentParser
import Foundation
import TacoCore
import TacoReport
import TacoStore

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

    @Option(help: "SQLite database (default: $TACOPLAN_DB, else ~/.local/share/tacoplan/tacoplan.sqlite).")
    var db: String?

    func run() throws {
        try reporting {
            let database = try PlanLoader.openDatabase(db)
            var failures: [String] = []
            for file in files {
                do {
                    let r = try database.importBill(path: file, importedAt: Standard.now())
                    let kind = "\(r.format == .focus ? "FOCUS" : "CUR 2.0")\(r.gzip ? ", gzip" : "")"
                    Terminal.out(
                        r.added
                            ? "\(file): \(r.rows) rows (\(r.awsRows) AWS) imported (\(kind))\n"
                            : "\(file): already imported (\(r.rows) rows, same content); nothing changed\n")
                } catch let p as BillProblem {
                    failures.append(p.description)
                } catch {
                    throw Failure.database(["\(file): database error: \(error)"])
                }
            }
            if !failures.isEmpty {
                throw Failure.input(
                    failures + ["\(failures.count) file(s) not imported; the database is unchanged for them"])
            }
        }
    }
}

struct BillList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Accounts, charge periods, rows and exact BilledCost totals loaded.")

    @Option(help: "SQLite database (default: $TACOPLAN_DB, else ~/.local/share/tacoplan/tacoplan.sqlite).")
    var db: String?

    func run() throws {
        try reporting {
            let database = try PlanLoader.openDatabase(db)
            do {
                Terminal.out(BillListText.render(try database.billSummaries(), files: try database.billFiles().count))
            } catch {
                throw Failure.database(["database: \(error)"])
            }
        }
    }
}
