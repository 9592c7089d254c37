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
        let magnitude =
            ratio >= 100
            ? "\(Format.number(log10(ratio), maxDecimals: 0)) orders of magnitude"
            : "\(Format.number(ratio, maxDecimals: 1))×"
        let msg =
            "At N = \(Format.number(n)) waiting users one KEYS queue:* costs \(Format.number(keys.totalMicros, maxDecimals: 0)) µs of engine CPU (one core saturates at \(Format.number(keys.saturationRate, maxDecimals: 1)) calls/s) vs ZRANK \(Format.number(zrank.totalMicros)) µs: \(Format.number(ratio, maxDecimals: 0))× per request, not the claimed \(Format.number(claimed, maxDecimals: 0))× (costs: \(keys.citation); \(zrank.citation))."
        return [
            Finding(
                id: "keys-vs-zrank", severity: .info,
                title:
                    "KEYS → ZRANK is \(magnitude) per request, not the claimed \(Format.number(claimed, maxDecimals: 0))×",
                message: msg, claim: claim.text)
        ]
    }
}
