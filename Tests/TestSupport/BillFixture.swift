import Foundation
import Testing

/// The bills the bill tests import (in process and through the binary) and the reader of a reconciliation's JSON
/// (`reconcile --format json`, `ReconciliationDocument`).
public enum BillFixture {
    /// The real anonymised FOCUS 1.0 sample (CC BY 4.0, Tests/Fixtures/focus).
    public static let sample = CLI.root.appendingPathComponent("Tests/Fixtures/focus/focus_sample.csv").path
    /// The seed's sale written as a FOCUS 1.2 bill.
    public static let focus12 = CLI.root.appendingPathComponent("Tests/Fixtures/bill/seed-focus-1.2.csv").path
    /// The seed's sale written as a CUR 2.0 bill.
    public static let cur2 = CLI.root.appendingPathComponent("Tests/Fixtures/bill/seed-cur2.csv").path

    /// The `reconciliation` object of the JSON document `text`; `withoutGroupLines` drops each group's `lines`
    /// (the one field a warehouse aggregate cannot carry: it has no file lines).
    public static func reconciliation(_ text: String, withoutGroupLines: Bool = false) throws -> [String: Any] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var r = try #require(root["reconciliation"] as? [String: Any])
        if withoutGroupLines {
            r["groups"] = (r["groups"] as? [[String: Any]] ?? []).map { g in g.filter { $0.key != "lines" } }
        }
        return r
    }

    /// The reconciliation's line labelled `label`.
    public static func line(_ r: [String: Any], _ label: String) throws -> [String: Any] {
        let lines = try #require(r["lines"] as? [[String: Any]])
        return try #require(
            lines.first { $0["label"] as? String == label },
            "no line \(label) in \(lines.compactMap { $0["label"] })")
    }

    /// The kinds of a line's causes, in order.
    public static func causes(_ line: [String: Any]) -> [String] {
        (line["causes"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }
}

/// `reconcile --sql duckdb` pushed down to DuckDB (a test-only Python dependency that scripts/test installs) and
/// read back with `--from-aggregate`, beside the in-process reconcile of the same imported bill.
public enum BillPushDown {
    /// Runs python3 with `script`; its exit status and output as text.
    public static func python(_ script: String, _ arguments: [String]) throws -> CLIResult {
        let (process, out, err) = try CLI.start("/usr/bin/env", ["python3", "-c", script] + arguments)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs the SQL file in DuckDB over a CSV (as the view `table`, every column text as Athena's CSV tables read
    /// it) and saves the result as CSV: `python3 -c duckdb(table) CSV SQLFILE OUT`.
    public static func duckdb(table: String) -> String {
        #"""
        import duckdb, sys
        csv, sqlfile, out = sys.argv[1], sys.argv[2], sys.argv[3]
        con = duckdb.connect()
        con.execute("CREATE VIEW \#(table) AS SELECT * FROM read_csv('%s', all_varchar = true, nullstr = 'NULL', header = true)" % csv)
        q = open(sqlfile).read().strip().rstrip(';')
        con.execute("COPY (%s) TO '%s' (HEADER, DELIMITER ',')" % (q, out))
        """#
    }

    /// What one comparison ran: the in-process reconcile and its reconciliation (group lines dropped).
    public struct Compared {
        public var inProcess: CLIResult
        public var reconciliation: [String: Any]
    }

    /// `reconcile ARGS --format json` in process, and `reconcile ARGS --sql duckdb --columns COLUMNS --table TABLE`
    /// run in DuckDB over `csv` and read back with `--from-aggregate`: the two reconciliations must be equal whole,
    /// and the query must contain `queryHas`. `name` keeps each comparison's files apart in the scratch directory.
    public static func compare(
        _ cli: CLI, _ args: [String], csv: String, columns: String, table: String, queryHas: String, name: String
    ) throws -> Compared {
        let inProcess = try cli.run(["reconcile"] + args + ["--format", "json"])
        let sql = try cli.run(["reconcile"] + args + ["--sql", "duckdb", "--columns", columns, "--table", table])
        #expect(sql.status == 0 && sql.stdout.contains(queryHas), "\(sql.stderr)")
        let sqlFile = try cli.write("\(name).sql", sql.stdout)
        let out = cli.scratch.appendingPathComponent("\(name)-aggregate.csv").path
        let duck = try python(duckdb(table: table), [csv, sqlFile, out])
        #expect(duck.status == 0, "duckdb failed (scripts/test installs it: pip install duckdb): \(duck.stderr)")
        let pushed = try cli.run(["reconcile"] + args + ["--from-aggregate", out, "--format", "json"])
        #expect(pushed.status == inProcess.status, "\(pushed.stderr)")
        let a = try BillFixture.reconciliation(inProcess.stdout, withoutGroupLines: true)
        let b = try BillFixture.reconciliation(pushed.stdout, withoutGroupLines: true)
        #expect(
            NSDictionary(dictionary: a).isEqual(to: b),
            "in-process:\n\(inProcess.stdout)\npushed down:\n\(pushed.stdout)\nquery:\n\(sql.stdout)")
        return Compared(inProcess: inProcess, reconciliation: a)
    }
}
