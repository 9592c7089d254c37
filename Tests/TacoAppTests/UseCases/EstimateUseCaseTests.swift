import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `estimate` and `explain` on the seed plan in process: the use case, then the renderers the command prints.
@Suite struct EstimateUseCaseTests {
    static func estimate(_ run: AppRun, asOf: String, evidence: EvidenceChoice = .best, plan: String = "traffic-tacos")
        throws -> EstimateUseCase.Outcome
    {
        try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan("\(plan).yaml")),
            evidence: EvidenceRequest(db: run.db, asOf: Day(iso: asOf), evidence: evidence), context: run.context)
    }

    /// The document `estimate --format json` prints.
    static func json(_ outcome: EstimateUseCase.Outcome) throws -> EstimateJSON {
        let a = outcome.assessment
        return try EstimateJSON(EstimateDocument(outcome.estimate, assessment: a.plan, exit: a.exitCode).json())
    }

    @Test func jsonBeforeThePriceCutHasTheSeedsFigures() throws {
        let outcome = try Self.estimate(AppRun(), asOf: "2024-10-31", evidence: .reference)
        #expect(outcome.failure == nil)  // AT RISK on the reference rung: exit 0
        let json = try Self.json(outcome)
        #expect(json.root["schema"] as? String == "tacoplan.estimate/1")
        #expect(json.estimate["asOf"] as? String == "2024-10-31")
        #expect(try json.display("admission.seat_drain") == "5.56/s")  // 10,000 ÷ 1,800 s = 5.555…
        #expect(try json.display("admission.user_experience") == "1,000/s")  // 300,000 ÷ 300 s
        #expect(try json.display("admission.backend_utilization") == "33.3 %")  // 1,000 ÷ 3,000
        #expect(try json.display("traffic.status_rate") == "60,000/s")  // 300,000 ÷ 5 s
        #expect(try json.display("traffic.status_bandwidth") == "60 MB/s")  // 60,000/s × 1,000 B
        #expect(try json.display("redis.queue_data") == "300 MB")  // 300,000 × 1,000 B
        // 1,000/s × 1,800 s × $0.00000125 = $2.25, carried as an exact decimal string.
        #expect(try json.section("dynamodb")["ceilingCost"] as? String == "2.25")
    }

    @Test func jsonAfterThePriceCutHasTheNewCeilingAndExpectedCost() throws {
        let outcome = try Self.estimate(AppRun(), asOf: "2026-11-01", evidence: .reference)
        #expect(outcome.failure == nil)
        let json = try Self.json(outcome)
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
        let run = try AppRun()
        let first = try Self.estimate(run, asOf: "2026-11-01", evidence: .reference)
        let second = try Self.estimate(run, asOf: "2026-11-01", evidence: .reference)
        #expect(
            try EstimateDocument(first.estimate, assessment: first.assessment.plan).json()
                == EstimateDocument(second.estimate, assessment: second.assessment.plan).json())
    }

    @Test func explainCitesPlanLinesAndPriceRows() throws {
        let outcome = try Self.estimate(AppRun(), asOf: "2024-10-31")
        #expect(outcome.failure?.status == .infeasible)  // the seed is INFEASIBLE and explain follows the verdict
        let text = ExplainText.render(outcome.estimate, style: Style(enabled: false))
        let plan = AppRun.plan("traffic-tacos.yaml")
        // plans/traffic-tacos.yaml line 10 `  seats: 10000` and line 11 `  users: 300000`, values at column 10.
        #expect(text.contains("seats = 10,000  ← \(plan):10:10"))
        #expect(text.contains("users = 300,000  ← \(plan):11:10"))
        #expect(text.contains("formula:    seats ÷ window (Docs/Model.md §2 criterion 1)"))
        #expect(text.contains("arithmetic: 10,000 seats ÷ 1,800 s = 5.56/s"))
        // The WRU price in force on 2024-10-31 and the bundled file it comes from.
        #expect(text.contains("$0.00000125/request-unit from 2024-07-01 — aws-pricing-facts.md"))
        // The benchmark row behind ZRANK's cost: benchmarks/redis-command-costs.csv line 41.
        #expect(text.contains("benchmarks/redis-command-costs.csv:41"))
    }

    @Test func explainOnlyPrintsTheAskedFigures() throws {
        let outcome = try Self.estimate(AppRun(), asOf: "2024-10-31")
        try ExplainFilter.check(outcome.estimate, only: "admission.seat_drain")
        let text = ExplainText.render(outcome.estimate, only: "admission.seat_drain", style: Style(enabled: false))
        #expect(text.contains("[admission.seat_drain] = 5.56/s"))
        #expect(!text.contains("[traffic.status_rate]"))
    }

    @Test func estimateFollowsExtends() throws {
        let run = try AppRun()
        _ = try run.write("base.yaml", PlanFixture.minimal)
        let child = try run.write("child.yaml", "extends: base.yaml\nname: child\nclients: { status_poll: 10s }\n")
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: child), evidence: try run.evidence(), context: run.context)
        #expect(outcome.estimate.plan == "child")
        // 300,000 users (base) ÷ status_poll 10 s (child) = 30,000/s.
        #expect(outcome.estimate.traffic.statusRate == 30_000)
        let footer = VariantFooter.render(family: outcome.plan.family, variant: outcome.plan.variant)
        #expect(footer.contains("Extends: \(child) → \(run.scratch.appendingPathComponent("base.yaml").path)"))
    }

    @Test func estimateOneVariantOfTheSeed() throws {
        let run = try AppRun()
        func valkey(_ evidence: EvidenceChoice) throws -> EstimateUseCase.Outcome {
            try EstimateUseCase.run(
                PlanRequest(path: AppRun.plan("traffic-tacos.yaml"), variant: "valkey"),
                evidence: EvidenceRequest(db: run.db, asOf: Day(iso: "2026-11-01"), evidence: evidence),
                context: run.context)
        }
        // On the best evidence the valkey variant is INFEASIBLE like the base (the calibration is carried over to
        // Valkey, never dropped), and an infeasible cluster is not priced; the reference rung sizes it.
        #expect(try valkey(.best).failure?.status == .infeasible)
        let reference = try valkey(.reference)
        #expect(reference.failure == nil)
        // Valkey on the seed's 10 × cache.m7g.xlarge: 10 × $0.252 = $2.52/h; × 730 h = $1,839.60 per month.
        let redis = try Self.json(reference).costLine("redis")
        #expect(redis["unitPrice"] as? String == "0.252")
        #expect(redis["hourly"] as? String == "2.52")
        #expect(redis["perMonth"] as? String == "1839.6")
        let base = try Self.estimate(run, asOf: "2026-11-01")
        #expect(
            VariantFooter.render(family: base.plan.family, variant: base.plan.variant).contains(
                "Variants of this plan: keys-scan, x86-gateway, x86-cache, on-demand-gateway, valkey, dynamodb-provisioned"
            ))
    }
}
