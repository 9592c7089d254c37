import Foundation

/// The Redis code fix (KEYS → ZRANK): a saving only when the KEYS version is feasible at all.
enum CodeFixClaimCheck: FindingRule {
    static func findings(_ s: SeedSavings) -> [Comparison.ClaimCheck] {
        let claim = s.plan.claim(.redisCodeFixSavingPerMonth)
        guard claim != nil, let (entry, column) = s.codeFix else { return [] }
        if !column.feasible, let why = column.infeasibilities.first {
            return [
                Comparison.ClaimCheck(
                    claim: "Redis code fix (KEYS → ZRANK)", seed: s.claimed(claim),
                    computed: "not a saving: '\(entry.name)' is infeasible",
                    reason:
                        "\(why.message). No node count serves the KEYS version, so the fix is what makes the plan possible at all, not a \(s.claimed(claim)) line item."
                )
            ]
        }
        guard let saving = s.codeFixSaving else { return [] }
        return [
            Comparison.ClaimCheck(
                claim: "Redis code fix (KEYS → ZRANK)", seed: s.claimed(claim),
                computed: Format.usd(saving) + "/month ('\(entry.name)' − '\(s.baseline)')",
                reason: "nodes the command mix adds or removes at this plan's traffic, priced per node-hour")
        ]
    }
}

/// Spot instances: the Spot lever's step, with the event hours and Spot share that make it.
enum SpotClaimCheck: FindingRule {
    static let lever = "Spot vs On-Demand"

    static func findings(_ s: SeedSavings) -> [Comparison.ClaimCheck] {
        guard let claim = s.plan.claim(.spotSavingPerMonth), let (column, step) = s.step(lever) else { return [] }
        let g = s.plan.gateway
        let hours = Costing.eventHours(s.plan, traffic: s.baseEstimate.traffic)
        let events = s.plan.event.eventsPerMonth
        let chosen = s.baseEstimate.gateway.chosen
        let advice = chosen?.spot.map { "\($0.savingsPercent) % off for \($0.instanceType) (\($0.bucket.label))" }
        return [
            Comparison.ClaimCheck(
                claim: "Spot instances", seed: s.claimed(claim),
                computed: Format.usd(step.deltaPerMonth) + "/month ('\(column.name)' − '\(s.baseline)')",
                reason:
                    "gateway nodes run only for the sale (\(Format.number(hours.doubleValue, maxDecimals: 2)) h × \(events) events/month, not \(AWSLimits.hoursPerMonth) h), \(chosen?.spotNodes ?? 0) of \(chosen?.nodes ?? 0) nodes are Spot (spot_share \(Format.percent(g.spotShare)), On-Demand floor \(g.onDemandFloor)), at "
                    + (advice ?? "no Spot Advisor data") + " from the dated snapshot")
        ]
    }
}

/// Spot with the gateway fleet running all month: the reading under which the seed's $1,200 is plausible.
enum AlwaysOnSpotClaimCheck: FindingRule {
    static func findings(_ s: SeedSavings) -> [Comparison.ClaimCheck] {
        let alwaysOn = s.columns.first { c in
            let plan = s.entries.first { $0.name == c.name }?.input.plan.gateway
            return (plan?.baselineRPS ?? 0) > 0 || (plan?.minPods ?? 0) > 0
                ? c.levers.contains { $0.lever == SpotClaimCheck.lever } : false
        }
        guard let claim = s.plan.claim(.spotSavingPerMonth), let column = alwaysOn,
            let step = column.levers.first(where: { $0.lever == SpotClaimCheck.lever })
        else { return [] }
        let g = s.entries.first { $0.name == column.name }?.input.plan.gateway
        return [
            Comparison.ClaimCheck(
                claim: "Spot instances, gateway always on", seed: s.claimed(claim),
                computed: Format.usd(step.deltaPerMonth) + "/month (the Spot step of '\(column.name)')",
                reason:
                    "with baseline_rps \(Format.number(g?.baselineRPS ?? 0)) (min_pods \(g?.minPods ?? 0)) the fleet runs \(AWSLimits.hoursPerMonth) h/month; the claimed \(s.claimed(claim)) Spot saving is of this order only if the gateway fleet runs all month, not just for the sales"
            )
        ]
    }
}

