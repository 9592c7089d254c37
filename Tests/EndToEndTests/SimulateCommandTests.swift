import Foundation
import TestSupport
import Testing

/// `simulate`'s option and plan errors through the built binary, exit 2 (the simulation itself is tested in process
/// by `SimulateUseCaseTests`).
@Suite struct SimulateCommandTests {
    static let seed = "plans/traffic-tacos.yaml"

    @Test func badOptionsAndScalingValuesExitTwo() throws {
        let cli = try CLI()
        let step = try cli.run(["simulate", Self.seed, "--as-of", "2026-11-01", "--step", "0s"])
        #expect(step.status == 2 && step.stderr.contains("--step '0s'"))
        let prewarm = try cli.run(["simulate", Self.seed, "--as-of", "2026-11-01", "--prewarm", "lots"])
        #expect(prewarm.status == 2 && prewarm.stderr.contains("--prewarm 'lots'"))
        let plan = try cli.write(
            "bad.yaml",
            try PlanFixture.variant(
                "  node_candidates: [c7g.xlarge]\n", "  node_candidates: [c7g.xlarge]\nscaling:\n  hpa_sync: never\n"))
        let bad = try cli.run(["simulate", plan, "--as-of", "2026-11-01"])
        // scaling: is line 23, hpa_sync line 24, its value at column 13.
        #expect(bad.status == 2 && !bad.crashed)
        #expect(bad.stderr.contains("bad.yaml:24:13: error: scaling.hpa_sync"))
    }
}
