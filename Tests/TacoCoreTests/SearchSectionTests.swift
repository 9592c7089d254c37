import Foundation
import Testing

@testable import TacoCore

/// The plan's `search:` section: decoding, its errors, and the node types it selects by family and architecture.
@Suite struct SearchSectionTests {
    /// `Fixture.minimal` (22 lines) with a `search:` section from line 23.
    func plan(_ search: String) -> String { Fixture.minimal + "search:\n" + search }

    func at(_ line: Int, _ column: Int) -> TacoCore.SourceLocation {
        TacoCore.SourceLocation(file: "plan.yaml", line: line, column: column)
    }

    @Test func aPlanWithoutSearchKeepsThePlansOwnBounds() throws {
        let (plan, provenance) = try Fixture.decode(Fixture.minimal)
        #expect(plan.search == SearchSpec.planDefaults)
        #expect(provenance.origin(of: "search.objective") == "default: cheapest per month")
        // The plan's replicas (default 1) and queue partitions (default 1); shards min_shards 1 … max(1, 32) = 32.
        let space = SearchSpace.of(plan, book: try Fixture.book(region: "us-east-1", asOf: Fixture.day("2026-11-01")))
        #expect(space.shards == 1...32)
        #expect(space.replicas == 1...1)
        #expect(space.queuePartitions == [1])
        #expect(space.spotShares == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
        #expect(space.cacheTypes == ["cache.m7g.xlarge"])
        #expect(space.gatewayTypes == ["c7g.xlarge"])
    }

    @Test func everyBoundDecodes() throws {
        let (plan, provenance) = try Fixture.decode(
            plan(
                """
                  shards: 2-8
                  replicas: { min: 0, max: 2 }
                  queue_partitions: 3
                  spot_shares: { step: 25% }
                  objective: event
                  redis_families: [r7g, m7g]
                  gateway_families: [c7g]
                  architectures: [arm64]

                """))
        let s = plan.search
        #expect(s.shards == 2...8)
        #expect(s.replicas == 0...2)
        #expect(s.queuePartitions == 3...3)
        // 0 %, 25 %, 50 %, 75 %, 100 %: (100 − 0) ÷ 25 + 1 = 5 shares.
        #expect(s.spotShares == [0, 0.25, 0.5, 0.75, 1])
        #expect(s.objective == .perEvent)
        #expect(s.redisFamilies == ["r7g", "m7g"])
        #expect(s.gatewayFamilies == ["c7g"])
        #expect(s.architectures == [.arm64])
        #expect(provenance.origin(of: "search.shards") == "plan.yaml:24:11")
    }

    @Test func aStepOfTenPercentGivesExactShares() throws {
        let (stepped, _) = try Fixture.decode(plan("  spot_shares: { step: 10%, min: 20%, max: 50% }\n"))
        // 20 % + k × 10 % for k = 0…3, rounded to 1e-6 so that 20 % + 10 % is the literal 0.3, not 0.30000000000000004.
        #expect(stepped.search.spotShares == [0.2, 0.3, 0.4, 0.5])
        let (listed, _) = try Fixture.decode(plan("  spot_shares: [80%, 0%, 0.5, 80%]\n"))
        #expect(listed.search.spotShares == [0, 0.5, 0.8])  // sorted, duplicates dropped
    }

    @Test func errorsAreLocatedAndSuggestAFix() throws {
        let problems = Fixture.problems(
            plan(
                """
                  shards: 32-1
                  objectiv: event
                  architectures: [arm65]
                  redis_families: [cache.m7g.xlarge]
                  replicas: 0-9

                """))
        #expect(problems.count == 5)
        // Sorted by line: 24 shards, 25 objectiv, 26 architectures, 27 redis_families, 28 replicas.
        #expect(problems[0].location == at(24, 11))
        #expect(problems[0].message == "the range 32-1 is empty (min > max)")
        #expect(problems[0].fix == "write 1-32")
        #expect(problems[1].location == at(25, 3))
        #expect(problems[1].message == "unknown field 'objectiv'")
        #expect(problems[1].fix?.hasPrefix("did you mean 'objective'?") == true)
        #expect(problems[2].location == at(26, 18))
        #expect(problems[2].message == "'arm65' is not an architecture")
        #expect(problems[2].fix == "did you mean 'arm64'? use arm64 (Graviton) or x86_64")
        #expect(problems[3].location == at(27, 20))
        #expect(problems[3].message == "'cache.m7g.xlarge' is not an instance family")
        #expect(problems[3].fix == "write the family alone, e.g. `m7g` (no `cache.` prefix, no size)")
        #expect(problems[4].location == at(28, 13))
        #expect(problems[4].message == "0-9 is outside 0-5")
    }

