import Foundation

/// The seed's "KEYS → ZRANK, 100× faster" claim against the measured costs (Docs/Model.md §7).
enum KeysVsZrankRule: FindingRule {
    static func findings(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        let n = Double(input.plan.event.users)
        let engine = input.plan.redis.engine
        guard let keys = input.costs.cost("KEYS_queue", n: n, engine: engine),
            let zrank = input.costs.cost("ZRANK", n: n, engine: engine)
        else { return [] }
        let ratio = keys.totalMicros / zrank.totalMicros
        let msg =
            "At N = \(Show.n(n)) waiting users one KEYS queue:* costs \(Show.n(keys.totalMicros, 0)) µs of engine CPU (one core saturates at \(Show.n(keys.saturationRate, 1)) calls/s) vs ZRANK \(Show.n(zrank.totalMicros)) µs: \(Show.n(ratio, 0))× per request, not \(Show.n(SeedClaims.keysToZrankSpeedup, 0))× (costs: \(keys.citation); \(zrank.citation))."
        return [
            Finding(
                id: "keys-vs-zrank", severity: .info, title: "KEYS → ZRANK is orders of magnitude, not 100×",
                message: msg, claim: "KEYS (O(N)) → ZRANK (O(log N)), 100배 성능 향상")
        ]
    }
}
