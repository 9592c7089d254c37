import ArgumentParser
import Foundation
import TacoCore
import TacoReport
import TacoStore

/// `tacoplan ingest FILE…`: reads load-test results (k6 summary JSON in any of its three shapes, k6 CSV output, or a
/// step CSV), stores them in SQLite (`benchmark_run`, `benchmark_step`) in one transaction, and with ≥ 6 ramp points
/// fits the Universal Scalability Law (Docs/Benchmarks.md §5). `--list` shows the stored runs.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store k6 summaries, k6 CSV output or step CSVs in the database and fit the USL to a ramp.",
        discussion:
            "All files are stored in one transaction: when one cannot be read nothing is stored (exit 2). The same "
            + "file twice adds nothing.")

    @Argument(help: "Files to read (.json: k6 summary; .csv: k6 CSV output or a step CSV).") var files: [String] = []
    @Flag(help: "List the stored load-test runs.") var list = false
    @Option(help: "SQLite database (default: $TACOPLAN_DB, else ~/.local/share/tacoplan/tacoplan.sqlite).")
    var db: String?

    func validate() throws {
        if files.isEmpty && !list {
            throw ValidationError("give one or more load-test files, or --list to show the stored runs")
        }
    }

    func run() throws { try reporting(body) }

    func body() throws {
        // Read and parse everything first: a bad file stops the command before the database is touched.
        var parsed: [(run: IngestedRun, text: String)] = []
        for file in files {
            let text = try PlanLoader.readText(file)
            do {
                parsed.append((try IngestedRun.read(file: file, text: text), text))
            } catch {
                throw Failure.input([error.description, "nothing was stored"])
            }
        }
        let database = try PlanLoader.openDatabaseForWriting(db)
        if !parsed.isEmpty {
            let outcomes: [BenchmarkIngestOutcome]
            do {
                outcomes = try database.storeBenchmarkRuns(
                    parsed, ingestedAt: ISO8601DateFormatter().string(from: Date()))
            } catch {
                throw Failure.database(["database: \(error)", "nothing was stored"])
            }
            for ((run, _), outcome) in zip(parsed, outcomes) { report(run, outcome) }
        }
        if list { try listRuns(database) }
    }

    func report(_ run: IngestedRun, _ outcome: BenchmarkIngestOutcome) {
        for w in run.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        let stored =
            outcome.inserted
            ? "stored as run #\(outcome.runID)" : "already stored as run #\(outcome.runID): nothing added"
        print("\(run.file): \(run.shape), \(run.stepsDescription); \(stored)")
        if run.format == .k6Summary, let s = run.steps.first {
            print(
                "  \(Format.number(s.rps, maxDecimals: 1)) req/s, error rate "
                    + "\(s.errorRate.map { Format.number($0, maxDecimals: 3) + " %" } ?? "?"), p95 "
                    + "\(s.extra["p95_ms"].map { $0 + " ms" } ?? "?")")
        } else if let peak = run.steps.map(\.rps).max() {
            print("  peak \(Format.grouped(peak)) req/s")
        }
        if run.format != .k6Summary { fitUSL(run.ramp, loadName: run.rampLoadName) }
    }

    func listRuns(_ database: TacoDatabase) throws {
        let runs: [StoredBenchmarkRun]
        do { runs = try database.benchmarkRuns() } catch { throw Failure.database(["database: \(error)"]) }
        guard !runs.isEmpty else {
            print("no load-test runs stored (add some with `tacoplan ingest FILE…`)")
            return
        }
        var table = TextTable(
            ["id", "file", "format", "steps", "created", "ingested", "warnings"],
            aligns: [.right, .left, .left, .right, .left, .left, .right])
        for r in runs {
            table.add([
                "\(r.id)", r.fileName, "\(r.format) (\(r.shape))", "\(r.steps)", r.createdAt ?? "—", r.ingestedAt,
                "\(r.warnings.count)",
            ])
        }
        print(table.render(indent: ""))
    }

    func fitUSL(_ points: [LoadPoint], loadName: String) {
        guard points.count >= ScalabilityLaw.minimumPoints else {
            print(
                "  USL: not fitted (\(points.count) ramp points with \(loadName); needs \(ScalabilityLaw.minimumPoints))"
            )
            return
        }
        do {
            let m = try ScalabilityLaw.fit(points)
            let peak = m.peakThroughput.map { Format.grouped($0) } ?? "none (κ ≤ 0: no retrograde region)"
            let at = m.maxConcurrency.map { " at N* = \(Format.grouped($0)) \(loadName)" } ?? ""
            print(
                "  USL: σ = \(Format.number(m.sigma, maxDecimals: 6)), κ = \(Format.number(m.kappa, maxDecimals: 8)), "
                    + "λ = \(Format.number(m.lambda, maxDecimals: 3)); peak throughput \(peak)\(at)")
        } catch {
            print("  USL: not fitted: \(error)")
        }
    }
}
