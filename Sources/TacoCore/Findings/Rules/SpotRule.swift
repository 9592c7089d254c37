import Foundation

/// Spot: the interruption bucket the plan asks for, the savings in the region, and too few Spot types (Docs/Model.md §7).
enum SpotRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        var out: [Finding] = []
        let g = input.plan.gateway
        if let asked = g.requestedInterruption {
            out.append(
                Finding(
                    id: "spot-interruption-bucket", severity: .warning,
                    title: "\"\(asked)\" interruption cannot be expressed",
                    message:
                        "The Spot Advisor's lowest interruption bucket is \"<5%\" (buckets <5, 5-10, 10-15, 15-20, >20 %; real maxima 5/11/16/22/100). The plan asked for \(asked); tacoplan uses \"<5%\".",
                    claim: input.plan.claim(.gatewaySpotInterruption)?.text))
        }
        let advice = g.nodeCandidates.compactMap { input.book.spot[$0] }
        if !advice.isEmpty, let claim = input.plan.claim(.gatewaySpotSaving), let claimed = claim.value {
            let mean = Double(advice.map(\.savingsPercent).reduce(0, +)) / Double(advice.count)
            let dates = Set(advice.map { $0.capturedOn.description }).sorted().joined(separator: ", ")
            out.append(
                Finding(
                    id: "spot-savings", severity: .info, title: "Spot savings in \(input.plan.event.region)",
                    message:
                        "Mean Spot Advisor saving over the \(advice.count) candidate types: \(Format.percent(points: mean)) (range \(advice.map(\.savingsPercent).min() ?? 0)–\(advice.map(\.savingsPercent).max() ?? 0) %; snapshot captured \(dates); a 30-day trailing average that changes daily) vs the claimed \(Format.percent(points: claimed)).",
                    claim: claim.text))
        }
        if g.spotShare > 0 && e.gateway.spotEligibleTypes < AWSLimits.spotDiversificationTypes {
            out.append(
                Finding(
                    id: "spot-flexibility", severity: .warning, title: "Too few Spot instance types",
                    message:
                        "Only \(e.gateway.spotEligibleTypes) candidate type(s) are allowed for Spot (interruption ≤ \(g.interruptionLimit.label)); Karpenter's Spot-to-Spot consolidation needs at least \(AWSLimits.spotDiversificationTypes) to reach the modelled savings.",
                    claim: nil))
        }
        return out
    }
}
