import Testing

@testable import TacoCore

/// Docs/Model.md §5: one partition key serves at most 1,000 WRU/s, so a plan that names few keys caps the write rate.
@Suite struct DynamoPartitionTests {
    /// The minimal plan admits 300,000 users ÷ 300 s = 1,000/s; with transactional writes each reservation is
    /// ⌈1,000 B ÷ 1,024⌉ × 2 = 2 WRU, so the peak is 1,000/s × 2 = 2,000 WRU/s.
    func plan(keys: Int?) throws -> String {
        let dynamo = "dynamodb:\n  transactional: true\n" + (keys.map { "  partition_keys: \($0)\n" } ?? "")
        return Fixture.minimal + dynamo
    }

    @Test func oneKeyCannotTakeTwoThousandWRUPerSecond() throws {
        let e = try Fixture.estimate(try plan(keys: 1), asOf: "2026-11-01")
        #expect(e.dynamodb.peakWRUPerSecond == 2000)
        // 2,000 WRU/s ÷ 1 key = 2,000 > 1,000 (2×); ⌈2,000 ÷ 1,000⌉ = 2 keys needed;
        // the one key allows 1,000 WRU/s ÷ 2 WRU ÷ 1 attempt = 500 admissions/s.
        let limit = try #require(e.dynamodb.partitionLimit)
        #expect(limit.contains("2,000 WRU/s per key > 1,000 WRU/s (2×)"))
        #expect(limit.contains("≥ 2 keys"))
        #expect(limit.contains("admit at most 500/s"))
        #expect(e.findings.contains { $0.id == "dynamodb-hot-partition" && $0.severity == .error })
    }

    @Test func twoKeysTakeExactlyTheLimit() throws {
        // 2,000 WRU/s ÷ 2 keys = 1,000 WRU/s per key: at the limit, not over it.
        let e = try Fixture.estimate(try plan(keys: 2), asOf: "2026-11-01")
        #expect(e.dynamodb.partitionLimit == nil)
    }

    @Test func withoutNamedKeysThereIsNoPartitionLimit() throws {
        let e = try Fixture.estimate(try plan(keys: nil), asOf: "2026-11-01")
        #expect(e.dynamodb.partitionLimit == nil)
    }

    @Test func theSearchRejectsEveryCapacityModeOverThePartitionLimit() throws {
        let input = try Fixture.input(try plan(keys: 1), asOf: "2026-11-01")
        var space = SearchSpace.of(input.plan)
        space.dynamoModes = [.onDemand, .provisioned]
        let result = ConfigSearch.run(input, space: space, objective: .perMonth)
        #expect(result.dynamodb.count == 2)
        #expect(result.dynamodb.allSatisfy { $0.rejectedBy == "partition limit" })
        #expect(result.chosenDynamo == nil)
    }

    @Test func zeroKeysIsRefused() throws {
        let problems = Fixture.problems(try plan(keys: 0))
        #expect(problems.map(\.path) == ["dynamodb.partition_keys"])
    }
}
