import Testing

@testable import TacoCore

/// A calibrated per-command overhead replaces each reference row's overhead; execution times stay the rows'.
@Suite struct CalibratedOverheadTests {
    @Test func aCalibratedOverheadReplacesTheRowsOverhead() throws {
        var costs = try Fixture.costs()
        costs.calibratedOverhead = CommandCostTable.CalibratedOverhead(micros: 10, source: "test fit")
        let zrank = try #require(costs.cost("ZRANK", n: 300_000, engine: .redis))
        // Row redis ZRANK N=300,000 c=50: usec_per_call 2.09 µs is the execution; overhead 10 µs → 12.09 µs.
        #expect(close(zrank.totalMicros, 12.09))
        #expect(zrank.citation.hasSuffix("; overhead 10 µs from test fit"))
    }

    @Test func theMinimalPlansHotKeyUsesTheCalibratedCost() throws {
        var input = try Fixture.input(Fixture.minimal, asOf: "2026-11-01")
        input.costs.calibratedOverhead = CommandCostTable.CalibratedOverhead(micros: 10, source: "test fit")
        let e = Estimate.compute(input)
        // 300,000 users ÷ 5 s = 60,000 ZRANK/s on the queue primary (no replicas read) × 12.09 µs = 0.7254 cores.
        #expect(close(e.redis.hotKeyLoad, 0.7254))
    }
}
