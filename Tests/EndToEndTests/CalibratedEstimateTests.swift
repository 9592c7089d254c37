import Foundation
import TestSupport
import Testing

/// `estimate --calibrated` sizes Redis with the overhead `validate` fits to the bundled load test.
@Suite struct CalibratedEstimateTests {
    @Test func theSeedPlanIsInfeasibleWithTheLoadTestsOwnOverhead() throws {
        let cli = try CLI()
        let r = try cli.run([
            "explain", "plans/traffic-tacos.yaml", "--calibrated", "--only", "redis.hot_key_cpu", "--as-of",
            "2026-11-01",
        ])
        // explain follows the verdict like every command (issue 19): INFEASIBLE on the calibration → 5.
        #expect(r.status == 5, "\(r.stderr)")
        #expect(r.stdout.contains("from tacoplan validate: least squares; on cache.m7g.xlarge"))
        let e = try cli.run(["estimate", "plans/traffic-tacos.yaml", "--calibrated", "--as-of", "2026-11-01"])
        // With one read replica the queue shard's replica takes all 60,000 ZRANK/s; at the fitted overhead that is
        // more than the 80 % engine ceiling, so no candidate fits: exit 5 (infeasible), the estimate still printed.
        #expect(e.status == 5)
        #expect(e.stdout.contains("hot key: one queue partition needs"))
        // The seed runs the load test's own hardware (cache.m7g.xlarge Redis OSS), so the default ladder picks the
        // same calibration: exit 5 without the flag too. Only the reference VM's costs on purpose fit a cluster.
        let plain = try cli.run(["estimate", "plans/traffic-tacos.yaml", "--as-of", "2026-11-01"])
        #expect(plain.status == 5)
        let reference = try cli.run([
            "estimate", "plans/traffic-tacos.yaml", "--as-of", "2026-11-01", "--evidence", "reference",
        ])
        #expect(reference.status == 0, "\(reference.stderr)")
    }
}
