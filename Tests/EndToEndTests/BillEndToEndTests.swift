import Foundation
import TestSupport
import Testing

/// `tacoplan bill import` and `reconcile` through the built binary where a process matters: hostile bills, a killed
/// import, files written by `report -o` (the imports and reconciliations themselves: `BillUseCaseTests`).
/// The plan side is sized on the reference VM's costs (`--evidence reference`): the seed's 10 cache.m7g.xlarge
/// nodes the bills were written for. On the default ladder's calibrated rung its Redis is INFEASIBLE (no planned line).
@Suite(.serialized) struct BillEndToEndTests {
    @Test func hostileBillsFailWithExit2AndChangeNothing() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", BillFixture.focus12]).status == 0)
        let header = try String(contentsOfFile: BillFixture.focus12, encoding: .utf8).split(separator: "\n")[0]
        let good = try String(contentsOfFile: BillFixture.focus12, encoding: .utf8).split(separator: "\n")[1]
        let negative = good.replacingOccurrences(of: ",240,Hours,", with: ",-240,Hours,")
        let backwards = good.replacingOccurrences(
            of: "2026-11-27T00:00:00Z,2026-11-28T00:00:00Z", with: "2026-11-28T00:00:00Z,2026-11-27T00:00:00Z")
        let cases = [
            (
                "negative.csv", "\(header)\n\(good)\n\(negative)\n",
                "negative.csv:3: column ConsumedQuantity: error: negative usage"
            ),
            (
                "backwards.csv", "\(header)\n\(backwards)\n",
                "backwards.csv:2: column ChargePeriodEnd: error: the charge period ends"
            ),
        ]
        let before = try Tacoplan.sqlite(cli.db, "SELECT COUNT(*) FROM bill_line; SELECT COUNT(*) FROM bill_file")
        for (name, text, message) in cases {
            let path = try cli.write(name, text)
            let r = try cli.run(["bill", "import", path])
            #expect(r.status == 2 && !r.crashed)
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
        let gz = cli.scratch.appendingPathComponent("bill.csv.gz").path
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["sh", "-c", "gzip -c '\(BillFixture.sample)' | head -c 40000 > '\(gz)'"]
        try gzip.run()
        gzip.waitUntilExit()
        let truncated = try cli.run(["bill", "import", gz])
        #expect(truncated.status == 2 && truncated.stderr.contains("the gzip stream is truncated or damaged"))
        #expect(try Tacoplan.sqlite(cli.db, "SELECT COUNT(*) FROM bill_line; SELECT COUNT(*) FROM bill_file") == before)

        // A euro row is stored with its currency and never summed with USD.
        let euro = good.replacingOccurrences(of: ",USD,", with: ",EUR,")
        let eur = try cli.write("eur.csv", "\(header)\n\(euro)\n")
        #expect(try cli.run(["bill", "import", eur]).status == 0)
        let list = try cli.run(["bill", "list"])
        #expect(list.stdout.contains("EUR") && list.stdout.contains("75.6"))
        let r = try cli.run([
            "reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2026-11-27", "--from",
            "2026-11-27", "--to",
            "2026-11-28", "--tag", "event=sale-1127", "--format", "json",
        ])
        let doc = try BillFixture.reconciliation(r.stdout)
        #expect(doc["billedTotal"] as? String == "89.225117891")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(groups.contains { $0["bucket"] as? String == "other currency" && $0["currency"] as? String == "EUR" })
    }

    @Test func aKilledImportLeavesTheDatabaseAsItWas() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", BillFixture.focus12]).status == 0)
        // 200 copies of the sample's rows (200,000 rows, 150 MB): seconds of work even for a release build (a
        // debug build imported 40,000 rows in under 1.5 s once the indexes were built at the end).
        let text = try String(contentsOfFile: BillFixture.sample, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let body = lines.dropFirst().joined(separator: "\n")
        let copies = Array(repeating: body, count: 200).joined(separator: "\n")
        let big = try cli.write("big.csv", String(lines[0]) + "\n" + copies + "\n")
        let before = try Tacoplan.sqlite(cli.db, "SELECT COUNT(*) FROM bill_line; SELECT COUNT(*) FROM bill_file")
        let (process, _, _) = try Tacoplan.start(Tacoplan.binary, ["bill", "import", "--db", cli.db, big])
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "the import finished before it could be killed; use a bigger file")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == Process.TerminationReason.uncaughtSignal)
        #expect(try Tacoplan.sqlite(cli.db, "PRAGMA integrity_check") == "ok")
        #expect(try Tacoplan.sqlite(cli.db, "SELECT COUNT(*) FROM bill_line; SELECT COUNT(*) FROM bill_file") == before)
    }

    @Test func theReportAndDeckCarryThePlanVsActualPart() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", BillFixture.focus12]).status == 0)
        let out = cli.scratch.appendingPathComponent("out").path
        let r = try cli.run([
            "report", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2026-11-27", "--from",
            "2026-11-27", "--to",
            "2026-11-28", "--tag", "event=sale-1127", "--slides", "--appendix", "-o", out,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let deck = try String(contentsOfFile: out + "/deck.md", encoding: .utf8)
        #expect(deck.contains("## Plan vs actual"))
        #expect(deck.contains("| gateway: c7g.2xlarge On-Demand nodes | 1.18 | 12 node-hour |"))
        #expect(FileManager.default.fileExists(atPath: out + "/charts/planned-vs-billed.svg"))
        let none = try cli.run([
            "reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2026-11-27", "--from",
            "2020-01-01", "--to",
            "2020-01-02",
        ])
        #expect(none.status == 2 && none.stderr.contains("no billed rows"))
    }
}
