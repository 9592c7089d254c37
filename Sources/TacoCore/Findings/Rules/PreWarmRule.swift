import Foundation

/// The gateway must be running before the sale when the crowd arrives faster than nodes start (Docs/Model.md §4).
enum PreWarmRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        guard e.gateway.preWarm.needed else { return [] }
        return [
            Finding(
                id: "prewarm", severity: .warning, title: "Pre-warm the gateway",
                message: e.gateway.preWarm.reason + ".", claim: input.plan.claim(.gatewayScaleOut)?.text)
        ]
    }
}
