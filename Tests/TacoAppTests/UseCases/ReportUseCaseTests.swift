import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `report` in process: what the seed's report gives beyond the golden fixtures (savings per lever from the plan's
/// variants, the validation against the bundled load test) and what `-o DIR` writes.
@Suite struct ReportUseCaseTests {
    static func seedReport(_ run: AppRun) throws -> ReportUseCase.Outcome {
        try ReportUseCase.run(
            PlanRequest(path: AppRun.plan("traffic-tacos.yaml")),
            evidence: EvidenceRequest(db: run.db, asOf: Day(iso: "2026-11-01"), evidence: .reference),
            context: run.context)
    }

    @Test func theSeedReportHasLeversAndValidation() throws {
        let outcome = try Self.seedReport(AppRun())
        #expect(outcome.failure == nil)
        let files = try ReportFiles.render(outcome.report, format: .markdown, slides: false)
        let text = files.main.text
        // Valkey on the same 10 × cache.m7g.xlarge saves 10 × ($0.315 − $0.252) × 730 h = $459.90 a month.
        #expect(text.contains("| valkey: Valkey vs Redis OSS | \\$459.90 |"))
        // 300,000 users ÷ 5 s = 60,000 status requests/s: 2× the 30,000 RPS the load test reached.
        #expect(text.contains("Load-test envelope: FAILS"))
        #expect(text.contains("60,000 RPS is 2× (30,000 RPS) beyond the highest measured position_index step"))
        // The Markdown links charts that only `-o DIR` writes (the command says so on stderr).
        #expect(!files.charts.isEmpty)
    }

    @Test func csvToADirectoryWritesNoChartsFolder() throws {
        let run = try AppRun()
        let outcome = try Self.seedReport(run)
        let out = run.scratch.appendingPathComponent("out").path
        let files = try ReportFiles.render(outcome.report, format: .csv, slides: false)
        _ = try ReportOutput.write(files, to: out)
        #expect(FileManager.default.fileExists(atPath: out + "/costs.csv"))
        #expect(!FileManager.default.fileExists(atPath: out + "/charts"))
    }

    @Test func theSeedPlanIsInfeasibleWithTheLoadTestsOwnOverhead() throws {
        let run = try AppRun()
        func seed(calibrated: Bool, _ choice: EvidenceChoice) throws -> EstimateUseCase.Outcome {
            try EstimateUseCase.run(
                PlanRequest(path: AppRun.plan("traffic-tacos.yaml")),
                evidence: EvidenceRequest(
                    db: run.db, asOf: Day(iso: "2026-11-01"), evidence: calibrated ? .calibrated : choice),
                context: run.context)
        }
        // `--evidence calibrated`: explain follows the verdict like every command, INFEASIBLE on the calibration → 5.
        let calibrated = try seed(calibrated: true, .best)
        #expect(calibrated.failure?.status == .infeasible)
        let explain = ExplainText.render(calibrated.estimate, only: "redis.hot_key_cpu", style: Style(enabled: false))
        #expect(explain.contains("from tacoplan validate: least squares; on cache.m7g.xlarge"))
        // With one read replica the queue shard's replica takes all 60,000 ZRANK/s; at the fitted overhead that is
        // more than the 80 % engine ceiling, so no candidate fits: exit 5, the estimate still rendered.
        let table = EstimateText.render(
            calibrated.estimate, assessment: calibrated.assessment.plan, deployment: nil,
            exitCode: calibrated.assessment.exitCode, spelling: CommandSpelling.commandLine,
            style: Style(enabled: false))
        #expect(table.contains("hot key: one queue partition needs"))
        // The seed runs the load test's own hardware (cache.m7g.xlarge Redis OSS), so the default ladder picks the
        // same calibration: exit 5 without the flag too. Only the reference VM's costs on purpose fit a cluster.
        #expect(try seed(calibrated: false, .best).failure?.status == .infeasible)
        #expect(try seed(calibrated: false, .reference).failure == nil)
    }
}
