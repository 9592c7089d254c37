import Foundation
import TestSupport
import Testing

/// `tacoplan validate` through the built binary on real files.
@Suite struct ValidateCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared runner with a scratch database, run from a temporary directory: the bundled benchmark must not
    /// need the repository.
    func tacoplan(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let r = try CLI().run(args, directory: FileManager.default.temporaryDirectory)
        return (r.status, r.stdout, r.stderr)
    }

    var seedPlan: String { Self.root.appendingPathComponent("Tests/Fixtures/validate/seed-plan.yaml").path }

    @Test func seedShapedPlanFailsBeyondTheMeasuredRange() throws {
        let r = try tacoplan(["validate", seedPlan, "--as-of", "2026-11-01"])
        // 300,000 users ÷ 5 s = 60,000 status requests/s; the load test reached 30,000 → 2× beyond. The plan's
        // verdict (the estimate's, on the calibrated rung: the fixture runs the load test's cache.m7g.xlarge Redis
        // OSS) is INFEASIBLE → exit 5, the same code `estimate` uses.
        #expect(r.out.hasPrefix("Verdict: INFEASIBLE (exit 5) — evidence: costs calibrated to the bundled load test"))
        #expect(r.status == 5)
        #expect(r.out.contains("Operating point: 60,000 status requests/s (position_index)"))
        #expect(r.out.contains("60,000 RPS is 2× (30,000 RPS) beyond the highest measured position_index step"))
        #expect(r.out.contains("largest leave-one-out error 10 points — every prediction within ±10 points"))
        #expect(r.out.contains("Load-test envelope: FAILS"))
        #expect(r.out.contains("index-20k  20,000  position_index  redis_engine_cpu"))
        // Issue 18: the load test is fitted on its OWN declared workload, whatever the plan: its replica serves
        // s ZRANK/s (2.09 µs) + 400 GET/s, the line rises 25 points per 10,000 RPS → o + 2.09 = 25 → o = 22.91 µs
        // (before, replaying this fixture's mix without replicas, the same load test gave 9.73 µs).
        #expect(r.out.contains("per-command overhead: calibrated 22.91 µs on cache.m7g.xlarge"))
        #expect(r.out.contains("`tacoplan estimate` uses the calibration (with its baseline)"))
    }

    @Test func jsonCarriesTheVerdict() throws {
        let r = try tacoplan(["validate", seedPlan, "--as-of", "2026-11-01", "--format", "json"])
        #expect(r.status == 5)
        let data = Data(r.out.utf8)
        let decoded = try JSONDecoder().decode(Document.self, from: data)
        #expect(decoded.verdict.status == "INFEASIBLE")
        #expect(decoded.validations.first?.envelope.verdict == "FAILS")
        #expect(decoded.validations.first?.envelope.operatingRPS == 60_000)
    }

    struct Document: Decodable {
        struct Verdict: Decodable { var status: String }
        var verdict: Verdict
        var validations: [Report]
    }

    struct Report: Decodable {
        struct Envelope: Decodable {
            var verdict: String
            var operatingRPS: Double
        }
        var envelope: Envelope
    }

    @Test func aPlainStepCSVIsABenchmark() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("steps-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        try Data(
            """
            name,rps,redis_engine_cpu,status_implementation
            a,10000,40,position_index
            b,20000,70,position_index
            c,30000,90,position_index

            """.utf8
        ).write(to: csv)
        let r = try tacoplan(["validate", seedPlan, "--as-of", "2026-11-01", "--benchmark", csv.path])
        // No environment and no workload in a CSV: it is replayed through the plan's own mix on the plan's cluster
        // (min_shards 5, no replicas in this fixture): the queue primary runs ZRANK and ZCARD per request and 1 ÷ 5
        // of the rate-limit scripts, 2.2 calls and 2.09 + 0.11 + 7 ÷ 5 = 3.6 µs per request, so
        // o = (25 − 3.6) ÷ 2.2 = 9.727 µs (the bundled load test, which declares its workload, gives 22.91 µs for
        // every plan); 60,000 is 2× beyond 30,000.
        #expect(r.status == 5)
        #expect(r.out.contains("calibrated 9.73 µs on the benchmark's node type"))
        #expect(r.out.contains("largest leave-one-out error 10 points"))
        #expect(r.out.contains("Load-test envelope: FAILS"))
    }

    @Test func negativeCPUInABenchmarkIsALocatedError() throws {
        let bench = Self.root.appendingPathComponent("Tests/Fixtures/validate/negative-cpu.yaml").path
        let r = try tacoplan(["validate", seedPlan, "--as-of", "2026-11-01", "--benchmark", bench])
        #expect(r.status == 2)
        #expect(
            r.err.contains(
                "negative-cpu.yaml:9:25: error: steps[0].measured.redis_engine_cpu: a percentage must lie in 0…100, found -40"
            ))
        #expect(!r.err.contains("Fatal error"))
    }
}
