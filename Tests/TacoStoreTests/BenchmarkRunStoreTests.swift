import Foundation
import TacoCore
import Testing

@testable import TacoStore

/// `benchmark_run` / `benchmark_step`: what `tacoplan ingest` stores, and that storing the same file twice adds
/// nothing.
@Suite struct BenchmarkRunStoreTests {
    static let steps = """
        name,rps,pods,vus,redis_engine_cpu,gateway_cpu,backend_cpu,error_rate,dynamodb_utilization,region
        s1,1000,1,100,10,20,3,0.1,5,us-east-1
        s2,1900,2,200,14,21,3.5,0.2,6,

        """

    static let k6CSV = """
        metric_name,timestamp,metric_value
        http_reqs,1700000000,1
        http_reqs,1700000000,1
        vus,1700000000,5
        http_reqs,1700000001,1

        """

    @Test func storedValuesMatchTheParsedFile() throws {
        let db = try TacoDatabase.inMemory()
        let run = try IngestedRun.read(file: "steps.csv", text: Self.steps)
        let outcome = try db.storeBenchmarkRuns([(run, Self.steps)], ingestedAt: "2026-01-02T03:04:05Z")
        #expect(outcome == [BenchmarkIngestOutcome(runID: 1, inserted: true, steps: 2)])
        let stored = try #require(try db.benchmarkRuns().first)
        #expect(stored.fileName == "steps.csv")
        #expect(stored.format == "step-csv")
        #expect(stored.shape == "step CSV")
        #expect(stored.createdAt == nil)  // a step CSV carries no date
        #expect(stored.ingestedAt == "2026-01-02T03:04:05Z")
        #expect(stored.steps == 2)
        #expect(stored.warnings.count == 1)  // the unknown column 'region'
        #expect(stored.warnings.first?.contains("unknown column 'region'") == true)
        let steps = try db.benchmarkSteps(runID: stored.id)
        // Row 1 of the file: every known figure in its column, the rest (name, DynamoDB, region) as extra text.
        #expect(
            steps[0]
                == IngestedRun.Step(
                    index: 0, rps: 1000, vus: 100, redisEngineCPU: 10, gatewayCPU: 20, backendCPU: 3, pods: 1,
                    errorRate: 0.1, extra: ["name": "s1", "dynamodb_utilization": "5", "region": "us-east-1"]))
        // Row 2: an empty cell is absent, not "".
        #expect(
            steps[1]
                == IngestedRun.Step(
                    index: 1, rps: 1900, vus: 200, redisEngineCPU: 14, gatewayCPU: 21, backendCPU: 3.5, pods: 2,
                    errorRate: 0.2, extra: ["name": "s2", "dynamodb_utilization": "6"]))
        #expect(steps == run.steps)
    }

    @Test func ingestingTheSameFileTwiceChangesNothing() throws {
        let db = try TacoDatabase.inMemory()
        let run = try IngestedRun.read(file: "steps.csv", text: Self.steps)
        _ = try db.storeBenchmarkRuns([(run, Self.steps)], ingestedAt: "2026-01-02T03:04:05Z")
        let again = try IngestedRun.read(file: "copy/steps.csv", text: Self.steps)
        let outcome = try db.storeBenchmarkRuns([(again, Self.steps)], ingestedAt: "2026-02-02T00:00:00Z")
        #expect(outcome == [BenchmarkIngestOutcome(runID: 1, inserted: false, steps: 2)])
        #expect(try db.rowCount(.benchmarkRun) == 1)
        #expect(try db.rowCount(.benchmarkStep) == 2)
        #expect(try db.benchmarkRuns().first?.ingestedAt == "2026-01-02T03:04:05Z")
    }

    @Test func k6CSVRunsAreDatedByTheirFirstSample() throws {
        let db = try TacoDatabase.inMemory()
        let run = try IngestedRun.read(file: "k6.csv", text: Self.k6CSV)
        _ = try db.storeBenchmarkRuns([(run, Self.k6CSV)], ingestedAt: "2026-01-02T03:04:05Z")
        let stored = try #require(try db.benchmarkRuns().first)
        // 1,700,000,000 s after the epoch = 19,675 days (2023-11-14) + 80,000 s (22:13:20).
        #expect(stored.createdAt == "2023-11-14T22:13:20Z")
        // Second 1,700,000,000: two http_reqs samples of 1 → 2 req/s with 5 VUs; the next second 1 req/s, no VUs.
        #expect(
            try db.benchmarkSteps(runID: stored.id) == [
                IngestedRun.Step(index: 0, rps: 2, vus: 5), IngestedRun.Step(index: 1, rps: 1),
            ])
    }
}
