import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// One verdict per plan, in process: estimate (JSON), compare, report and validate read the same assessment of the
/// seed plan; totals carry UNPRICED / INFEASIBLE markers in every format; claims come from the plan.
@Suite struct VerdictUseCaseTests {
    // The seed runs cache.m7g.xlarge Redis OSS, the bundled load test's hardware, so the calibrated rung applies:
    // 60,000 ZRANK/s × (22.91 µs fitted overhead + 2.09 µs execution) = 1.5 cores, plus the fitted baseline 15.69 %
    // = 165.7 % on the queue shard's one read replica; band ±25 % (largest leave-one-out error 10 of 40 points):
    // 124.3 %–207.1 %, all above the 80 % ceiling → INFEASIBLE, exit 5, in every command.
    static let reason =
        "the hot queue key alone needs 165.7 % (124.3 %–207.1 %) of one engine core; even the bottom of the band is above the 80 % ceiling"

    static let seed = AppRun.plan("traffic-tacos.yaml")

    static func evidence(_ run: AppRun, _ asOf: String, _ choice: EvidenceChoice = .best) -> EvidenceRequest {
        EvidenceRequest(db: run.db, asOf: Day(iso: asOf), evidence: choice)
    }

    /// `estimate`'s table, unfolded.
    static func table(_ outcome: EstimateUseCase.Outcome) -> String {
        let a = outcome.assessment
        return TextTable.$width.withValue(100_000) {
            EstimateText.render(
                outcome.estimate, assessment: a.plan, deployment: a.regions?.deployment, exitCode: a.exitCode,
                spelling: CommandSpelling.commandLine, style: Style(enabled: false))
        }
    }

    static func markdown(_ outcome: ReportUseCase.Outcome) throws -> String {
        try ReportFiles.render(outcome.report, format: .markdown, slides: false).main.text
    }

