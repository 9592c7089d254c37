import Foundation
import Testing

@testable import TacoCore

/// The KEYS lesson: an O(N) command is flagged with the rate at which it saturates one engine core.
@Suite struct LinearCommandTests {
    func keysPlan() throws -> Estimate {
        let text = try Fixture.variant(
            Fixture.minimal, "- { command: ZRANK, key: queue }", "- { command: KEYS_queue, key: queue }")
        return try Fixture.estimate(text, asOf: "2024-10-31")
    }

    @Test func keysSaturatesOneCoreAtEightCallsPerSecond() throws {
        let e = try keysPlan()
        // benchmarks/redis-command-costs.csv line 57: redis KEYS_queue N=300,000 c=50, cpu 118,936.53 µs per call
        // (below its command time 120,211.53, so no separate overhead). One core: 1,000,000 ÷ 118,936.53 = 8.41 calls/s.
        let flag = try #require(e.redis.linearCommands.first)
        #expect(e.redis.linearCommands.count == 1)
        #expect(flag.command == "KEYS_queue" && flag.api == "status")
        #expect(flag.n == 300_000)
        #expect(close(flag.microsPerCall, 118_936.53))
        #expect(close(flag.saturationRate, 1_000_000 / 118_936.53))
        // The plan polls 300,000 ÷ 5 s = 60,000/s: 60,000 × 118,936.53 µs = 7,136.19 cores.
        #expect(flag.requestedRate == 60000)
        #expect(close(flag.coresNeeded, 60000 * 118_936.53 / 1_000_000))
    }

    @Test func keysInTheStatusAPIIsAnErrorFinding() throws {
        let e = try keysPlan()
        let f = try #require(e.findings.first { $0.id == "linear-command-status-KEYS_queue" })
        #expect(f.severity == .error)
        #expect(f.message.contains("8.4 calls/s"))
        // The hot key alone needs 7,136 cores: no shard count helps, so no node type is chosen.
        #expect(e.redis.engineShards == nil)
        #expect(e.redis.chosen == nil)
        #expect(e.redis.infeasibleReason?.contains("hot key") == true)
    }

    @Test func keysVsZrankRatioComesFromN() throws {
        // The finding checks a declared claim only.
        let claim = "claims:\n  keys_to_zrank_speedup:\n    value: 100\n    text: \"100배 성능 향상\"\n"
        #expect(
            try Fixture.estimate(Fixture.minimal, asOf: "2024-10-31").findings.allSatisfy { $0.id != "keys-vs-zrank" })
        let e = try Fixture.estimate(Fixture.minimal + claim, asOf: "2024-10-31")
        let f = try #require(e.findings.first { $0.id == "keys-vs-zrank" })
        // KEYS 118,936.53 µs (line 57) ÷ ZRANK 8.73 µs (line 41) = 13,623.9 → "13,624×", not the seed's 100×.
        #expect(f.message.contains("13,624×"))
        #expect(f.message.contains("8.4 calls/s"))
        #expect(f.message.contains("benchmarks/redis-command-costs.csv:57"))
        #expect(f.message.contains("benchmarks/redis-command-costs.csv:41"))
    }
}

/// A missing price is an explicit UNPRICED line, never $0.
@Suite struct UnpricedTests {
    /// The seed plan moved to Seoul on 2026-11-01: the bundled book has Seoul EC2, EKS and DynamoDB prices but no
    /// ElastiCache cache.m7g.xlarge price (only cache.t4g.micro).
    func seoul() throws -> Estimate {
        let text = try Fixture.variant(try Fixture.seedText(), "region: us-east-1", "region: ap-northeast-2")
        return try Fixture.estimate(text, asOf: "2026-11-01")
    }

    @Test func aMissingNodePriceGivesAnUnpricedLine() throws {
        let e = try seoul()
        let line = try #require(e.costs.first { $0.resource == .redis })
        #expect(line.unpriced)
        #expect(line.unitPrice == nil && line.hourly == nil && line.perEvent == nil && line.perMonth == nil)
        #expect(line.priceSource.hasPrefix("UNPRICED"))
        #expect(line.quantity == 10)  // still sized: 5 shards × 2 nodes
        #expect(e.totals.unpricedLines == 1)
        #expect(try e.figure("cost.1.redis").display == "UNPRICED")
        #expect(try e.figure("cost.total_month").display.hasSuffix(" + 1 UNPRICED"))
        #expect(e.totals.missing == [MissingLine(resource: .redis, component: line.component, reason: .unpriced)])
        #expect(e.findings.contains { $0.id == "unpriced" })
    }

    @Test func totalsLeaveTheUnpricedLineOut() throws {
        let e = try seoul()
        let priced = e.costs.compactMap(\.perMonth).reduce(Money.zero, +)
        #expect(e.totals.perMonth == priced)
        #expect(e.costs.filter(\.unpriced).count == 1)
    }
}

