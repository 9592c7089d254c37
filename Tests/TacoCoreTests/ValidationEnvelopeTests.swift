import Testing

@testable import TacoCore

@Suite struct ValidationEnvelopeTests {
    let steps =
        [10_000.0, 20_000, 30_000].map {
            BenchmarkStep(name: "s\(Int($0))", rps: $0, status: .positionIndex, measured: [.redisEngineCPU: .point(50)])
        } + [BenchmarkStep(name: "k", rps: 90_000, status: .keys, measured: [:])]

    func check(_ predicted: Double) -> UtilizationCheck {
        UtilizationCheck(
            resource: "redis_engine_cpu", predicted: predicted, ceiling: 80, measuredFrom: 10_000, measuredTo: 30_000,
            basis: "test")
    }

    @Test func insideTheRangeAndUnderCeilingsIsValidated() {
        let v = EnvelopeVerdict.judge(
            operatingRPS: 25_000, implementation: .positionIndex, steps: steps, checks: [check(70)])
        #expect(v.verdict == .validated)
        #expect(v.measuredFrom == 10_000 && v.measuredTo == 30_000)  // the KEYS step at 90k does not widen the range
    }

    @Test func beyondTheRangeSaysByHowMuch() {
        // 60,000 ÷ 30,000 = 2× the highest measured step, 30,000 RPS beyond it.
        let v = EnvelopeVerdict.judge(
            operatingRPS: 60_000, implementation: .positionIndex, steps: steps, checks: [check(70)])
        #expect(v.verdict == .extrapolated)
        #expect(
            v.reasons.first
                == "EXTRAPOLATED: 60,000 RPS is 2× (30,000 RPS) beyond the highest measured position_index step (10,000–30,000 RPS)"
        )
        #expect(
            v.reasons.last?.contains(
                "redis_engine_cpu was measured (position_index steps) at 10,000–30,000 RPS: its prediction is extrapolated 2×"
            ) == true)
    }

    @Test func aPredictionOverItsCeilingFails() {
        let v = EnvelopeVerdict.judge(
            operatingRPS: 20_000, implementation: .positionIndex, steps: steps, checks: [check(95)])
        #expect(v.verdict == .fails)
        #expect(v.reasons == ["FAILS redis_engine_cpu: predicted 95 % at 20,000 RPS, ceiling 80 % (test)"])
    }
}

@Suite struct ValidationHardwareTests {
    @Test func aPlanOnOtherHardwareIsExtrapolatedEvenInsideTheRange() {
        let steps = [10_000.0, 30_000].map {
            BenchmarkStep(name: "s\(Int($0))", rps: $0, status: .positionIndex, measured: [:])
        }
        let v = EnvelopeVerdict.judge(
            operatingRPS: 20_000, implementation: .positionIndex, steps: steps, checks: [],
            otherHardware: "EXTRAPOLATED: other hardware")
        // 20,000 RPS lies inside 10,000–30,000 and nothing exceeds a ceiling, but the hardware differs.
        #expect(v.verdict == .extrapolated)
        #expect(v.reasons == ["EXTRAPOLATED: other hardware"])
    }
}