/// The total FinOps saving: code fix + Spot, each counted only when it is a cost difference.
enum TotalSavingClaimCheck: FindingRule {
    static func findings(_ s: SeedSavings) -> [Comparison.ClaimCheck] {
        guard let claim = s.plan.claim(.totalSavingPerMonth) else { return [] }
        let code = s.codeFixSaving
        let total = [code, s.spotSaving].compactMap { $0 }.reduce(Money.zero, +)
        return [
            Comparison.ClaimCheck(
                claim: "Total FinOps saving", seed: s.claimed(claim), computed: Format.usd(total) + "/month",
                reason: code == nil
                    ? "only the Spot part is a cost difference; the code fix is a feasibility fix or was not claimed"
                    : "the sum of the two computed figures above")
        ]
    }
}

/// Graviton, separately for EC2 and ElastiCache: saving % = the lever's change ÷ the x86 side's resource cost × 100.
enum GravitonClaimCheck: FindingRule {
    static func findings(_ s: SeedSavings) -> [Comparison.ClaimCheck] {
        guard let claim = s.plan.claim(.redisGravitonSaving) else { return [] }
        let levers = [
            ("Graviton vs x86 (EC2 gateway)", ResourceKind.gateway, "EC2 gateway"),
            ("Graviton vs x86 (ElastiCache)", ResourceKind.redis, "ElastiCache"),
        ]
        return levers.compactMap { lever, resource, label in
            guard let (column, step) = s.step(lever), let x86 = s.resourceMonth(column, resource), x86.amount > 0
            else { return nil }
            let pct = (step.deltaPerMonth.amount / x86.amount).doubleValue * 100
            return Comparison.ClaimCheck(
                claim: "Graviton saving (\(label))",
                seed: Format.percent(points: claim.value ?? 0),
                computed:
                    "\(Format.percent(points: pct)) of the x86 \(resource) cost ('\(column.name)': \(Format.usd(step.deltaPerMonth))/month)",
                reason: resource == .redis
                    ? "ElastiCache Graviton nodes are priced about like x86 ones (Docs/Model.md §7); the ElastiCache saving comes from Valkey (see the valkey lever)"
                    : "EC2 Graviton is 15–20 % cheaper per node-hour; the share of the bill depends on node sizes and Spot discounts"
            )
        }
    }
}

/// The Spot discount itself: the mean Spot Advisor saving over the plan's candidate types.
enum SpotDiscountClaimCheck: FindingRule {
    static func findings(_ s: SeedSavings) -> [Comparison.ClaimCheck] {
        let advice = s.plan.gateway.nodeCandidates.compactMap { s.base.input.book.spot[$0] }
        guard !advice.isEmpty, let claimed = s.plan.claim(.gatewaySpotSaving)?.value else { return [] }
        let mean = Double(advice.map(\.savingsPercent).reduce(0, +)) / Double(advice.count)
        let dates = Set(advice.map { $0.capturedOn.description }).sorted().joined(separator: ", ")
        let region = s.plan.event.region
        return [
            Comparison.ClaimCheck(
                claim: "Spot discount", seed: Format.percent(points: claimed),
                computed: "\(Format.percent(points: mean)) mean over \(advice.count) candidate types in \(region)",
                reason:
                    "Spot Advisor savings (30-day trailing average, snapshot captured \(dates)) for \(region)")
        ]
    }
}

/// The Spot interruption the plan asks for, beside the Spot Advisor's buckets.
enum SpotInterruptionClaimCheck: FindingRule {
    static func findings(_ s: SeedSavings) -> [Comparison.ClaimCheck] {
        guard s.plan.claim(.gatewaySpotInterruption) != nil, let asked = s.plan.gateway.requestedInterruption else {
            return []
        }
        return [
            Comparison.ClaimCheck(
                claim: "Spot interruption", seed: asked, computed: "\"<5%\" (the lowest bucket)",
                reason: "the Spot Advisor's buckets are <5, 5-10, 10-15, 15-20, >20 %; \(asked) cannot be expressed")
        ]
    }
}
