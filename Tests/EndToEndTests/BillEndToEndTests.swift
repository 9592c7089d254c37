import Foundation
import TestSupport
import Testing

/// `tacoplan bill import|list` and `reconcile` through the built binary, on a real SQLite file (Docs/Billing.md).
/// The plan side is sized on the reference VM's costs (`--evidence reference`): the seed's 10 cache.m7g.xlarge
/// nodes the bills were written for. On the default ladder's calibrated rung its Redis is INFEASIBLE (no planned line).
@Suite(.serialized) struct BillEndToEndTests {
    static let sample = CLI.root.appendingPathComponent("Tests/Fixtures/focus/focus_sample.csv").path
    static let focus12 = CLI.root.appendingPathComponent("Tests/Fixtures/bill/seed-focus-1.2.csv").path
    static let cur2 = CLI.root.appendingPathComponent("Tests/Fixtures/bill/seed-cur2.csv").path

    func json(_ text: String) throws -> [String: Any] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(root["reconciliation"] as? [String: Any])
    }

    func line(_ r: [String: Any], _ label: String) throws -> [String: Any] {
        let lines = try #require(r["lines"] as? [[String: Any]])
        return try #require(lines.first { $0["label"] as? String == label }, "no line \(label)")
    }

    func causes(_ line: [String: Any]) -> [String] {
        (line["causes"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }

    @Test func theFOCUSSampleImportsOnceAndListsItsExactTotal() throws {
        let cli = try CLI()
        let first = try cli.run(["bill", "import", Self.sample])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1000 rows (942 AWS) imported (FOCUS)"))
        let again = try cli.run(["bill", "import", Self.sample])
        #expect(again.status == 0 && again.stdout.contains("already imported"))
        let list = try cli.run(["bill", "list"])
        #expect(list.status == 0)
        // 942 AWS rows of account 1234567890123, September 2024; Σ BilledCost = 18.00663861840 (python3 Decimal sum
        // of the column over ProviderName == AWS, see TacoStoreTests.BillImportTests).
        let aws = try #require(list.stdout.split(separator: "\n").first { $0.contains("1234567890123") })
        #expect(aws.contains("2024-09-01T00:00:00Z → 2024-10-01T00:00:00Z"))
        #expect(aws.contains(" 942 ") && aws.contains("18.0066386184"))
        #expect(try Tacoplan.sqlite(cli.db, "SELECT COUNT(*) FROM bill_line") == "1000")
    }

    @Test func reconcilingTheHandMadeFOCUS12BillNamesTheCauses() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.focus12]).status == 0)
        let r = try cli.run([
            "reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2026-11-27", "--from",
            "2026-11-27", "--to",
            "2026-11-28", "--tag", "event=sale-1127", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try json(r.stdout)
        // 10 rows start in the window with the tag; 7 are usage of plan resources, the credit, the Microsoft row
        // and the CloudWatch row are listed apart. Σ = 75.6 + 2.4 + 3.48 + 0.8168 + 0.28125 + 0.0125 + 0.9
        // + 1.234567891 − 0.5 + 5 = 89.225117891.
        #expect(doc["rowsSelected"] as? Int == 10 && doc["rowsAttributed"] as? Int == 7)
        #expect(doc["billedTotal"] as? String == "89.225117891")
        #expect(causes(try line(doc, "c7g.2xlarge On-Demand nodes")) == ["more-hours"])
        #expect(causes(try line(doc, "c7g.2xlarge Spot nodes")) == ["more-hours", "lower-spot-share", "price-changed"])
        #expect(causes(try line(doc, "write request units")) == ["more-units"])
        // Spot share billed: 8 Spot ÷ (12 On-Demand + 8 Spot) node-hours = 0.4; planned 8 of 10 nodes = 0.8.
        #expect("\(doc["billedSpotShare"] ?? "")" == "0.4" && "\(doc["plannedSpotShare"] ?? "")" == "0.8")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(
            groups.contains { $0["bucket"] as? String == "unplanned" && $0["billedCost"] as? String == "1.234567891" })

        let table = try cli.run([
            "reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2026-11-27", "--from",
            "2026-11-27", "--to",
            "2026-11-28", "--tag", "event=sale-1127",
        ])
        #expect(table.stdout.contains("Spot was 40 % of gateway node-hours vs 80 % planned"))
        #expect(table.stdout.contains("unplanned       AmazonCloudWatch"))
        let csv = try cli.run([
            "reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2026-11-27", "--from",
            "2026-11-27", "--to",
            "2026-11-28", "--tag", "event=sale-1127", "--format", "csv",
        ])
        #expect(csv.stdout.split(separator: "\n").last?.hasPrefix("total,,all selected USD rows,") == true)
        #expect(csv.stdout.contains(",89.225117891,USD,"))
    }

    @Test func reconcilingTheCUR2MonthShowsAGatewayBilled730Hours() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.cur2]).status == 0)
        let r = try cli.run([
            "reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2026-11-27", "--from",
            "2026-11-01", "--to",
            "2026-12-01T10:00:00Z", "--events", "4", "--account", "111122223333", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try json(r.stdout)
        let od = try line(doc, "c7g.2xlarge On-Demand nodes")
        // Planned: (2 nodes × 0.5 h + 10 × 65 s ÷ 3,600) × 4 sales = 4.7222… node-hours; billed 730 (one node all
        // month); 730 × $0.29 = $211.70.
        #expect("\(od["billedQuantity"] ?? "")" == "730" && od["billedCost"] as? String == "211.7")
        #expect(causes(od) == ["more-hours"])
        #expect(causes(try line(doc, "c7g.2xlarge Reserved/Savings Plan nodes")) == ["commitment"])
        // 7,300 node-hours = 10 nodes × 730 h, as planned; WRU 1,200,000 = 300,000 × 4 sales, as planned.
        #expect(causes(try line(doc, "cache.m7g.xlarge nodes")).isEmpty)
        #expect(causes(try line(doc, "write request units")).isEmpty)
        // Σ = 2,299.5 + 73 + 211.7 + 1.856 + 0 + 18 (RI fee) + 0.75 + 2.3 (S3) + 10 (tax) = 2,617.106.
        #expect(doc["billedTotal"] as? String == "2617.106")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(
            groups.contains {
                $0["bucket"] as? String == "unplanned" && ($0["name"] as? String)?.contains("Simple Storage") == true
            })
    }

    @Test func hostileBillsFailWithExit2AndChangeNothing() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.focus12]).status == 0)
        let header = try String(contentsOfFile: Self.focus12, encoding: .utf8).split(separator: "\n")[0]
        let good = try String(contentsOfFile: Self.focus12, encoding: .utf8).split(separator: "\n")[1]
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
        gzip.arguments = ["sh", "-c", "gzip -c '\(Self.sample)' | head -c 40000 > '\(gz)'"]
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
        let doc = try json(r.stdout)
        #expect(doc["billedTotal"] as? String == "89.225117891")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(groups.contains { $0["bucket"] as? String == "other currency" && $0["currency"] as? String == "EUR" })
    }

    @Test func aKilledImportLeavesTheDatabaseAsItWas() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.focus12]).status == 0)
        // 200 copies of the sample's rows (200,000 rows, 150 MB): seconds of work even for a release build (a
        // debug build imported 40,000 rows in under 1.5 s once the indexes were built at the end).
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
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
        #expect(try cli.run(["bill", "import", Self.focus12]).status == 0)
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
