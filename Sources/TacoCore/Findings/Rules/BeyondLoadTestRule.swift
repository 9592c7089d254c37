import Foundation

/// A plan whose gateway rate exceeds the load-test peak it claims (`claims:`); silent without the claim
/// (Docs/Model.md §7).
enum BeyondLoadTestRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        guard let claim = input.plan.claim(.loadTestPeakRPS), let peak = claim.value else { return [] }
        let rate = e.traffic.gatewayRate
        guard rate > peak else { return [] }
        let msg =
            "The plan's peak is \(Format.rate(rate)) at the gateway (status alone \(Format.rate(e.traffic.statusRate))), \(Format.number(rate / peak, maxDecimals: 2))× the \(Format.number(peak, maxDecimals: 0)) RPS the claimed load test reached: this sizing extrapolates beyond measured load (run `\(input.spelling(.run(.validate)))`)."
        return [
            Finding(
                id: "beyond-load-test", severity: .warning,
                title: "Peak load exceeds the claimed load test's \(Format.number(peak, maxDecimals: 0)) RPS",
                message: msg,
                claim: claim.text)
        ]
    }
}
