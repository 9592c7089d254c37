import Foundation
import TacoStore

/// `tacoplan-bench import [--rows N] [--dir DIR] [--keep] [--shape aws|dense|both] [--quick]`: generates an EC2 bulk
/// CSV of N rows per file shape (`EC2PriceListGenerator.Shape`) and measures, in the same run, tacoplan's import
/// against DuckDB `read_csv` with the same filter (when `duckdb` imports in `$TACOPLAN_BENCH_PYTHON`, default
/// python3), a Python csv+sqlite3 script with the same filter and `sqlite3 .import` (both left out with `--quick`).
enum ImportBenchmark {
    static func main(_ arguments: [String]) throws {
        var rows = 1_000_000
        var dir = NSTemporaryDirectory() + "tacoplan-bench"
        var keep = false
        var shapes = EC2PriceListGenerator.Shape.allCases
        var quick = false
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
            case "--quick": quick = true
            case "--shape":
                index += 1
                guard index < arguments.count else { throw BenchError("--shape needs aws, dense or both") }
                if arguments[index] != "both" {
                    guard let shape = EC2PriceListGenerator.Shape(rawValue: arguments[index]) else {
                        throw BenchError("--shape needs aws, dense or both")
                    }
                    shapes = [shape]
                }
            default:
                throw BenchError(
                    "unknown option \(arguments[index]); usage: tacoplan-bench import [--rows N] [--dir DIR] [--keep] "
                        + "[--shape aws|dense|both] [--quick]")
            }
            index += 1
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for shape in shapes { try measure(rows: rows, shape: shape, dir: dir, keep: keep, quick: quick) }
    }

    /// One file shape: generate, then each tool in turn on the same file.
    static func measure(rows: Int, shape: EC2PriceListGenerator.Shape, dir: String, keep: Bool, quick: Bool) throws {
        let csv = dir + "/ec2-\(shape.rawValue)-\(rows).csv"
        print("generating \(rows) rows (\(shape.rawValue)) …")
        let bytes = try EC2PriceListGenerator.write(rows: rows, to: csv, shape: shape)
        defer { if !keep { try? FileManager.default.removeItem(atPath: csv) } }
        let python = ProcessInfo.processInfo.environment["TACOPLAN_BENCH_PYTHON"] ?? "python3"
        let script = dir + "/filter.py"
        try Data(BaselineScripts.python.utf8).write(to: URL(fileURLWithPath: script))
        let duckScript = dir + "/duck.py"
        try Data(BaselineScripts.duckdb.utf8).write(to: URL(fileURLWithPath: duckScript))
        let me = CommandLine.arguments[0]

        let loadBefore = loadAverage()
        var results: [(String, ChildProcess.Measurement?, String)] = []
        func fresh(_ name: String) -> String {
            let path = dir + "/\(name).sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return path
        }
        print("tacoplan import …")
        let tacoplan = try ChildProcess.run([me, "import-once", fresh("tacoplan"), csv])
        results.append(("tacoplan pricing import", tacoplan, ""))
        var duck: ChildProcess.Measurement?
        if try ChildProcess.run([python, "-c", "import duckdb"]).status == 0 {
            print("duckdb read_csv …")
            duck = try ChildProcess.run([python, duckScript, csv])
            results.append(("duckdb read_csv (same filter)", duck, ""))
        } else {
            results.append(("duckdb read_csv (same filter)", nil, "skipped: `import duckdb` fails in \(python)"))
        }
        if !quick {
            print("python csv + sqlite3 …")
            results.append(
                ("python csv+sqlite3 (same filter)", try ChildProcess.run([python, script, csv, fresh("python")]), ""))
            print("sqlite3 .import …")
            let sqlite = fresh("sqlite3")
            results.append(
                (
                    "sqlite3 .import (no filter)",
                    try ChildProcess.run(["sqlite3", sqlite, "-cmd", ".mode csv", ".import --skip 5 \(csv) price"]), ""
                ))
        }
        report(results, rows: rows, bytes: bytes, shape: shape)
        if let duck, duck.status == 0, tacoplan.status == 0 {
            print(String(format: "tacoplan is %.2f× DuckDB's speed on this file", duck.seconds / tacoplan.seconds))
        }
        // Other processes slow the tools unevenly (DuckDB uses every core), so the ratio is only comparable with
        // the load it was measured under.
        print("load average (1, 5, 15 min) before: \(loadBefore), after: \(loadAverage())")
    }

    static func report(
        _ results: [(String, ChildProcess.Measurement?, String)], rows: Int, bytes: Int,
        shape: EC2PriceListGenerator.Shape
    ) {
        print(
            "\nEC2 bulk CSV (\(shape.rawValue)): \(rows) rows, \(String(format: "%.0f", Double(bytes) / 1_048_576)) MiB"
        )
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

    /// The first three fields of `/proc/loadavg`; "unknown" where there is none.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
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
