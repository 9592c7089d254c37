import Testing

@testable import TacoCore

@Suite struct ValidationRedisCalibrationTests {
    // Two commands per status request on the busiest node taking 5 µs of execution together (KEYS: 120,000 µs).
    func work(_ step: BenchmarkStep, _ overhead: Double?) -> EngineWork? {
        let perRequest = step.status == .keys ? 120_000.0 : 5
        return EngineWork(
            callsPerSecond: step.rps * 2, executionMicrosPerSecond: step.rps * perRequest,
            referenceOverheadMicrosPerSecond: 0)
    }

    var steps: [BenchmarkStep] {
        [
            BenchmarkStep(name: "keys-1k", rps: 1000, status: .keys, measured: [.redisEngineCPU: .ok]),
            BenchmarkStep(name: "keys-10k", rps: 10_000, status: .keys, measured: [.redisEngineCPU: .atLeast(100)]),
            BenchmarkStep(
                name: "index-10k", rps: 10_000, status: .positionIndex, measured: [.redisEngineCPU: .point(40)]),
            BenchmarkStep(
                name: "index-20k", rps: 20_000, status: .positionIndex, measured: [.redisEngineCPU: .point(70)]),
            BenchmarkStep(
                name: "index-30k", rps: 30_000, status: .positionIndex, measured: [.redisEngineCPU: .point(90)]),
        ]
    }

    @Test func seedStepsFitAndLeaveOneOutWithinTenPoints() throws {
        let c = RedisCalibration.calibrate(steps: steps, work: work)
        // cpu = a + o·A + B with A = R × 2 ÷ 10⁴ and B = R × 5 ÷ 10⁴. Measured line: 25 points per 10k RPS, intercept
        // 50/3. Per 10k RPS, A = 2 and B = 5, so 2·o + 5 = 25 → o = 10 µs; a = 50/3.
        #expect(abs((c.overheadMicros ?? 0) - 10) < 1e-9)
        #expect(abs((c.intercept ?? 0) - 50.0 / 3.0) < 1e-9)
        // Leave-one-out errors of a line through the other two points: +10, −5, +10.
        let errors = c.leaveOneOut.map(\.error)
        for (e, want) in zip(errors, [10.0, -5, 10]) { #expect(abs(e - want) < 1e-9) }
        #expect(errors.allSatisfy { abs($0) <= 10 + 1e-9 })
    }

    @Test func censoredKeysStepIsCheckedNotFitted() throws {
        let c = RedisCalibration.calibrate(steps: steps, work: work)
        // KEYS at 10k: 50/3 + 10,000 × (10 × 2 + 120,000) ÷ 10⁴ = 16.67 + 120,020 % ≥ 100 % → consistent.
        let keys10k = try #require(c.comparisons.first { $0.step == "keys-10k" })
        #expect(keys10k.consistent == true)
        #expect(keys10k.error == nil)
        #expect(abs((keys10k.predicted ?? 0) - (50.0 / 3.0 + 120_020)) < 1e-6)
        // KEYS at 1k "ok": 16.67 + 12,002 % is not under 100 % → the model contradicts the seed at this N.
        #expect(c.comparisons.first { $0.step == "keys-1k" }?.consistent == false)
    }
}