    @Test func estimateJSONCarriesTheSameVerdict() throws {
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: Self.seed), evidence: Self.evidence(run, "2026-11-01"), context: run.context)
        #expect(outcome.failure?.status == .infeasible)
        let a = outcome.assessment
        let text = try EstimateDocument(outcome.estimate, assessment: a.plan, exit: a.exitCode).json()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let verdict = try #require(root["verdict"] as? [String: Any])
        #expect(verdict["status"] as? String == "INFEASIBLE")
        let evidence = try #require(verdict["evidence"] as? [String: Any])
        #expect(evidence["evidence"] as? String == "calibrated")
        let estimate = try #require(root["estimate"] as? [String: Any])
        let totals = try #require(estimate["totals"] as? [String: Any])
        #expect(totals["complete"] as? Bool == true)
        let failing = try #require(totals["failing"] as? [[String: Any]])
        #expect(failing.count == 1)
        #expect(failing.first?["reason"] as? String == "INFEASIBLE")
        #expect(failing.first?["resource"] as? String == "redis")
    }

    @Test func compareReportAndValidateAgree() throws {
        let run = try AppRun()
        let evidence = Self.evidence(run, "2026-11-01")
        let compare = try CompareUseCase.run(
            plans: [Self.seed], baseline: nil, evidence: evidence, context: run.context)
        #expect(compare.failure?.status == .infeasible)
        #expect(compare.assessment.verdict.status == .infeasible)
        #expect(
            CompareText.render(compare.comparison, style: Style(enabled: false)).contains(
                "base: INFEASIBLE — Redis: " + Self.reason))
        let report = try ReportUseCase.run(PlanRequest(path: Self.seed), evidence: evidence, context: run.context)
        #expect(report.failure?.status == .infeasible)
        let markdown = try Self.markdown(report)
        #expect(markdown.contains("**Verdict: INFEASIBLE** — Redis: " + Self.reason))
        #expect(markdown.contains("Findings about the plan's claims"))
        let validate = try ValidateUseCase.run(
            PlanRequest(path: Self.seed), evidence: evidence, benchmarks: [], context: run.context)
        #expect(validate.exitCode == 5)
        #expect(validate.failure?.status == .infeasible)
        #expect(validate.verdict.status == .infeasible)
        #expect(validate.verdict.reasons.contains { $0.contains(Self.reason) })
    }

    @Test func unpricedMarkersInEveryTotalAndFormat() throws {
        // Seoul: the cache.m7g.xlarge Valkey nodes have no bundled Seoul price: one UNPRICED line. On the reference
        // rung a cluster is sized (AT RISK, exit 0); the carried calibration makes its hot key infeasible, and an
        // infeasible line is never priced, so this test pins the reference rung.
        let run = try AppRun()
        let plan = PlanRequest(path: AppRun.plan("seoul-concert.yaml"))
        let evidence = Self.evidence(run, "2026-11-01", .reference)
        let outcome = try EstimateUseCase.run(plan, evidence: evidence, context: run.context)
        #expect(outcome.failure == nil)
        let total = try #require(Self.table(outcome).split(separator: "\n").first { $0.hasPrefix("  total") })
        // per hour, per event and per month each carry the marker.
        #expect(total.components(separatedBy: "+ 1 UNPRICED").count - 1 == 3)
        #expect(try EstimateDocument(outcome.estimate).json().contains("\"complete\" : false"))
        let report = try ReportUseCase.run(plan, evidence: evidence, context: run.context)
        #expect(CostCSV.render(report.report).contains("total,total + 1 UNPRICED,"))
        let md = try Self.markdown(report)
        #expect(md.contains("**Per month (as planned):**"))
        #expect(md.contains("+ 1 UNPRICED"))
        #expect(md.contains("Totals exclude UNPRICED redis (cache.m7g.xlarge Valkey node)."))
    }

    @Test func claimsComeFromThePlan() throws {
        let run = try AppRun()
        let evidence = Self.evidence(run, "2026-11-01")
        for name in ["regional-sale.yaml", "seoul-concert.yaml"] {
            let plan = PlanRequest(path: AppRun.plan(name))
            let text = Self.table(try EstimateUseCase.run(plan, evidence: evidence, context: run.context))
            #expect(!text.contains("claim:"), "\(name)")
            #expect(!text.contains("30분"), "\(name)")
            #expect(!text.contains("seed's"), "\(name)")
            let md = try Self.markdown(try ReportUseCase.run(plan, evidence: evidence, context: run.context))
            #expect(!md.contains("Findings about the plan's claims"), "\(name)")
        }
        let seed = Self.table(
            try EstimateUseCase.run(PlanRequest(path: Self.seed), evidence: evidence, context: run.context))
        #expect(seed.contains("claim: \"30분 티켓팅: $2.25 (DynamoDB 쓰기)\""))
        #expect(seed.contains("claim: \"KEYS (O(N)) → ZRANK (O(log N)), 100배 성능 향상\""))
    }

    @Test func dynamoDBBeforeTheCutUsesTheDocumentedLaunchPrice() throws {
        // On 2024-06-01 the price in force is the launch price, documented from 2018-11-28: $1.25 per million WRU.
        // 300,000 admitted users × 1 attempt × 1 WRU × $0.00000125 = $0.375 per event.
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: Self.seed), evidence: Self.evidence(run, "2024-06-01"), context: run.context)
        let dynamo = try #require(outcome.estimate.costs.first { $0.resource == .dynamodb })
        #expect(dynamo.unitPrice == Money(string: "0.00000125"))
        #expect(dynamo.effectiveFrom.map { "\($0)" } == "2018-11-28")
        #expect(dynamo.startDocumented == true)
        #expect(dynamo.perEvent == Money(string: "0.375"))
        let table = Self.table(outcome)
        #expect(table.contains("in force from 2018-11-28 (documented start)"))
        #expect(table.contains("The claimed $2.25 needs the price in force from 2018-11-28 until 2024-11-01"))
    }
}
