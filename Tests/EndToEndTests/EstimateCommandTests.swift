import Foundation
import TacoStore
import TestSupport
import Testing

/// `tacoplan estimate` and `explain` on the seed plan, run as a process.
@Suite struct EstimateCommandTests {
    let seed = "plans/traffic-tacos.yaml"

    @Test func jsonBeforeThePriceCutHasTheSeedsFigures() throws {
        let cli = try CLI()
        let r = try cli.run(["estimate", seed, "--as-of", "2024-10-31", "--format", "json", "--evidence", "reference"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let json = try EstimateJSON(r.stdout)
        #expect(json.root["schema"] as? String == "tacoplan.estimate/1")
        #expect(json.estimate["asOf"] as? String == "2024-10-31")
        #expect(try json.display("admission.seat_drain") == "5.56/s")  // 10,000 ÷ 1,800 s = 5.555…
        #expect(try json.display("admission.user_experience") == "1,000/s")  // 300,000 ÷ 300 s
        #expect(try json.display("admission.backend_utilization") == "33 %")  // 1,000 ÷ 3,000
        #expect(try json.display("traffic.status_rate") == "60,000/s")  // 300,000 ÷ 5 s
        #expect(try json.display("traffic.status_bandwidth") == "60 MB/s")  // 60,000/s × 1,000 B
        #expect(try json.display("redis.queue_data") == "300 MB")  // 300,000 × 1,000 B
        // 1,000/s × 1,800 s × $0.00000125 = $2.25, carried as an exact decimal string.
        #expect(try json.section("dynamodb")["ceilingCost"] as? String == "2.25")
    }

    @Test func jsonAfterThePriceCutHasTheNewCeilingAndExpectedCost() throws {
        let cli = try CLI()
        let r = try cli.run(["estimate", seed, "--as-of", "2026-11-01", "--format", "json", "--evidence", "reference"])
        #expect(r.status == 0)
        let json = try EstimateJSON(r.stdout)
        let dynamo = try json.section("dynamodb")
        // 1,000 × 1,800 × $0.000000625 = $1.125; expected 300,000 writes × $0.000000625 = $0.1875.
        #expect(dynamo["ceilingCost"] as? String == "1.125")
        #expect(dynamo["expectedCost"] as? String == "0.1875")
        // 10 × cache.m7g.xlarge at $0.315/h = $3.15/h; × 730 h = $2,299.5 per month.
        let redis = try json.costLine("redis")
        #expect(redis["hourly"] as? String == "3.15")
        #expect(redis["perMonth"] as? String == "2299.5")
        #expect(redis["unitPrice"] as? String == "0.315")
    }

    @Test func jsonIsTheSameOnEveryRun() throws {
        let cli = try CLI()
        let args = ["estimate", seed, "--as-of", "2026-11-01", "--format", "json", "--evidence", "reference"]
        let first = try cli.run(args)
        let second = try cli.run(args)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func tableOutputHasEverySection() throws {
        let cli = try CLI()
        let r = try cli.run(["estimate", seed, "--as-of", "2026-11-01", "--evidence", "reference"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("tacoplan estimate — Traffic Tacos (seed)"))
        #expect(r.stdout.contains("prices as of 2026-11-01"))
        for heading in [
            "Traffic", "Admission rate", "Redis / Valkey cluster", "Gateway (EKS)", "DynamoDB", "Costs", "Findings",
        ] {
            #expect(r.stdout.contains("\n\(heading)"), "missing section \(heading)")
        }
        #expect(r.stdout.contains("60,000/s"))
        #expect(r.stdout.contains("$2,299.50"))
        // Not a terminal and NO_COLOR set: no escape sequences.
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test func explainCitesPlanLinesAndPriceRows() throws {
        let cli = try CLI()
        let r = try cli.run(["explain", seed, "--as-of", "2024-10-31"])
        #expect(r.status == 5)  // the seed is INFEASIBLE and explain follows the verdict (issue 19)
        // plans/traffic-tacos.yaml line 10 `  seats: 10000` and line 11 `  users: 300000`, values at column 10.
        #expect(r.stdout.contains("seats = 10,000  ← plans/traffic-tacos.yaml:10:10"))
        #expect(r.stdout.contains("users = 300,000  ← plans/traffic-tacos.yaml:11:10"))
        #expect(r.stdout.contains("formula:    seats ÷ window (Docs/Model.md §2 criterion 1)"))
        #expect(r.stdout.contains("arithmetic: 10,000 seats ÷ 1,800 s = 5.56/s"))
        // The WRU price in force on 2024-10-31 and the bundled file it comes from.
        #expect(r.stdout.contains("$0.00000125/request-unit from 2024-07-01 — aws-pricing-facts.md"))
        // The benchmark row behind ZRANK's cost: benchmarks/redis-command-costs.csv line 41.
        #expect(r.stdout.contains("benchmarks/redis-command-costs.csv:41"))
    }

    @Test func explainOnlyPrintsTheAskedFigures() throws {
        let cli = try CLI()
        let r = try cli.run(["explain", seed, "--as-of", "2024-10-31", "--only", "admission.seat_drain"])
        #expect(r.status == 5)  // the verdict's exit (issue 19)
        #expect(r.stdout.contains("[admission.seat_drain] = 5.56/s"))
        #expect(!r.stdout.contains("[traffic.status_rate]"))
    }

    @Test func secondRunOnTheSameDatabaseAddsNoRows() throws {
        let cli = try CLI()
        let args = ["estimate", seed, "--as-of", "2026-11-01", "--format", "json", "--evidence", "reference"]
        #expect(try cli.run(args).status == 0)
        let first = try TacoDatabase.open(path: cli.db)
        let prices = try first.rowCount(.price)
        let specs = try first.rowCount(.instanceSpec)
        let plans = try first.rowCount(.planRun)
        // pricing/prices.csv has 148 lines: a header and 147 price rows (12 of them the multi-region rows of issue 24).
        #expect(prices == 147)
        #expect(plans == 1)
        #expect(try cli.run(args).status == 0)
        let second = try TacoDatabase.open(path: cli.db)
        #expect(try second.rowCount(.price) == prices)
        #expect(try second.rowCount(.instanceSpec) == specs)
        #expect(try second.rowCount(.planRun) == plans)
    }

    @Test func theDatabaseComesFromTACOPLANDBWhenNoOptionIsGiven() throws {
        let cli = try CLI()
        let path = cli.scratch.appendingPathComponent("from-env.sqlite").path
        let r = try cli.run(
            ["estimate", seed, "--as-of", "2026-11-01", "--format", "json", "--evidence", "reference"],
            environment: ["TACOPLAN_DB": path])
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try TacoDatabase.open(path: path).rowCount(.price) == 147)
    }
}
