import Foundation
import TestSupport
import Testing

/// The reconcile parts of issue 19: the bill is attributed to the plan's as-planned resources (the seed's
/// ElastiCache cluster is the plan's even when sizing finds it INFEASIBLE), events default to the plan's events
/// per month, unit economics use the estimate's definitions, and the exit status follows the verdict.
@Suite(.serialized) struct ReconcileVerdictTests {
    static let cur2 = CLI.root.appendingPathComponent("Tests/Fixtures/bill/seed-cur2.csv").path
    /// November 2026 plus the fixture's last 10 hours: 730 h, AWS's billing month.
    static let month = [
        "--as-of", "2024-10-31", "--from", "2026-11-01", "--to", "2026-12-01T10:00:00Z", "--account", "111122223333",
    ]

    func doc(_ text: String) throws -> [String: Any] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(root["reconciliation"] as? [String: Any])
    }

    func decimal(_ value: Any?) -> Decimal? { (value as? String).flatMap { Decimal(string: $0) } }

    func rounded(_ d: Decimal?, _ places: Int = 12) -> Decimal? {
        guard var d else { return nil }
        var out = Decimal()
        NSDecimalRound(&out, &d, places, .plain)
        return out
    }

    @Test func theInfeasibleSeedsOwnCacheClusterIsPlannedNotUnplannedAndExits5() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.cur2]).status == 0)
        let r = try cli.run(["reconcile", "plans/traffic-tacos.yaml"] + Self.month + ["--format", "json"])
        // The default evidence ladder finds the seed INFEASIBLE (hot queue key): exit 5 after the output.
        #expect(r.status == 5, "\(r.stderr)")
        #expect(r.stderr.contains("verdict: INFEASIBLE"))
        let d = try doc(r.stdout)
        #expect(d["verdict"] as? String == "INFEASIBLE")
        let lines = try #require(d["lines"] as? [[String: Any]])
        let redis = try #require(lines.first { $0["label"] as? String == "cache.m7g.xlarge nodes" })
        // As planned: 5 shards × (1 + 1 replica) = 10 nodes, always on, × 730 h × $0.315 = $2,299.50 — the seed's
        // own arithmetic; billed: the fixture's 7,300 node-hours at $0.315 = $2,299.50.
        #expect(redis["plannedCost"] as? String == "2299.5" && redis["billedCost"] as? String == "2299.5")
        #expect("\(redis["plannedQuantity"] ?? "")" == "7300")
        let groups = try #require(d["groups"] as? [[String: Any]])
        #expect(!groups.contains { ($0["name"] as? String)?.contains("ElastiCache") == true })
        // Events: the plan's 4 events per month × 730 h ÷ 730 h = 4.
        #expect(d["events"] as? Int == 4)
        // Per event = planned total ÷ 4; per seat = per event ÷ min(10,000 seats, admitted per event).
        let total = try #require(decimal(d["plannedTotal"]))
        let perEvent = try #require(decimal(d["plannedPerEvent"]))
        #expect(rounded(perEvent) == rounded(total / 4))
        #expect(rounded(decimal(d["plannedPerSeat"])) == rounded(perEvent / 10_000))
        // The table says it too, and a plan that is not INFEASIBLE exits 0.
        let table = try cli.run(["reconcile", "plans/traffic-tacos.yaml"] + Self.month)
        #expect(table.status == 5 && table.stdout.contains("(INFEASIBLE)") && table.stdout.contains("cost per event"))
        let reference = try cli.run(
            ["reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference"] + Self.month + ["--format", "json"])
        #expect(reference.status == 0, "\(reference.stderr)")
    }

    @Test func unitEconomicsMatchTheEstimatesDefinitions() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.cur2]).status == 0)
        let r = try doc(
            try cli.run(
                ["reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference"] + Self.month + [
                    "--format", "json",
                ]
            ).stdout)
        let estimate = try cli.run([
            "estimate", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2024-10-31", "--format",
            "json",
        ])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(estimate.stdout.utf8)) as? [String: Any])
        let e = try #require((root["estimate"] as? [String: Any])?["unitEconomics"] as? [String: Any])
        // Over one billing month (730 h) with the plan's 4 events, the planned figures are the estimate's: cost per
        // event = per-month total ÷ 4, per admitted user and per seat sold from the same timeline.
        #expect(rounded(decimal(r["plannedPerEvent"])) == rounded(decimal(e["costPerEvent"])))
        #expect(rounded(decimal(r["plannedPerUser"]), 14) == rounded(decimal(e["perAdmittedUser"]), 14))
        #expect(rounded(decimal(r["plannedPerSeat"])) == rounded(decimal(e["perSeatSold"])))
    }
}
