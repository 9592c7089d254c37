import TacoData
import Testing

@testable import TacoCore

/// `validate` runs the core model: `RedisLoad` routing, the estimate's admission rate, an overhead as a free constant.
@Suite struct ValidationCoreModelTests {
    static func measurement(_ command: String, usec: Double, cpu: Double) -> CommandMeasurement {
        CommandMeasurement(
            engine: .redis, version: "7", run: "", command: command, n: 1000, clients: 50, usecPerCall: usec,
            cpuMicrosPerCall: cpu, line: 1, host: "test")
    }

    /// ZRANK on the queue (a read) 10,000/s: 2 µs execution + 6 µs reference overhead; the rate-limit script on
    /// spread keys (a write) 5,000/s: 7 µs + 5 µs. One partition, one replica serving reads, 5 shards.
    var load: RedisLoad {
        let zrank = CommandCost(
            command: "ZRANK", complexity: .constant, n: 1000, overheadMicros: 6, executionMicros: 2,
            reference: Self.measurement("ZRANK", usec: 2, cpu: 8))
        let limit = CommandCost(
            command: "EVALSHA_ratelimit", complexity: .constant, n: 1000, overheadMicros: 5, executionMicros: 7,
            reference: Self.measurement("EVALSHA_ratelimit", usec: 7, cpu: 12))
        return RedisLoad(
            commands: [
                .init(
                    api: "status", command: "ZRANK", key: .queue, isRead: true, callsPerSecond: 10_000, cost: zrank,
                    bytesPerCall: 0),
                .init(
                    api: "status", command: "EVALSHA_ratelimit", key: .rateLimit, isRead: false,
                    callsPerSecond: 5_000, cost: limit, bytesPerCall: 0),
            ], partitions: 1, replicas: 1, readFromReplicas: true)
    }

