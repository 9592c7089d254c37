import Foundation
import Testing

@testable import TacoCore

/// Automatic levers on the paper plan of `SearchTests` (prices and specs in `SearchFixture.book`), each saving
/// derived by hand. The paper plan: 1,000,000 users, one queue partition, no Redis commands; window 1 h, the
/// queue drains in 1,000 s < 3,600 s, so an event lasts 1 h; 1 event per month; Spot share 0 % (default).
///   Redis: cache.small cannot hold the one queue partition (2e9 B > 0.75 GiB); cache.big: 1 shard × (1 + 1)
///   = 2 nodes × $0.35 = $0.70/h, always on (default).
///   Gateway: 6 pods, 3 pods per gw node (⌊(4 − 0.25) ÷ 1⌋ = 3, ⌊(8 − 1) GiB ÷ 1 GiB⌋ = 7) → 2 nodes;
///   gw.arm $0.10/h beats gw.x86 $0.11/h → 2 × $0.10 = $0.20/h for the 1-hour event.
@Suite struct AutomaticLeverTests {
    func levers(_ input: EstimateInput) -> [LeverKind: [AutomaticLever]] {
        Dictionary(grouping: AutomaticLevers.all(input), by: \.kind)
    }

    @Test func gatewayArchitectureSavingByHand() throws {
        let l = try #require(levers(try SearchFixture.input())[.gatewayArchitecture]?.first)
        // gw.arm's x86 counterpart is gw.x86 (already a candidate): 2 nodes × ($0.10 − $0.11) × 1 h × 1 event
        // = −$0.02 per month: x86 costs more, so the saving is negative.
        #expect(l.status == .computed)
        #expect(l.savingPerMonth == Money(string: "-0.02"))
        #expect(l.change == "gw.arm (Graviton) → gw.x86 (x86)")
    }

    @Test func spotSharesWithinTheFloorByHand() throws {
        let spot = try #require(levers(try SearchFixture.input())[.spotShare])
        // The plan's own 0 % is skipped. 50 %: ⌊2 × 0.5⌋ = 1 Spot + 1 On-Demand (floor 1). 80 %: ⌊2 × 0.8⌋ = 1
        // Spot too. Spot = $0.10 × (1 − 60 %) = $0.04/h, so either share saves $0.10 − $0.04 = $0.06 per event
        // and per month (1 event).
        #expect(spot.map(\.name) == ["Spot share 50 %", "Spot share 80 %"])
        #expect(spot.allSatisfy { $0.savingPerMonth == Money(string: "0.06") })
    }

    @Test func valkeyWithoutPricesIsUnpricedNotZero() throws {
        let l = try #require(levers(try SearchFixture.input())[.engine]?.first)
        // The paper book has no Valkey price: the lever is UNPRICED with no saving, never $0.
        #expect(l.status == .unpriced)
        #expect(l.savingPerMonth == nil)
    }

    @Test func reservedNodesOnlyWithAPriceInTheBook() throws {
        var input = try SearchFixture.input()
        let missing = try #require(levers(input)[.commitment]?.first)
        #expect(missing.status == .notAvailable)
        #expect(missing.reason?.hasPrefix("not in the price book") == true)
        // A reserved rate of the same node for another engine (valkey, while the plan runs redis) is not its rate.
        var otherEngine = input
        otherEngine.book.sheet.quotes.append(
            SearchFixture.quote(
                .elasticache, "cache.big", "valkey", .reserved(term: "1yr-no-upfront-standard"), "hour", "0.20"))
        #expect(levers(otherEngine)[.commitment]?.first?.status == .notAvailable)
        input.book.sheet.quotes.append(
            SearchFixture.quote(
                .elasticache, "cache.big", "redis", .reserved(term: "1yr-no-upfront-standard"), "hour", "0.20"))
        let l = try #require(levers(input)[.commitment]?.first)
        // 2 always-on nodes × ($0.35 − $0.20) × 730 h = $219.00 per month.
        #expect(l.status == .computed)
        #expect(l.savingPerMonth == Money(string: "219"))
        // The largest saving ranks first.
        #expect(AutomaticLevers.all(input).first?.kind == .commitment)
    }

    @Test func cacheWithoutCounterpartAndColdHotKeyAreNotAvailable() throws {
        let all = levers(try SearchFixture.input())
        // No x86 cache type in the paper book; no queue command, so the hot key needs 0 % of a core.
        #expect(all[.cacheArchitecture]?.first?.status == .notAvailable)
        #expect(all[.hotKey]?.allSatisfy { $0.status == .notAvailable } == true)
    }

    @Test func rankedBySavingThenStatus() throws {
        let ranked = AutomaticLevers.all(try SearchFixture.input())
        let computed = ranked.prefix { $0.status == .computed }.compactMap(\.savingPerMonth)
        #expect(computed == computed.sorted(by: >))
        #expect(ranked.last?.status == .notAvailable)
    }

    @Test func hotKeyLeversWhereItBinds() throws {
        // The minimal plan at 3,000,000 users: ZRANK on the one queue key at 3,000,000 ÷ 5 s = 600,000 calls/s
        // is far past one core, so the hot key binds and both hot-key levers are estimated.
        let text = try Fixture.variant(Fixture.minimal, "users: 300000", "users: 3000000")
        let input = try Fixture.input(text, asOf: "2026-09-01")
        let hot = try #require(levers(input)[.hotKey])
        #expect(hot.count == 2)
        #expect(hot.allSatisfy { $0.status != .notAvailable })
    }
}
