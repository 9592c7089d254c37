import TacoApp
import TacoCore
import Testing

/// TacoCore reports what is wrong as values; TacoApp alone spells the option to change.
@Suite struct OptionSpellingTests {
    @Test func aSweepRangeErrorNamesTheOptionOfItsAxis() throws {
        guard case .failure(let e) = SweepRange.parse("3M..100k", axis: .statusRPS, steps: 12) else {
            Issue.record("3M..100k has FROM above TO")
            return
        }
        #expect(e.problem == .bounds("3M..100k"))
        #expect(
            e.diagnostic.lines == [
                "error: --status-rps 3M..100k: FROM must be at least 1 and below TO",
                "    fix: e.g. --status-rps 100k..3M",
            ])
        guard case .failure(let steps) = SweepRange.parse("1..2", axis: .users, steps: 1) else {
            Issue.record("1 point is below the 2 a sweep needs")
            return
        }
        #expect(steps.diagnostic.sentence == "--steps 1 is out of range; use 2 to \(SweepRange.maxSteps) points")
    }

    @Test func aSimulationErrorWordsItsChangeWithTheStepOption() {
        let e = SimulationError(
            message: "too many steps", fix: "a shorter scaling.tail", change: .coarserStep(seconds: 5))
        #expect(e.diagnostic.fix == "use a longer --step (e.g. --step 5s) or a shorter scaling.tail")
        #expect(!e.description.contains("--"))
    }
}
