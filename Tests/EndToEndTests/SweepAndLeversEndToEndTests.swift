import Foundation
import TestSupport
import Testing

/// `sweep` and `compare --levers` through the built binary (scratch database, bundled price book).
@Suite struct SweepAndLeversEndToEndTests {
    @Test func seedSweepJSONHasTwelvePointsWithCostBindingsAndBreaks() throws {
        let r = try CLI().run([
            "sweep", "plans/traffic-tacos.yaml", "--users", "100k..3M", "--steps", "12", "--format", "json",
            "--as-of", "2026-09-01",
        ])
        #expect(r.status == 5, "\(r.stderr)")  // the seed at its own scale is INFEASIBLE (issue 19)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sweep = try #require(doc["sweep"] as? [String: Any])
        let points = try #require(sweep["points"] as? [[String: Any]])
        #expect(points.count == 12)
        // 100,000 + 2,900,000 × i ÷ 11: the first and last points are the range's ends.
        #expect(points.first?["users"] as? Int == 100_000)
        #expect(points.last?["users"] as? Int == 3_000_000)
        for p in points {
            #expect(p["perEvent"] is String && p["perMonth"] is String)
            let resources = try #require(p["resources"] as? [[String: Any]])
            #expect(resources.allSatisfy { !(($0["binding"] as? String) ?? "").isEmpty })
        }
        // The seed's queue shard: 60,000 ZRANK/s at 300,000 users fits under the 80 % ceiling (52.4 % of a core
        // on the replica), 3,000,000 users (600,000 status/s) do not: the plan turns infeasible in between.
        let breaks = try #require(sweep["breaks"] as? [[String: Any]])
        #expect(breaks.contains { ($0["resource"] as? String) == "plan" })
    }

    @Test func badRangesAreRejectedWithTheFix() throws {
        let cli = try CLI()
        for (range, says) in [("3M..100k", "FROM must be at least 1 and below TO"), ("1x..2", "is not a number")] {
            let r = try cli.run(["sweep", "plans/traffic-tacos.yaml", "--users", range])
            #expect(r.status == 2)
            #expect(r.stderr.contains(says), "\(r.stderr)")
            #expect(!r.crashed)
        }
        let both = try cli.run(["sweep", "plans/traffic-tacos.yaml", "--users", "1..2", "--status-rps", "1..2"])
        #expect(both.status == 2 && both.stderr.contains("exactly one of"))
    }

    @Test func regionalSaleGetsAtLeastFourComputedAutomaticLevers() throws {
        let r = try CLI().run(["compare", "plans/regional-sale.yaml", "--levers", "--as-of", "2026-09-01"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Automatic levers for base"))
        let json = try CLI().run(["compare", "plans/regional-sale.yaml", "--format", "json", "--as-of", "2026-09-01"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let levers = try #require(doc["automaticLevers"] as? [[String: Any]])
        let computed = levers.filter { ($0["status"] as? String) == "computed" && $0["savingPerMonth"] is String }
        #expect(computed.count >= 4)
        // regional-sale has redis.always_on: false, so reserved nodes do not apply (said, not priced at $0).
        let reserved = try #require(levers.first { ($0["kind"] as? String) == "commitment" })
        #expect(reserved["status"] as? String == "not-available")
        #expect(reserved["savingPerMonth"] == nil)
    }
}
