import Foundation
import Testing

@testable import TacoCore

/// The scale sweep on the paper plan of `SearchTests` split into two queue partitions (no Redis commands, no
/// transient keys: memory alone sizes the cluster). Break points derived by hand:
///   memory required = users × 1,000 B × buffer 2 = 2,000 B per user.
///   cache.small usable = 1 GiB × 0.75 = 805,306,368 B; one queue partition holds users × 1,000 ÷ 2 × 2
///   = users × 1,000 B, so cache.small fits up to ⌊805,306,368 ÷ 1,000⌋ = 805,306 users.
///   cache.small memory shards = ⌈users × 2,000 ÷ 805,306,368⌉: 1 up to ⌊805,306,368 ÷ 2,000⌋ = 402,653 users,
///   2 from 402,654. Two small shards (4 nodes × $0.10 = $0.40/h) still beat cache.big (2 nodes × $0.35).
///   From 805,307 users cache.small cannot hold a partition: cache.big, ⌈805,307 × 2,000 ÷ 3,221,225,472⌉ = 1 shard.
@Suite struct ScaleSweepTests {
    static func input() throws -> EstimateInput {
        try SearchFixture.input(
            try Fixture.variant(searchPlanText, "  replicas: 1\n", "  replicas: 1\n  queue_partitions: 2\n"))
    }

    @Test func memoryShardBreaksFoundByBisectionToOneUser() throws {
        let range = try SweepRange.parse("100k..1M", axis: .users, steps: 10).get()
        let sweep = ScaleSweep.run(try Self.input(), range: range)
        // 100k + 900k × i ÷ 9: 100,000, 200,000, …, 1,000,000.
        #expect(sweep.points.map(\.users) == Array(stride(from: 100_000, through: 1_000_000, by: 100_000)))
        let redis = sweep.breaks.filter { $0.resource == "redis" }
        #expect(redis.map(\.users) == [402_654, 805_307])
        #expect(redis.first?.before.hasPrefix("cache.small × 1 shard") == true)
        #expect(redis.first?.after.hasPrefix("cache.small × 2 shards") == true)
        #expect(redis.last?.after.hasPrefix("cache.big × 1 shard") == true)
        #expect(redis.first?.bindingAfter == "memory")
    }

    @Test func pointCostsAreTheEstimatesAtThoseUsers() throws {
        let input = try Self.input()
        let p = ScaleSweep.point(input, users: 300_000)
        // A point is the plan's own estimate with only event.users changed (no second copy of a formula);
        // 300,000 users need 1 cache.small shard (300,000 ≤ 402,653) × (1 + 1) = 2 nodes.
        var at = input
        at.plan.event.users = 300_000
        #expect(p.perMonth == Estimate.compute(at).totals.perMonth)
        #expect(p.resources.first { $0.resource == "redis" }?.nodes == 2)
    }

    @Test func rangesParseWithSuffixesAndRejectNonsense() throws {
        let r = try SweepRange.parse("100k..3M", axis: .users, steps: 12).get()
        #expect(r.from == 100_000 && r.to == 3_000_000)
        #expect(SweepRange.quantity("1.5M") == 1_500_000)
        #expect(SweepRange.quantity("2500") == 2_500)
        #expect(SweepRange.quantity("abc") == nil)
        #expect((try? SweepRange.parse("3M..100k", axis: .users, steps: 12).get()) == nil)
        #expect((try? SweepRange.parse("100k", axis: .users, steps: 12).get()) == nil)
        #expect((try? SweepRange.parse("1..2", axis: .users, steps: SweepRange.maxSteps + 1).get()) == nil)
        #expect((try? SweepRange.parse("1..200M", axis: .users, steps: 2).get()) == nil)
    }

    @Test func statusRPSAxisSetsUsersFromThePoll() throws {
        // Status requests/s = users ÷ 5 s, so 20,000/s ↔ 100,000 users and 40,000/s ↔ 200,000 users.
        let range = try SweepRange.parse("20k..40k", axis: .statusRPS, steps: 2).get()
        let sweep = ScaleSweep.run(try Self.input(), range: range)
        #expect(sweep.points.map(\.users) == [100_000, 200_000])
        #expect(sweep.points.map(\.statusRPS) == [20_000, 40_000])
    }
}
