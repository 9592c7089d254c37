import Foundation
import TacoCore
import TacoStore

/// `tacoplan-bench bill [--rows N] [--dir DIR] [--keep] [--pairs N]`: generates a FOCUS bill of N rows
/// (`FocusBillGenerator`) and measures in the same run `bill import` (a child process, as the CLI makes the call) against DuckDB
/// `read_csv` into a table of an on-disk database (when `duckdb` imports in `$TACOPLAN_BENCH_PYTHON`, default
/// python3); then the second import of the same file, the database size against the CSV's, and the store's
/// per-charge sums over the whole bill (what `reconcile` reads).
enum BillBenchmark {
    static func main(_ arguments: [String]) throws {
        var rows = 1_000_000
        var dir = NSTemporaryDirectory() + "tacoplan-bench"
        var keep = false
        var pairs = 1
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
            case "--pairs":
                index += 1
                guard index < arguments.count, let n = Int(arguments[index]), (1...20).contains(n) else {
                    throw BenchError("--pairs needs a number from 1 to 20")
                }
                pairs = n
            default: throw BenchError("usage: tacoplan-bench bill [--rows N] [--dir DIR] [--keep] [--pairs N]")
            }
            index += 1
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csv = dir + "/focus-\(rows).csv"
        print("generating \(rows) FOCUS rows …")
        let bytes = try FocusBillGenerator.write(rows: rows, to: csv)
        defer { if !keep { try? FileManager.default.removeItem(atPath: csv) } }
        let me = CommandLine.arguments[0]
        func fresh(_ name: String) -> String {
            let path = dir + "/\(name)"
            for suffix in ["", "-wal", "-shm", ".wal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return path
        }
        let db = fresh("bill.sqlite")
        var results: [(String, ChildProcess.Measurement?, String)] = []
        print("tacoplan bill import …")
        let tacoplan = try ChildProcess.run([me, "bill-import-once", db, csv])
        results.append(("tacoplan bill import", tacoplan, ""))
        let again = try ChildProcess.run([me, "bill-import-once", db, csv])
        results.append(("tacoplan bill import, same file again", again, ""))
        let sums = try ChildProcess.run([me, "bill-sums-once", db])
        results.append(("tacoplan per-charge sums (reconcile's read)", sums, ""))
        let python = ProcessInfo.processInfo.environment["TACOPLAN_BENCH_PYTHON"] ?? "python3"
        var duck: ChildProcess.Measurement?
        let duckDB = fresh("bill.duckdb")
        if try ChildProcess.run([python, "-c", "import duckdb"]).status == 0 {
            print("duckdb read_csv …")
            let script = dir + "/bill-duck.py"
            try Data(BaselineScripts.duckdbBill.utf8).write(to: URL(fileURLWithPath: script))
            duck = try ChildProcess.run([python, script, csv, duckDB])
            results.append(("duckdb read_csv into a table", duck, ""))
        } else {
            results.append(("duckdb read_csv into a table", nil, "skipped: `import duckdb` fails in \(python)"))
        }
        print("\nFOCUS bill: \(rows) rows, \(String(format: "%.0f", Double(bytes) / 1_048_576)) MiB")
        print("| work | seconds | rows/s | peak RSS MiB | exit |")
        print("|---|---:|---:|---:|---:|")
        for (name, m, note) in results {
            guard let m else {
                print("| \(name) | – | – | – | \(note) |")
                continue
            }
            print(
                String(
                    format: "| %@ | %.3f | %.0f | %.1f | %d |", name, m.seconds, Double(rows) / m.seconds, m.peakRSSMiB,
                    m.status))
        }
        let size = fileSize(db)
        print(
            String(
                format: "database %.1f MiB = %.2f× the CSV (%.0f MiB)", Double(size) / 1_048_576,
                Double(size) / Double(bytes), Double(bytes) / 1_048_576))
        if let duck, duck.status == 0 {
            print(String(format: "duckdb database %.1f MiB", Double(fileSize(duckDB)) / 1_048_576))
            if tacoplan.status == 0 {
                print(
                    String(
                        format: "tacoplan bill import is %.2f× DuckDB's speed on this file",
                        duck.seconds / tacoplan.seconds))
            }
            if pairs > 1 {
                // More pairs, each a fresh tacoplan import then a fresh DuckDB load, one after the other: the
                // ratio of each pair is taken under the same load, and the median of the ratios is quoted.
                var ratios = [duck.seconds / tacoplan.seconds]
                print("pair 1: tacoplan \(fmt(tacoplan)), duckdb \(fmt(duck))")
                for k in 2...pairs {
                    let t = try ChildProcess.run([me, "bill-import-once", fresh("bill.sqlite"), csv])
                    let d = try ChildProcess.run([python, dir + "/bill-duck.py", csv, fresh("bill.duckdb")])
                    guard t.status == 0, d.status == 0 else { throw BenchError("pair \(k) failed") }
                    ratios.append(d.seconds / t.seconds)
                    print("pair \(k): tacoplan \(fmt(t)), duckdb \(fmt(d))")
                }
                ratios.sort()
                print(
                    String(
                        format: "over %d pairs: tacoplan bill import is %.2f× DuckDB's speed (median; %.2f–%.2f)",
                        pairs, ratios[ratios.count / 2], ratios[0], ratios[ratios.count - 1]))
            }
        }
        if !keep { for p in [db, duckDB] { _ = fresh((p as NSString).lastPathComponent) } }
    }

    static func fmt(_ m: ChildProcess.Measurement) -> String {
        String(format: "%.2f s, %.1f MiB", m.seconds, m.peakRSSMiB)
    }

    static func fileSize(_ path: String) -> Int64 {
        ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int64) ?? 0)
        }
    }

    /// The measured child: one `importBill` call, as `tacoplan bill import` makes it.
    static func importOnce(_ arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchError("usage: tacoplan-bench bill-import-once DB FILE") }
        let db = try TacoDatabase.open(path: arguments[0])
        let r = try db.importBill(path: arguments[1], importedAt: "bench")
        print("\(r.file): \(r.rows) rows, added \(r.added)")
    }

    /// The measured child: the per-charge sums over every row, as `reconcile` reads them.
    static func sumsOnce(_ arguments: [String]) throws {
        guard arguments.count == 1 else { throw BenchError("usage: tacoplan-bench bill-sums-once DB") }
        let db = try TacoDatabase.open(path: arguments[0])
        let sums = try db.billChargeSums(
            BillRowFilter(from: BillLimits.earliestCharge, to: BillLimits.latestCharge))
        print("\(sums.count) charges, \(sums.reduce(0) { $0 + $1.rows }) rows")
    }
}