    @Test func objectiveAndShapeErrors() throws {
        let objective = Fixture.problems(plan("  objective: monthly\n"))
        #expect(objective.map(\.message) == ["'monthly' is not one of month, event"])
        #expect(objective.first?.fix == "did you mean 'month'? use one of month, event")
        let shape = Fixture.problems(plan("  shards: [1, 2]\n  spot_shares: 10%\n"))
        #expect(shape.map(\.path) == ["search.shards", "search.spot_shares"])
        #expect(shape[0].message == "expected a range, found a list")
        #expect(shape[1].message == "expected a list of shares or `{ step: 10% }`, found '10%'")
        let lonely = Fixture.problems(plan("  architectures: [x86_64]\n"))
        #expect(
            lonely.map(\.message) == ["architectures only filters the types redis_families and gateway_families select"]
        )
    }

    @Test func familiesSelectTypesByArchitectureFromTheSpecs() throws {
        let input = try Fixture.input(
            plan("  redis_families: [r7g, m5]\n  gateway_families: [c7g, c7i]\n  architectures: [arm64, x86_64]\n"),
            asOf: "2026-11-01")
        let space = SearchSpace.of(input.plan, book: input.book)
        // The plan's candidate first, then r7g by vCPU (large 2, xlarge 4, 2xlarge 8), then m5 (large 2, xlarge 4,
        // 2xlarge 8), from pricing/instance-specs.csv.
        #expect(
            space.cacheTypes == [
                "cache.m7g.xlarge", "cache.r7g.large", "cache.r7g.xlarge", "cache.r7g.2xlarge", "cache.m5.large",
                "cache.m5.xlarge", "cache.m5.2xlarge",
            ])
        // c7g.xlarge is the plan's own candidate and is not repeated.
        #expect(space.gatewayTypes.prefix(4) == ["c7g.xlarge", "c7g.large", "c7g.2xlarge", "c7g.4xlarge"])
        #expect(space.gatewayTypes.dropFirst(4).allSatisfy { $0.hasPrefix("c7i.") })

        let armOnly = try Fixture.input(
            plan("  redis_families: [r7g, m5]\n  architectures: [arm64]\n"), asOf: "2026-11-01")
        #expect(
            SearchSpace.of(armOnly.plan, book: armOnly.book).cacheTypes == [
                "cache.m7g.xlarge", "cache.r7g.large", "cache.r7g.xlarge", "cache.r7g.2xlarge",
            ])
        // m5 is x86_64 only: the family is named but selects nothing, which PlanCheck reports where it was written.
        let problems = PlanCheck.problems(armOnly, file: "plan.yaml", knownRegions: ["us-east-1"])
        #expect(problems.map(\.message) == ["ElastiCache family 'm5' has no arm64 type (it is x86_64)"])
        #expect(problems.first?.location == at(24, 25))
    }

    @Test func anUnknownFamilySuggestsAKnownOne() throws {
        let input = try Fixture.input(plan("  gateway_families: [c7gg]\n"), asOf: "2026-11-01")
        let problems = PlanCheck.problems(input, file: "plan.yaml", knownRegions: ["us-east-1"])
        #expect(problems.map(\.message) == ["unknown EC2 family 'c7gg'"])
        #expect(problems.first?.fix?.hasPrefix("did you mean 'c7g'? known families: c5, c6g, ") == true)
        #expect(problems.first?.location == at(24, 22))
    }

    @Test func theSearchHonoursThePlansBounds() throws {
        // The paper plan of SearchTests with the same bounds written in the plan instead of passed in code.
        let text =
            searchPlanText
            + "search: { shards: 1-4, replicas: 1, queue_partitions: 1-4, spot_shares: { step: 10% }, objective: event }\n"
        let input = try SearchFixture.input(text)
        let space = SearchSpace.of(input.plan, book: input.book)
        #expect(space.shards == 1...4)
        #expect(space.queuePartitions == [1, 2, 3, 4])
        let result = ConfigSearch.run(input, space: space, objective: input.plan.search.objective)
        // As worked out in SearchTests: cache.small needs p = 3 and S = 3 → 6 nodes × $0.10 = $0.60 per event.
        let r = try #require(result.chosenRedis)
        #expect(r.configuration == "cache.small Redis OSS × 3 shards × (1 + 1), 3 partition(s)")
        #expect(r.cost == Money(string: "0.60"))
        #expect(result.objective == .perEvent)
        // 2 types × 4 shards × 1 replica × 4 partitions + 2 gateway types × 11 shares + 1 DynamoDB mode.
        #expect(result.evaluated == 32 + 22 + 1)
    }
}
