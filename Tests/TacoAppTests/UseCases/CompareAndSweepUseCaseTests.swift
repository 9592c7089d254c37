import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `compare` and `sweep` in process: the use cases, the documents and the text the commands print from them.
@Suite struct CompareUseCaseTests {
    static let seed = AppRun.plan("traffic-tacos.yaml")

    /// The reference rung on purpose: with the load test's calibration the seed's Redis fits no cluster, and this
    /// suite checks the lever arithmetic on the reference-VM sizing.
    static func compare(_ run: AppRun, baseline: String? = "base") throws -> CompareUseCase.Outcome {
        try CompareUseCase.run(
            plans: [seed], baseline: baseline,
            evidence: EvidenceRequest(db: run.db, asOf: Day(iso: "2026-11-01"), evidence: .reference),
            context: run.context)
    }

    @Test func comparesEveryShippedVariant() throws {
        let outcome = try Self.compare(AppRun())
        #expect(outcome.failure == nil)
        let text = TextTable.$width.withValue(100_000) {
            CompareText.render(outcome.comparison, style: Style(enabled: false))
        }
        for name in [
            "base (baseline)", "keys-scan", "x86-gateway", "x86-cache", "on-demand-gateway", "valkey",
            "dynamodb-provisioned", "always-on-on-demand-gateway",
        ] {
            #expect(text.contains("  \(name) "), "missing \(name)")
        }
        // Table columns are padded to the longest name: compare with runs of spaces folded to one.
        let out = text.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        // KEYS at N = 300,000 costs 118,937 µs (reference benchmark): one core saturates at 1e6 ÷ 118,937 ≈ 8.4/s.
        #expect(out.contains("keys-scan INFEASIBLE"))
        #expect(text.contains("one core saturates at 8.4 calls/s, the plan issues 60,000/s"))
        // Valkey on the same 10 × cache.m7g.xlarge: 10 × ($0.315 − $0.252) × 730 h = $459.90 per month.
        #expect(out.contains("Valkey vs Redis OSS -$459.90"))
        #expect(out.contains("Spot instances $1,200.00/month"))
        // The peak fleet all month: 80 % Spot on c7g.2xlarge = (2 × $0.29 + 8 × $0.29 × (1 − 60 %)) × 730 h
        // = $1.508 × 730 = $1,100.84; all On-Demand the cheapest is c6g.2xlarge: 10 × $0.272 × 730 = $1,985.60;
        // the Spot step saves $1,985.60 − $1,100.84 = $884.76 a month.
        #expect(out.contains("Spot instances, gateway always on $1,200.00/month $884.76/month"))
    }

    @Test func jsonIsByteIdenticalAcrossRuns() throws {
        let run = try AppRun()
        let a = try Self.compare(run)
        let b = try Self.compare(run)
        let first = try CompareDocument(a.comparison, levers: a.automaticLevers).json()
        #expect(first == (try CompareDocument(b.comparison, levers: b.automaticLevers).json()))
        #expect(first.contains("\"schema\" : \"tacoplan.compare/1\""))
    }

    @Test func unknownBaselineIsAnInputError() throws {
        do {
            _ = try Self.compare(AppRun(), baseline: "valky")
            Issue.record("an unknown baseline was accepted")
        } catch let error as AppFailure {
            #expect(error.status == .invalidInput)
            #expect(error.lines.joined(separator: "\n").contains("did you mean 'valkey'?"))
        }
    }

    @Test func regionalSaleGetsAtLeastFourComputedAutomaticLevers() throws {
        let run = try AppRun()
        let outcome = try CompareUseCase.run(
            plans: [AppRun.plan("regional-sale.yaml")], baseline: nil, evidence: try run.evidence(),
            context: run.context)
        #expect(outcome.failure == nil)
        let text = AutomaticLeverText.render(
            outcome.automaticLevers, baseline: outcome.comparison.baseline, style: Style(enabled: false))
        #expect(text.contains("Automatic levers for base"))
        let json = try CompareDocument(outcome.comparison, levers: outcome.automaticLevers).json()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let levers = try #require(doc["automaticLevers"] as? [[String: Any]])
        let computed = levers.filter { ($0["status"] as? String) == "computed" && $0["savingPerMonth"] is String }
        #expect(computed.count >= 4)
        // regional-sale has redis.always_on: false, so reserved nodes do not apply (said, not priced at $0).
        let reserved = try #require(levers.first { ($0["kind"] as? String) == "commitment" })
        #expect(reserved["status"] as? String == "not-available")
        #expect(reserved["savingPerMonth"] == nil)
    }
}

@Suite struct SweepUseCaseTests {
    static func sweep(_ run: AppRun, _ text: String, axis: SweepAxis, steps: Int = 12, failOn: FailOn = .infeasible)
        throws -> SweepUseCase.Outcome
    {
        let range = try SweepRange.parse(text, axis: axis, steps: steps).get()
        return try SweepUseCase.run(
            PlanRequest(path: AppRun.plan("traffic-tacos.yaml"), failOn: failOn), range: range,
            evidence: try run.evidence(), context: run.context)
    }

    @Test func seedSweepJSONHasTwelvePointsWithCostBindingsAndBreaks() throws {
        let outcome = try Self.sweep(AppRun(), "100k..3M", axis: .users)
        #expect(outcome.failure?.status == .infeasible)  // the seed at its own scale is INFEASIBLE
        let json = try SweepDocument(outcome.result).json()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
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

    @Test func sweepRPSNamesWhatTheGoalTakes() throws {
        let outcome = try Self.sweep(AppRun(), "10k..100k", axis: .gatewayRPS, failOn: .never)
        #expect(outcome.failure == nil)
        let text = TextTable.$width.withValue(100_000) {
            SweepText.render(outcome.result, style: Style(enabled: false))
        }
        // 100,000 ÷ (1/5 + 1/60 + 2/300) requests per user and second = 447,761 users.
        #expect(text.contains("To reach 100,000 gateway req/s: 447,761 users"), "\(text)")
        #expect(text.contains("First break on the way: "))
        #expect(text.contains("INFEASIBLE as written from "))
    }
}
