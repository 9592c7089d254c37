import TacoApp
import TacoCore
import TestSupport
import Testing

/// The exit is mapped from the verdict once, in TacoApp (`Assessment.exitStatus`); TacoCore holds no exit code.
/// README "Exit codes": 5 INFEASIBLE, 8 AT RISK with `--fail-on at-risk`, 0 otherwise; `--fail-on never` is 0.
@Suite struct ExitStatusTests {
    static func assess(_ plan: String, failOn: FailOn) throws -> Assessment {
        let run = try AppRun()
        let evidence = EvidenceRequest(
            db: run.db, asOf: Day(iso: "2026-11-01"), costsFile: nil, evidence: .best)
        return try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan(plan), failOn: failOn), evidence: evidence, context: run.context
        ).assessment
    }

    @Test func anInfeasiblePlanExitsFiveUnlessNeverFails() throws {
        // The seed on the load-test calibration: ZRANK on one replica at 165.7 % engine CPU (VerdictTests).
        let a = try Self.assess("traffic-tacos.yaml", failOn: .infeasible)
        #expect(a.verdict.status == .infeasible)
        #expect(a.exitStatus == .infeasible && a.exitCode == 5)
        #expect(try Self.assess("traffic-tacos.yaml", failOn: .atRisk).exitCode == 5)
        let never = try Self.assess("traffic-tacos.yaml", failOn: .never)
        #expect(never.exitStatus == nil && never.exitCode == 0 && never.failure == nil)
    }

    @Test func anAtRiskPlanExitsEightOnlyWhenAsked() throws {
        let a = try Self.assess("regional-sale.yaml", failOn: .infeasible)
        try #require(a.verdict.status == .atRisk, "regional-sale is AT RISK on the calibrated rung")
        #expect(a.exitStatus == nil && a.exitCode == 0)
        let strict = try Self.assess("regional-sale.yaml", failOn: .atRisk)
        #expect(strict.exitStatus == .atRisk && strict.exitCode == 8)
        #expect(strict.failure?.lines.first?.hasPrefix("verdict: AT RISK") == true)
    }
}
