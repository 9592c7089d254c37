import TacoData
import Testing

@testable import TacoCore

@Suite struct ValidationBenchmarkReaderTests {
    func read(_ text: String) -> Result<ReferenceBenchmark, PlanErrors> {
        BenchmarkReader.read(text: text, file: "bench.yaml")
    }

    func problems(_ text: String) -> [PlanProblem] {
        if case .failure(let e) = read(text) { return e.problems }
        return []
    }

    @Test func bundledSeedLoadTestReads() throws {
        let text = BundledData.seedLoadTestYAML
        let bench = try read(text).get()
        #expect(bench.steps.map(\.name) == ["keys-1k", "keys-5k", "keys-10k", "index-10k", "index-20k", "index-30k"])
        #expect(bench.steps[2].measured[.redisEngineCPU] == .atLeast(100))
        #expect(bench.steps[5].measured[.backendCPU] == .below(5))
        #expect(bench.steps[5].measured[.errorRate] == .below(1))
        #expect(bench.steps[3].measured[.redisEngineCPU] == .point(40))
        #expect(bench.steps[0].measured[.redisEngineCPU] == .ok)
        #expect(bench.environment.nodeType == "cache.m7g.xlarge")
        #expect(bench.environment.shards == 5)
        #expect(bench.scaleEvents.count == 5)
        #expect(
            bench.scaleEvents[4]
                == ScaleEvent(
                    direction: .down, fromRPS: 10000, toRPS: 1000, durationSeconds: 600, pods: 5, source: "Part 5.2"))
    }

    let header = "schema: tacoplan-benchmark/1\nname: t\nenvironment: {}\n"

    @Test func wrongTypeIsLocated() {
        let p = problems(header + "steps:\n  - name: a\n    rps: lots\n    status_implementation: keys\n")
        #expect(p.count == 1)
        #expect(p.first?.path == "steps[0].rps")
        #expect(p.first?.location?.line == 6)
        #expect(p.first?.message.contains("expected a number, found 'lots'") == true)
    }

    @Test func negativeCPUIsRefused() {
        let text =
            header
            + "steps:\n  - name: a\n    rps: 1000\n    status_implementation: keys\n    measured:\n      redis_engine_cpu: -5\n"
        let p = problems(text)
        #expect(p.count == 1)
        #expect(p.first?.path == "steps[0].measured.redis_engine_cpu")
        #expect(p.first?.location?.line == 9)
        #expect(p.first?.message.contains("0…100, found -5") == true)
    }

    @Test func emptyStepListIsRefused() {
        let p = problems(header + "steps: []\n")
        #expect(p.map(\.message) == ["the step list is empty"])
        #expect(p.first?.location?.line == 4)
    }

    @Test func unknownFigureAndSchemaAreReported() {
        let text =
            "schema: other/2\nname: t\nsteps:\n  - name: a\n    rps: 1\n    status_implementation: zrank\n    measured: {redis_cpu: 3}\n"
        let paths = problems(text).map(\.path)
        #expect(paths == ["schema", "steps[0].status_implementation", "steps[0].measured.redis_cpu"])
    }
}
