import TacoCore
import Testing

@testable import TacoApp

/// The figure groups `explain --only` names when a prefix matches nothing, and the guess it offers.
@Suite struct ExplainFilterTests {
    @Test func knownPrefixesAreTheGroupsInFirstSeenOrder() {
        let ids = ["traffic.join_rate", "admission.rate", "traffic.status_rate", "redis.shards", "cost"]
        #expect(ExplainFilter.knownPrefixes(ids) == ["traffic.", "admission.", "redis.", "cost"])
    }

    @Test func theGuessIsTheClosestGroupOrId() {
        let candidates = ["traffic.", "redis.", "cost.", "redis.shards", "gateway.pods"]
        // redis.shrads → redis.shards: 2 substitutions, within max(2, 12 / 3) = 4.
        #expect(Suggestion.closest(to: "redis.shrads", in: candidates) == "redis.shards")
        // nosuch → cost.: n→c, u→t, c→., drop h = 4 edits, over max(2, 6 / 3) = 2: no guess.
        #expect(Suggestion.closest(to: "nosuch", in: candidates) == nil)
    }
}
