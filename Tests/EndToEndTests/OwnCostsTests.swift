import Foundation
import TestSupport
import Testing

/// `--costs FILE` sizes Redis with per-command costs measured by `tacoplan bench redis` on the user's hardware.
@Suite struct OwnCostsTests {
    /// A costs file in the bench output's shape: one busy-server ZRANK row at N = 300,000 (so no N scaling),
    /// 10 µs full CPU of which 2 µs is the command itself.
    static let costs = """
        engine,version,run,command,N,clients,ops_per_sec,usec_per_call,p50_ms,p99_ms,cpu_us_per_call,server_cpu_util,host,measured_on
        redis,7.2.4,my-run,ZRANK,300000,50,100000,2.0,0.3,0.9,10.0,0.95,my laptop,2026-11-20

        """

    @Test func theHotKeyUsesTheUsersMeasuredCost() throws {
        let cli = try CLI()
        let plan = try cli.write("plan.yaml", PlanFixture.minimal)
        let costs = try cli.write("my-costs.csv", Self.costs)
        let r = try cli.run(["estimate", plan, "--costs", costs, "--as-of", "2026-11-01", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let hot = try EstimateJSON(r.stdout).figure("redis.hot_key_cpu")
        // 300,000 users ÷ 5 s = 60,000 ZRANK/s on the queue primary × 10 µs = 0.6 of one core.
        let value = try #require(hot["value"] as? Double)
        #expect(abs(value - 0.6) < 1e-9)
        let inputs = try #require(hot["inputs"] as? [[String: Any]])
        #expect(inputs.contains { ($0["origin"] as? String)?.contains("my-costs.csv:2 (redis 7.2.4 ZRANK") == true })
    }

    @Test func aCostsFileWithoutTheNeededCommandIsAnInputError() throws {
        let cli = try CLI()
        let costs = try cli.write("bad.csv", "engine,version\nredis,7\n")
        let r = try cli.run(["estimate", "plans/traffic-tacos.yaml", "--costs", costs, "--as-of", "2026-11-01"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.csv: missing column 'run'"))
        #expect(!r.crashed)
    }
}
