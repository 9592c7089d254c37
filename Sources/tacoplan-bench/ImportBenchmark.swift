import Foundation
import TacoStore

/// `tacoplan-bench import [--rows N] [--dir DIR] [--keep]`: generates an EC2 bulk CSV of N rows and measures, in the
/// same run, tacoplan's import against `sqlite3 .import`, a Python csv+sqlite3 script with the same filter, and
/// DuckDB `read_csv` with the same filter (when `duckdb` imports in `$TACOPLAN_BENCH_PYTHON`, default python3).
enum ImportBenchmark {
    static func main(_ arguments: [String]) throws {
        var rows = 1_000_000
        var dir = NSTemporaryDirectory() + "tacoplan-bench"
        var keep = false
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--rows":
                index += 1
                guard index < arguments.count, let n = Int(arguments[index]), n > 0 else {
                    throw BenchError("--rows needs a positive number")
                }
                rows = n
            case "--dir":
                index += 1
                guard index < arguments.count else { throw BenchError("--dir needs a directory") }
                dir = arguments[index]
            case "--keep": keep = true
            default:
                throw BenchError(
                    "unknown option \(arguments[index]); usage: tacoplan-bench import [--rows N] [--dir DIR] [--keep]")
            }
            index += 1
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csv = dir + "/ec2-\(rows).csv"
        print("generating \(rows) rows …")
        let bytes = try EC2PriceListGenerator.write(rows: rows, to: csv)
        defer { if !keep { try? FileManager.default.removeItem(atPath: csv) } }
        let python = ProcessInfo.processInfo.environment["TACOPLAN_BENCH_PYTHON"] ?? "python3"
        let script = dir + "/filter.py"
        try Data(BaselineScripts.python.utf8).write(to: URL(fileURLWithPath: script))
        let duckScript = dir + "/duck.py"
        try Data(BaselineScripts.duckdb.utf8).write(to: URL(fileURLWithPath: duckScript))
        let me = CommandLine.arguments[0]

        var results: [(String, ChildProcess.Measurement?, String)] = []
        func fresh(_ name: String) -> String {
            let path = dir + "/\(name).sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return path
        }
        print("tacoplan import …")
        results.append(
            ("tacoplan pricing import", try ChildProcess.run([me, "import-once", fresh("tacoplan"), csv]), ""))
        print("sqlite3 .import …")
        let sqlite = fresh("sqlite3")
        results.append(
            (
                "sqlite3 .import (no filter)",
                try ChildProcess.run(["sqlite3", sqlite, "-cmd", ".mode csv", ".import --skip 5 \(csv) price"]), ""
            ))
        print("python csv + sqlite3 …")
        results.append(
            ("python csv+sqlite3 (same filter)", try ChildProcess.run([python, script, csv, fresh("python")]), ""))
        if try ChildProcess.run([python, "-c", "import duckdb"]).status == 0 {
            print("duckdb read_csv …")
            results.append(("duckdb read_csv (same filter)", try ChildProcess.run([python, duckScript, csv]), ""))
        } else {
            results.append(("duckdb read_csv (same filter)", nil, "skipped: `import duckdb` fails in \(python)"))
        }
        report(results, rows: rows, bytes: bytes)
    }

    static func report(_ results: [(String, ChildProcess.Measurement?, String)], rows: Int, bytes: Int) {
        print("\nEC2 bulk CSV: \(rows) rows, \(String(format: "%.0f", Double(bytes) / 1_048_576)) MiB")
        print("| tool | seconds | rows/s | MiB/s | peak RSS MiB | exit |")
        print("|---|---:|---:|---:|---:|---:|")
        for (name, measurement, note) in results {
            guard let m = measurement else {
                print("| \(name) | – | – | – | – | \(note) |")
                continue
            }
            print(
                String(
                    format: "| %@ | %.2f | %.0f | %.0f | %.1f | %d |", name, m.seconds, Double(rows) / m.seconds,
                    Double(bytes) / 1_048_576 / m.seconds, m.peakRSSMiB, m.status))
        }
    }

    /// The measured child: one `importPriceLists` call, as `tacoplan pricing import` makes it.
    static func importOnce(_ arguments: [String]) throws {
        guard arguments.count >= 2 else { throw BenchError("usage: tacoplan-bench import-once DB FILE…") }
        let db = try TacoDatabase.open(path: arguments[0])
        let reports = try db.importPriceLists(
            paths: Array(arguments.dropFirst()),
            options: ImportOptions(capturedOn: "2025-09-12", now: { ISO8601DateFormatter().string(from: Date()) }))
        for r in reports { print("\(r.file): \(r.rowsSeen) read, \(r.rowsKept) kept, \(r.rowsAdded) new") }
    }
}
