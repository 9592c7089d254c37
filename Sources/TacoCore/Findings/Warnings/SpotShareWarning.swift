/// The plan asks for a Spot share the chosen gateway nodes do not get, and why (Docs/Model.md §4, §7.1).
enum SpotShareWarning: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        let g = input.plan.gateway
        guard g.spotShare > 0, let c = e.gateway.chosen, c.nodes > 0 else { return [] }
        let got = Double(c.spotNodes) / Double(c.nodes)
        // ⌊nodes × share⌋ is what the plan can get at best (Docs/Model.md §4); only a shortfall below that is a warning.
        let best = Int((Double(c.nodes) * g.spotShare).rounded(.down))
        guard c.spotNodes < best else { return [] }
        let why: String
        let fix: String
        if let advice = c.spot {
            if !c.spotAllowed {
                why =
                    "its Spot Advisor interruption bucket \(advice.bucket.label) (captured \(advice.capturedOn)) is worse than the plan's limit \(g.interruptionLimit.label)"
                fix = "allow a higher gateway.interruption_limit, or list node types with a lower interruption bucket"
            } else {
                why =
                    "gateway.on_demand_floor \(g.onDemandFloor) keeps \(c.onDemandNodes) of \(c.nodes) node(s) On-Demand"
                fix = "lower on_demand_floor, or accept the On-Demand share"
            }
        } else {
            why =
                "the price book has no Spot Advisor data for \(c.nodeType) in \(input.plan.event.region) (Spot price history alone does not give a Spot saving)"
            fix =
                "import the Spot Advisor snapshot for \(input.plan.event.region) (`\(input.spelling(.importPriceList))`), or set spot_share: 0 to price On-Demand openly"
        }
        return [
            Finding(
                id: "spot-share-not-honoured", severity: .warning, title: "Spot share not honoured",
                message:
                    "The plan asks for \(Format.percent(g.spotShare)) Spot; \(c.nodeType) × \(c.nodes) gets \(c.spotNodes) Spot node(s) (\(Format.percent(got))) because \(why). The gateway is priced On-Demand for the rest. Fix: \(fix).",
                claim: nil)
        ]
    }
}
