import Foundation
import TestSupport
import Testing

/// Issue 21 through the built binary: the `--sql duckdb` query run in DuckDB (a test-only Python dependency that
/// scripts/test installs) over the same bill gives, read back with `--from-aggregate`, the same reconciliation as
/// the in-process one, to the last digit; `bill list` totals equal exact sums computed here with Python's Decimal;
/// a second import changes nothing; the database is at most half the CSV's size.
@Suite(.serialized) struct BillAtScaleTests {
    static let window = ["--from", "2024-09-01", "--to", "2024-10-01"]
    static let plan = ["plans/traffic-tacos.yaml", "--as-of", "2024-10-31"]

    /// `count` rows from the FOCUS sample: copy k of row i shifted k hours later, its Id + k × 1,000,000.
    static let generator = #"""
        import csv, sys, datetime
        src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        rows = list(csv.reader(open(src, newline='')))
        h, data = rows[0], rows[1:]
        s, e, i = h.index('ChargePeriodStart'), h.index('ChargePeriodEnd'), h.index('Id')
        f = '%Y-%m-%d %H:%M:%S'
        with open(out, 'w', newline='') as o:
            w = csv.writer(o)
            w.writerow(h)
            for k in range(n):
                r = list(data[k % len(data)]); c = k // len(data)
                for j in (s, e):
                    r[j] = (datetime.datetime.strptime(r[j], f) + datetime.timedelta(hours=c)).strftime(f)
                r[i] = str(int(r[i]) + c * 1000000)
                w.writerow(r)
        """#

    /// Σ BilledCost per (provider, account, currency) with Python's Decimal: "provider|account|currency|sum|rows".
    static let sums = #"""
        import csv, sys
        from decimal import Decimal
        t = {}
        for r in csv.DictReader(open(sys.argv[1], newline='')):
            k = (r['ProviderName'], r['BillingAccountId'], r['BillingCurrency'])
            s, n = t.get(k, (Decimal(0), 0))
            t[k] = (s + Decimal(r['BilledCost']), n + 1)
        for k, (s, n) in sorted(t.items()):
            print('|'.join(k) + '|' + str(s.normalize()) + '|' + str(n))
        """#

    /// The in-process reconcile and the DuckDB-pushed-down one of the same bill, compared whole
    /// (`BillPushDown.compare`), over a window that selects rows.
    func pushedDownEqualsInProcess(_ cli: CLI, csv: String, filters: [String]) throws {
        let compared = try BillPushDown.compare(
            cli, Self.plan + Self.window + filters, csv: csv, columns: "focus", table: "focus", queryHas: "GROUP BY",
            name: "focus-\(filters.count)")
        let inProcess = compared.inProcess
        #expect(inProcess.stderr.contains("verdict") || inProcess.status == 0, "\(inProcess.stderr)")
        #expect((compared.reconciliation["rowsSelected"] as? Int ?? 0) > 0)
    }

    @Test func theSamplesDuckDBQueryEqualsTheInProcessReconcile() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", BillFixture.sample]).status == 0)
        try pushedDownEqualsInProcess(cli, csv: BillFixture.sample, filters: [])
        // The in-process Σ BilledCost of the window's USD rows equals Python's Decimal sum over the raw CSV:
        // every sample row is USD and in September 2024.
        let r = try BillFixture.reconciliation(
            try cli.run(["reconcile"] + Self.plan + Self.window + ["--format", "json"]).stdout)
        let python = try BillPushDown.python(Self.sums, [BillFixture.sample])
        let total = python.stdout.split(separator: "\n").compactMap {
            Decimal(string: String($0.split(separator: "|")[3]))
        }
        .reduce(0, +)
        #expect(Decimal(string: r["billedTotal"] as? String ?? "") == total)
    }

    @Test func aGeneratedBillImportsOnceListsExactSumsAndStaysSmall() throws {
        let cli = try CLI()
        let csv = cli.scratch.appendingPathComponent("generated.csv").path
        // 20,000 rows: 20 copies of the sample, shifted 0–19 hours (some leave September: the window cuts them).
        let generated = try BillPushDown.python(Self.generator, [BillFixture.sample, "20000", csv])
        #expect(generated.status == 0, "\(generated.stderr)")
        let first = try cli.run(["bill", "import", csv])
        #expect(
            first.status == 0 && first.stdout.contains("20000 rows (18840 AWS) imported"),
            "\(first.stdout)\(first.stderr)")

        // bill list: each (provider, account, currency) line carries Python's exact Decimal sum and row count.
        let list = try cli.run(["bill", "list"])
        let expected = try BillPushDown.python(Self.sums, [csv]).stdout.split(separator: "\n")
        #expect(expected.count >= 3)
        for line in expected {
            let f = line.split(separator: "|").map(String.init)
            let row = list.stdout.split(separator: "\n").first { $0.contains(" \(f[1]) ") && $0.contains(f[0]) }
            let cells = try #require(row, "no bill list line for \(f[0]) \(f[1])").split(separator: " ").map(
                String.init)
            #expect(cells.contains(f[3]), "\(f[0]): expected Σ \(f[3]) in \(cells)")
            #expect(cells.contains(Int(f[4]).map { Self.grouped($0) } ?? ""), "\(f[0]): expected \(f[4]) rows")
        }

        // Importing the same file again is recognised before reading it and changes nothing.
        let counts = "SELECT COUNT(*) FROM bill_line; SELECT COUNT(*) FROM bill_file; SELECT COUNT(*) FROM bill_text"
        let before = try Tacoplan.sqlite(cli.db, counts)
        let started = Date()
        let again = try cli.run(["bill", "import", csv])
        #expect(Date().timeIntervalSince(started) < 10)  // generous: speed is measured by tacoplan-bench bill
        #expect(again.status == 0 && again.stdout.contains("already imported"))
        #expect(try Tacoplan.sqlite(cli.db, counts) == before)

        // The database (with its WAL) is at most half the CSV's size.
        func size(_ p: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0 }
        #expect(size(cli.db) + size(cli.db + "-wal") <= size(csv) / 2, "db \(size(cli.db)) csv \(size(csv))")

        try pushedDownEqualsInProcess(cli, csv: csv, filters: [])
        try pushedDownEqualsInProcess(
            cli, csv: csv, filters: ["--tag", "application=BrightPathMatrix", "--account", "1234567890123"])
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