    @Test func busiestNodeDecomposesIntoOverheadCallsAndExecution() {
        let w = load.nodeWork(shards: 5)
        // Replica of the queue shard: ZRANK 10,000 calls/s, 10,000 × 2 = 20,000 µs/s execution, 10,000 × 6 = 60,000.
        #expect(
            w.replica
                == EngineWork(
                    callsPerSecond: 10_000, executionMicrosPerSecond: 20_000, referenceOverheadMicrosPerSecond: 60_000))
        // Primary: the spread write over 5 shards, 5,000 ÷ 5 = 1,000 calls/s, 7,000 µs/s execution, 5,000 overhead.
        #expect(
            w.primary
                == EngineWork(
                    callsPerSecond: 1_000, executionMicrosPerSecond: 7_000, referenceOverheadMicrosPerSecond: 5_000))
        // Reference overheads give estimate's figure: (60,000 + 20,000) ÷ 10⁶ = 0.08 core.
        #expect(close(load.busiestEngineLoad(shards: 5), 0.08))
        #expect(close(w.replica.load(overheadMicros: nil), 0.08))
        // Overhead 10 µs on every command: replica (10 × 10,000 + 20,000) ÷ 10⁶ = 0.12; primary 0.017.
        #expect(close(load.busiestEngineLoad(shards: 5, overheadMicros: 10), 0.12))
        #expect(load.busiestNode(shards: 5, overheadMicros: 10).role == .replica)
        // Without replicas serving reads everything is on the primary: 10,000 + 1,000 calls/s → with o = 10:
        // (10 × 11,000 + 20,000 + 7,000) ÷ 10⁶ = 0.137.
        var primaryOnly = load
        primaryOnly.readFromReplicas = false
        #expect(close(primaryOnly.busiestEngineLoad(shards: 5, overheadMicros: 10), 0.137))
        #expect(primaryOnly.busiestNode(shards: 5, overheadMicros: 10).role == .primary)
    }

    @Test func estimateBusiestNodeIsTheReferenceDecomposition() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        let shards = try #require(e.redis.chosen?.shards)
        let w = e.redis.load.nodeWork(shards: shards)
        let decomposed = max(w.primary.load(overheadMicros: nil), w.replica.load(overheadMicros: nil))
        #expect(close(decomposed, try #require(e.redis.busiestEngineCPU)))
    }

    @Test func seedPlanAgainstTheBundledLoadTest() throws {
        let input = try Fixture.input(try Fixture.seedText(), asOf: "2024-10-31")
        let bench = try BenchmarkReader.read(text: BundledData.seedLoadTestYAML, file: "seed-load-test.yaml").get()
        let v = try PlanValidation.run(input: input, benchmark: bench).get()
        // Busiest node at a position_index step of R status/s: the queue shard's replica (read_from_replicas, 1
        // replica, 5 shards). ZRANK R calls/s at N = 300,000: 2.09 µs execution (csv row ZRANK 300000 c=50); GET token
        // reads from enter (1,000 admissions/s from AdmissionModel: 300,000 ÷ 300 s) and reserve (1,000 × 1 attempt),
        // spread over 5 shards: 2 × 1,000 ÷ 5 = 400 calls/s at 1.45 µs. ZCARD fans out to 0 other partitions.
        //   A(R) = (R + 400) ÷ 10⁴, B(R) = (2.09 R + 580) ÷ 10⁴
        //   R = 10k, 20k, 30k: A = 1.04, 2.04, 3.04; B = 2.148, 4.238, 6.328; y − B = 37.852, 65.762, 83.672
        // Evenly spaced A: o = (83.672 − 37.852) ÷ 2 = 22.91 µs; a = 187.286 ÷ 3 − 22.91 × 2.04 = 15.692267 %.
        let o = try #require(v.constants.first { $0.name == "redis.per_command_overhead" }?.value)
        let a = try #require(v.constants.first { $0.name == "redis.intercept" }?.value)
        #expect(close(o, 22.91, 1e-9))
        #expect(close(a, 187.286 / 3 - 22.91 * 2.04, 1e-9))
        // All terms linear in R: leave-one-out is a line through the other two steps: +10, −5, +10 points.
        let loo = v.leaveOneOut.filter { $0.fit == "redis_engine_cpu" }.map(\.error)
        #expect(loo.count == 3)
        for (e, want) in zip(loo, [10.0, -5, 10]) { #expect(close(e, want, 1e-9)) }
        #expect(close(try #require(v.redisLeaveOneOutMax), 10, 1e-9))
        // Operating point 300,000 ÷ 5 s = 60,000/s at the estimate's 5 shards: replica 60,400 calls/s,
        // 2.09 × 60,000 + 580 = 125,980 µs/s → a + (22.91 × 60,400 + 125,980) ÷ 10⁴ = a + 150.9744 = 166.6667 %.
        let check = try #require(v.envelope.checks.first { $0.resource == "redis_engine_cpu" })
        #expect(close(check.predicted, 187.286 / 3 - 22.91 * 2.04 + 150.9744, 1e-9))
        #expect(v.envelope.verdict == .fails)
        #expect(v.envelope.reasons.first?.hasPrefix("FAILS redis_engine_cpu") == true)
        #expect(v.envelope.reasons.contains { $0.hasPrefix("EXTRAPOLATED: 60,000 RPS is 2×") })
        // Overheads: estimate's reference on that replica = (60,000 × (8.73 − 2.09) + 400 × (8.52 − 1.45)) ÷ 60,400
        // = (398,400 + 2,828) ÷ 60,400 = 6.642848 µs; estimate's busiest node (60,000 × 8.73 + 400 × 8.52) ÷ 10⁴
        // = 52.7208 %; with the calibrated overhead, no intercept: 150.9744 %.
        #expect(close(v.overhead.reference, 401_228.0 / 60_400, 1e-9))
        #expect(close(v.overhead.estimateBusiestPercent, 52.7208, 1e-9))
        #expect(close(try #require(v.overhead.calibratedBusiestPercent), 150.9744, 1e-9))
        #expect(v.overhead.differs)
        // The bundled load test declares its workload, so `estimate` uses its calibration (issue 18).
        #expect(v.overhead.estimateUses == "calibrated")
        // Backend: 1,000 admissions/s × 1 call ÷ 3,000 RPS = 33.33 %.
        let backend = try #require(v.envelope.checks.first { $0.resource == "backend_utilization" })
        #expect(close(backend.predicted, 100.0 / 3, 1e-9))
    }
}

@Suite struct ValidationBackendTests {
    @Test func theBackendIsPredictedFromTheAdmissionCapAtEveryStep() throws {
        let input = try Fixture.input(try Fixture.seedText(), asOf: "2024-10-31")
        let bench = try BenchmarkReader.read(text: BundledData.seedLoadTestYAML, file: "seed-load-test.yaml").get()
        let v = try PlanValidation.run(input: input, benchmark: bench).get()
        let backend = v.comparisons.filter { $0.resource == "backend_cpu" }
        // 300,000 users ÷ 300 s = 1,000 admissions/s × 1 call ÷ 3,000 RPS = 33.3 % at every step, whatever the RPS.
        #expect(!backend.isEmpty)
        #expect(backend.allSatisfy { close($0.predicted ?? 0, 100.0 / 3) })
        // keys-10k measured 5 %: 33.33 − 5 = +28.33 points, so a note says the backend is ≈ 33.3 ÷ 5 = 6.7× more able.
        #expect(backend.contains { $0.step == "keys-10k" && close($0.error ?? 0, 100.0 / 3 - 5) })
        #expect(v.notes.contains { $0.contains("≈ 6.7× more capable than the plan says") })
    }
}
