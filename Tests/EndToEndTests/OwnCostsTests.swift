import Foundation
import TestSupport
import Testing

/// `--costs FILE` sizes Redis with per-command costs measured by `tacoplan bench redis` on the user's hardware.
@Suite struct OwnCostsTests {
    /// A costs file in the bench output's shape: one busy-server ZRANK row at N = 300,000 (so no N scaling),
    /// 10 µs full CPU of which 2 µs is the command itself, stated as measured on the plan's node type (the
    /// `hardware` column `bench redis --hardware` writes), so it is the plan's own measured evidence (issue 18).
    static let costs = """
        engine,version,run,command,N,clients,ops_per_sec,usec_per_call,p50_ms,p99_ms,cpu_us_per_call,server_cpu_util,host,measured_on,hardware
        redis,7.2.4,my-run,ZRANK,300000,50,100000,2.0,0.3,0.9,10.0,0.95,my m7g.xlarge,2026-11-20,m7g.xlarge

        """

    @Test func theHotKeyUsesTheUsersMeasuredCost() throws {
        let cli = try CLI()
        let plan = try cli.write("plan.yaml", PlanFixture.minimal)
        let costs = try cli.write("my-costs.csv", Self.costs)
        let r = try cli.run(["estimate", plan, "--costs", costs, "--as-of", "2026-11-01", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let hot = try EstimateJSON(r.stdout).figure("redis.hot_key_cpu")
        // 300,000 users ÷ 5 s = 60,000 ZRANK/s on the queue primary × 10 µs = 0.6 of one core (measured rows carry
        // no fitted baseline).
        let value = try #require(hot["value"] as? Double)
        #expect(abs(value - 0.6) < 1e-9)
        let inputs = try #require(hot["inputs"] as? [[String: Any]])
        #expect(inputs.contains { ($0["origin"] as? String)?.contains("my-costs.csv:2 (redis 7.2.4 ZRANK") == true })
    }

    /// Issue 18: a file measured on a 2-vCPU local VM (no AWS type stated) does not outrank the load-test calibration
    /// of the seed's own cache.m7g.xlarge, and does not turn the seed FEASIBLE.
    @Test func aLocalVMFileDoesNotMakeTheSeedFeasible() throws {
        let cli = try CLI()
        // The reference VM's own rows (a 2-vCPU KVM VM, AMD EPYC Zen 5; no AWS type stated): every command the seed
        // uses, measured on a local VM.
        let costs = CLI.root.appendingPathComponent("benchmarks/redis-command-costs.csv").path
        let r = try cli.run(["estimate", "plans/traffic-tacos.yaml", "--costs", costs, "--as-of", "2026-11-01"])
        #expect(r.status == 5, "\(r.stdout)")
        #expect(r.stdout.contains("Verdict: INFEASIBLE  (exit 5; evidence: costs calibrated to the bundled load test)"))
        #expect(r.stdout.contains("not the plan's node type"))
    }

    /// Issue 20: NaN, inf, negative and zero costs and two rows for one command at different costs are refused with
    /// file, line, column, what was expected and the fix (exit 2), through the built binary.
    @Test func badCostValuesAreRefused() throws {
        let cli = try CLI()
        let header = Self.costs.split(separator: "\n")[0]
        func row(_ usec: String, _ cpu: String) -> String {
            "redis,7.2.4,my-run,ZRANK,300000,50,100000,\(usec),0.3,0.9,\(cpu),0.95,vm,2026-11-20,"
        }
        let cases: [(String, String)] = [
            (row("nan", "10.0"), "bad.csv:2:8: error: usec_per_call: expected a finite number"),
            (row("2.0", "inf"), "bad.csv:2:11: error: cpu_us_per_call: expected a finite number"),
            (row("-30", "10.0"), "bad.csv:2:8: error: usec_per_call"),
            (row("0", "10.0"), "bad.csv:2:8: error: usec_per_call"),
            (row("2.0", "10.0") + "\n" + row("2.0", "12.0"), "bad.csv:3:8: error: ZRANK at N=300000, 50 clients"),
        ]
        for (rows, message) in cases {
            let costs = try cli.write("bad.csv", "\(header)\n\(rows)\n")
            let r = try cli.run(["estimate", "plans/traffic-tacos.yaml", "--costs", costs, "--as-of", "2026-11-01"])
            #expect(r.status == 2, "\(rows)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(r.stderr.contains("fix:"))
            #expect(!r.crashed)
        }
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
