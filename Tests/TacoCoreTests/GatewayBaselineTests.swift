import Foundation
import Testing

@testable import TacoCore

/// `gateway.baseline_rps` / `min_pods`: nodes for the baseline run all month; only the surge runs for the event.
@Suite struct GatewayBaselineTests {
    @Test func baselineNodesAreAlwaysOnAndTheSurgeRunsForTheEvent() throws {
        let text = try Fixture.variant(
            Fixture.minimal, "  rps_per_pod: 1667\n", "  rps_per_pod: 1667\n  baseline_rps: 3000\n")
        let e = try Fixture.estimate(text, asOf: "2026-11-01")
        // One pod serves 1,667 × 60 % = 1,000.2 RPS. Baseline ⌈3,000 ÷ 1,000.2⌉ = 3 pods; peak (status only)
        // ⌈60,000 ÷ 1,000.2⌉ = 60 pods. c7g.xlarge: ⌊(4 − 0.25) ÷ 1⌋ = 3 pods by CPU, ⌊(8 − 1) GiB ÷ 1 GiB⌋ = 7 by
        // memory → 3 pods per node: 1 always-on node, 20 at peak, so 19 for the event. No Spot (share 0 %).
        #expect(e.gateway.baselinePods == 3)
        let chosen = try #require(e.gateway.chosen)
        #expect(chosen.nodes == 20 && chosen.baselineNodes == 1 && chosen.baselineOnDemandNodes == 1)
        let always = try #require(e.costs.first { $0.component == "c7g.xlarge On-Demand node (always on)" })
        // 1 node × $0.145/h × 730 h = $105.85 per month.
        #expect(always.perMonth == Money(try Fixture.dec("105.85")))
        let event = try #require(e.costs.first { $0.component == "c7g.xlarge On-Demand node (event)" })
        // 19 nodes × $0.145/h × 0.5 h (30 min window) = $1.3775 per event × 1 event a month.
        #expect(event.perEvent == Money(try Fixture.dec("1.3775")))
        #expect(event.perMonth == Money(try Fixture.dec("1.3775")))
    }

    @Test func minPodsKeepsPodsRunningWithoutBaselineTraffic() throws {
        let text = try Fixture.variant(Fixture.minimal, "  rps_per_pod: 1667\n", "  rps_per_pod: 1667\n  min_pods: 4\n")
        let e = try Fixture.estimate(text, asOf: "2026-11-01")
        // max(4 pods, ⌈0 ÷ 1,000.2⌉ = 0) = 4 pods → ⌈4 ÷ 3⌉ = 2 always-on nodes.
        #expect(e.gateway.baselinePods == 4)
        #expect(e.gateway.chosen?.baselineNodes == 2)
    }
}
