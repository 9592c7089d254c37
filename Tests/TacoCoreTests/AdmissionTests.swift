import Foundation
import Testing

@testable import TacoCore

/// Docs/Model.md §2: the admission rate is the UX rate, raised to the seat-drain floor, capped by backend and budget;
/// the binding criterion is named. The minimal plan has 300,000 users, 10,000 seats, a 30 min window, 300 s wait.
@Suite struct AdmissionTests {
    func criterion(_ e: Estimate, _ name: AdmissionCriterion) throws -> AdmissionDecision.Criterion {
        try #require(e.admission.criteria.first { $0.name == name })
    }

    @Test func uxRateBindsWhenNothingCapsIt() throws {
        let e = try Fixture.estimate(Fixture.minimal, asOf: "2024-10-31")
        // UX 300,000 ÷ 300 s = 1,000/s; floor 10,000 ÷ 1,800 s = 5.56/s; backend cap 3,000 × 70 % (default) = 2,100/s.
        #expect(e.admission.rate == 1000)
        #expect(e.admission.binding == .userExperience)
        #expect(try criterion(e, .userExperience).binding)
        #expect(try !criterion(e, .backendCapacity).binding)
        // No write budget in the plan: the cost criterion has no rate.
        #expect(try criterion(e, .cost).rate == nil)
    }

    @Test func backendCapBindsBelowTheUXRate() throws {
        let text = try Fixture.variant(Fixture.minimal, "backend_capacity: 3000", "backend_capacity: 1000")
        let e = try Fixture.estimate(text, asOf: "2024-10-31")
        // Cap = 1,000 RPS × 70 % ÷ 1 call per admission = 700/s < UX 1,000/s → 700/s, backend binds.
        #expect(close(e.admission.rate, 700))
        #expect(e.admission.binding == .backendCapacity)
        #expect(try criterion(e, .backendCapacity).binding)
        #expect(try !criterion(e, .userExperience).binding)
        // Utilization at the cap = 700 ÷ 1,000 = 70 %; the last user waits 300,000 ÷ 700 = 428.57 s.
        #expect(close(e.admission.backendUtilization, 0.7))
        #expect(close(e.admission.impliedWait, 300000.0 / 700.0))
        #expect(try e.figure("admission.implied_wait").display == "428.6 s")
    }

    @Test func writeBudgetBindsWhenTheEventsWritesWouldCostMore() throws {
        let text = try Fixture.variant(
            Fixture.minimal, "backend_capacity: 3000", "backend_capacity: 3000\n  write_budget: 1")
        let before = try Fixture.estimate(text, asOf: "2024-10-31")
        // Cap = $1 ÷ (1,800 s × 1 WRU × 1 attempt × $0.00000125) = 1 ÷ 0.00225 = 444.44…/s < 1,000/s.
        #expect(before.admission.binding == .cost)
        #expect(close(before.admission.rate, 1.0 / 0.00225))
        #expect(try criterion(before, .cost).binding)
        // After the 2024-11-01 cut: 1 ÷ (1,800 × $0.000000625) = 1 ÷ 0.001125 = 888.88…/s, still below 1,000/s.
        let after = try Fixture.estimate(text, asOf: "2026-11-01")
        #expect(after.admission.binding == .cost)
        #expect(close(after.admission.rate, 1.0 / 0.001125))
    }

    @Test func seatDrainFloorRaisesTheRate() throws {
        let text = try Fixture.variant(Fixture.minimal, "seats: 10000", "seats: 3600000")
        let e = try Fixture.estimate(text, asOf: "2024-10-31")
        // Floor 3,600,000 seats ÷ 1,800 s = 2,000/s > UX 1,000/s and ≤ backend cap 2,100/s → 2,000/s.
        #expect(e.admission.rate == 2000)
        #expect(e.admission.binding == .seatDrain)
    }

    @Test func fixedModeUsesThePlansRate() throws {
        let text = try Fixture.variant(
            Fixture.minimal, "backend_capacity: 3000", "backend_capacity: 3000\n  mode: fixed\n  rate: 500")
        let e = try Fixture.estimate(text, asOf: "2024-10-31")
        // Fixed 500/s: utilization 500 ÷ 3,000 = 1/6; drain 300,000 ÷ 500 = 600 s; no criterion binds.
        #expect(e.admission.rate == 500)
        #expect(e.admission.binding == .fixed)
        #expect(e.admission.backendUtilization == 500.0 / 3000.0)
        #expect(e.traffic.drainTime == 600)
        #expect(e.admission.criteria.allSatisfy { !$0.binding })
    }

    @Test func aRateWithDeriveModeIsRejected() throws {
        let text = try Fixture.variant(Fixture.minimal, "backend_capacity: 3000", "backend_capacity: 3000\n  rate: 500")
        let problems = Fixture.problems(text)
        #expect(problems.count == 1)
        // The `rate` key sits on line 18 (after backend_capacity on 17), column 3.
        #expect(problems.first?.location == TacoCore.SourceLocation(file: "plan.yaml", line: 18, column: 3))
        #expect(problems.first?.fix?.contains("mode: fixed") == true)
    }

    @Test func fixedModeWithoutARateIsRejected() throws {
        let text = try Fixture.variant(
            Fixture.minimal, "backend_capacity: 3000", "backend_capacity: 3000\n  mode: fixed")
        let problems = Fixture.problems(text)
        #expect(problems.map(\.path) == ["admission.rate"])
        #expect(problems.first?.message == "mode fixed needs a rate")
    }
}
