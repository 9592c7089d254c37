import Foundation

/// The plan's claimed KEYS → ZRANK speed-up against the measured costs; silent when the plan declares none
/// (Docs/Model.md §7).
enum KeysVsZrankRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let input = facts.input
        guard let claim = input.plan.claim(.keysToZrankSpeedup), let claimed = claim.value else { return [] }
        let n = Double(input.plan.event.users)
        let engine = input.plan.redis.engine
        guard let keys = input.costs.cost("KEYS_queue", n: n, engine: engine),
            let zrank = input.costs.cost("ZRANK", n: n, engine: engine)
        else { return [] }
        let ratio = keys.totalMicros / zrank.totalMicros
        // The title states only what the ratio supports: orders of magnitude only at ≥ 100×.
        let magnitude = ratio >= 100 ? "\(Show.n(log10(ratio), 0)) orders of magnitude" : "\(Show.n(ratio, 1))×"
        let msg =
            "At N = \(Show.n(n)) waiting users one KEYS queue:* costs \(Show.n(keys.totalMicros, 0)) µs of engine CPU (one core saturates at \(Show.n(keys.saturationRate, 1)) calls/s) vs ZRANK \(Show.n(zrank.totalMicros)) µs: \(Show.n(ratio, 0))× per request, not the claimed \(Show.n(claimed, 0))× (costs: \(keys.citation); \(zrank.citation))."
        return [
            Finding(
                id: "keys-vs-zrank", severity: .info,
                title: "KEYS → ZRANK is \(magnitude) per request, not the claimed \(Show.n(claimed, 0))×",
                message: msg, claim: claim.text)
        ]
    }
}
