import Foundation
import TacoApp
import TacoCore
import TestSupport
import Testing

/// The injected clock is the only "today": a plan without `pricing.as_of` run without `--as-of` is priced as of the
/// clock's day, and `--as-of` wins over both.
@Suite struct ClockTests {
    @Test func withoutAsOfThePlanIsPricedOnTheClocksDay() throws {
        let run = try AppRun()
        let plan = try run.write("minimal.yaml", PlanFixture.minimal)
        var evidence = try run.evidence()
        evidence.asOf = nil
        let outcome = try EstimateUseCase.run(PlanRequest(path: plan), evidence: evidence, context: run.context)
        // AppRun fixes the clock on 2026-09-01 and the minimal plan has no pricing.as_of.
        #expect(outcome.plan.input.asOf == Day(iso: "2026-09-01"))
    }

    @Test func asOfWinsOverTheClock() throws {
        let run = try AppRun()
        let plan = try run.write("minimal.yaml", PlanFixture.minimal)
        var evidence = try run.evidence()
        evidence.asOf = Day(iso: "2026-11-01")
        let outcome = try EstimateUseCase.run(PlanRequest(path: plan), evidence: evidence, context: run.context)
        #expect(outcome.plan.input.asOf == Day(iso: "2026-11-01"))
    }

    @Test func aMissingPlanIsInvalidInputNamingTheFile() throws {
        let run = try AppRun()
        let missing = run.scratch.appendingPathComponent("nope.yaml").path
        #expect {
            _ = try EstimateUseCase.run(PlanRequest(path: missing), evidence: try run.evidence(), context: run.context)
        } throws: { error in
            guard let f = error as? AppFailure else { return false }
            return f.status == .invalidInput && f.lines.first == "\(missing): error: no such file"
        }
    }
}