/// PlanCheck: names the plan uses that the reference data does not know, with file:line:column and a fix.
@Suite struct PlanCheckTests {
    let regions = ["ap-northeast-2", "us-east-1"]

    func check(_ text: String, asOf: String = "2024-10-31") throws -> [PlanProblem] {
        PlanCheck.problems(try Fixture.input(text, asOf: asOf), file: "plan.yaml", knownRegions: regions)
    }

    @Test func theMinimalPlanHasNoProblems() throws {
        #expect(try check(Fixture.minimal).isEmpty)
    }

    @Test func unknownCacheNodeTypeSuggestsTheClosest() throws {
        let text = try Fixture.variant(Fixture.minimal, "[cache.m7g.xlarge]", "[cache.m7g.xlarg]")
        let problems = try check(text)
        #expect(problems.count == 1)
        let p = try #require(problems.first)
        #expect(p.message == "unknown ElastiCache node type 'cache.m7g.xlarg'")
        // Line 19 `  candidates: [cache.m7g.xlarg]`: the item starts after 2 + 11 + 1 + 1 = 15 characters → column 16.
        #expect(p.location == TacoCore.SourceLocation(file: "plan.yaml", line: 19, column: 16))
        #expect(p.fix?.hasPrefix("did you mean 'cache.m7g.xlarge'?") == true)
    }

    @Test func unknownEC2TypeSuggestsTheClosest() throws {
        let text = try Fixture.variant(Fixture.minimal, "[c7g.xlarge]", "[c7g.xlarg]")
        let p = try #require(try check(text).first)
        #expect(p.message == "unknown EC2 instance type 'c7g.xlarg'")
        // Line 22 `  node_candidates: [c7g.xlarg]`: 2 + 16 + 1 + 1 = 20 characters before → column 21.
        #expect(p.location == TacoCore.SourceLocation(file: "plan.yaml", line: 22, column: 21))
        #expect(p.fix?.hasPrefix("did you mean 'c7g.xlarge'?") == true)
    }

    @Test func aCacheTypeIsNotAnEC2Type() throws {
        // cache.m7g.xlarge is an ElastiCache spec; it must not pass as a gateway node.
        let text = try Fixture.variant(Fixture.minimal, "[c7g.xlarge]", "[cache.m7g.xlarge]")
        #expect(try check(text).map(\.path) == ["gateway.node_candidates[0]"])
    }

    @Test func unknownCommandSuggestsAMeasuredOne() throws {
        let text = try Fixture.variant(Fixture.minimal, "command: ZRANK,", "command: ZRANKK,")
        let p = try #require(try check(text).first)
        #expect(p.path == "apis.status.commands[0].command")
        #expect(p.message == "'ZRANKK' has no measured cost in the reference benchmark")
        // Line 15 `      - { command: ZRANKK, …`: 6 spaces, "- ", "{ ", "command: " = 19 characters → column 20.
        #expect(p.location == TacoCore.SourceLocation(file: "plan.yaml", line: 15, column: 20))
        #expect(p.fix?.hasPrefix("did you mean 'ZRANK'?") == true)
    }

    @Test func aRegionWithoutPricesNamesTheRegionsThatHaveThem() throws {
        let text = try Fixture.variant(Fixture.minimal, "region: us-east-1", "region: eu-west-1")
        let problems = try check(text)
        #expect(problems.count == 1)
        let p = try #require(problems.first)
        #expect(p.message == "no prices for region 'eu-west-1' in the price book")
        // Line 3 `  region: eu-west-1`: 2 + 7 + 1 = 10 characters → column 11.
        #expect(p.location == TacoCore.SourceLocation(file: "plan.yaml", line: 3, column: 11))
        #expect(p.fix?.contains("ap-northeast-2, us-east-1") == true)
    }

    @Test func anAsOfBeforeAnyPriceNamesTheEarliestDay() throws {
        let problems = try check(Fixture.minimal, asOf: "2018-01-01")
        #expect(problems.count == 1)
        let p = try #require(problems.first)
        // The earliest us-east-1 row is DynamoDB on-demand's documented launch price, effective 2018-11-28.
        #expect(p.message == "as-of date 2018-01-01 is before any price for us-east-1 (earliest 2018-11-28)")
        let earliest = try #require(Day(iso: "2018-11-28"))
        #expect(p.fix == "use \(StepSpelling.plain(.setAsOf(earliest))) or later, or import older price lists")
        #expect(p.path == "event.region")
    }

    @Test func anAsOfFromThePlanIsLocatedAtItsLine() throws {
        let text = Fixture.minimal + "pricing:\n  as_of: 2018-01-01\n"
        let p = try #require(try check(text, asOf: "2018-01-01").first)
        // `pricing:` is line 23, `  as_of: 2020-01-01` line 24, value after 2 + 6 + 1 = 9 characters → column 10.
        #expect(p.path == "pricing.as_of")
        #expect(p.location == TacoCore.SourceLocation(file: "plan.yaml", line: 24, column: 10))
    }
}
