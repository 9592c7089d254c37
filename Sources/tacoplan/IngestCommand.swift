import ArgumentParser
import TacoApp
import TacoReport

/// `tacoplan ingest FILE…`: reads load-test results (k6 summary JSON in any of its three shapes, k6 CSV output, or a
/// step CSV), stores them in SQLite (`benchmark_run`, `benchmark_step`) in one transaction, and with ≥ 6 ramp points
/// fits the Universal Scalability Law (Docs/Benchmarks.md §5). `--list` shows the stored runs.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store k6 summaries, k6 CSV output or step CSVs in the database and fit the USL to a ramp.",
        discussion:
            "All files are stored in one transaction: when one cannot be read nothing is stored (exit 2). The same "
            + "file twice adds nothing. A database that cannot be opened or written exits 4.")

    @Argument(help: "Files to read (.json: k6 summary; .csv: k6 CSV output or a step CSV).") var files: [String] = []
    @Flag(help: "List the stored load-test runs.") var list = false
    @OptionGroup var database: DatabaseOption

    func validate() throws {
        if files.isEmpty && !list {
            throw ValidationError("give one or more load-test files, or --list to show the stored runs")
        }
    }

    func run() throws {
        let outcome = try IngestUseCase.run(files: files, list: list, db: database.db, context: Terminal.context)
        for w in outcome.warnings { Terminal.error(w) }
        for f in outcome.files { Terminal.out(IngestText.render(f)) }
        if let rows = outcome.list { Terminal.out(IngestText.list(rows)) }
    }
}
