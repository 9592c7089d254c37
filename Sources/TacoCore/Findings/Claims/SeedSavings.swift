import Foundation

/// The baseline plan's savings claims (its `claims:` section, Docs/PlanSpec.md) set beside what the model computes
/// for its variants. A plan without claims gets no checks.
public enum SeedSavings {

    static func checks(
        columns: [Comparison.Column], entries: [CompareEntry], estimates: [String: Estimate], baseline: String
    ) -> [Comparison.ClaimCheck] {
        guard let base = entries.first(where: { $0.name == baseline }), let baseEstimate = estimates[baseline] else {
            return []
        }
        func step(_ lever: String) -> (Comparison.Column, Comparison.LeverStep)? {
            for c in columns {
                if let s = c.levers.first(where: { $0.lever == lever }) { return (c, s) }
            }
            return nil
        }
        func resourceMonth(_ column: Comparison.Column, _ resource: ResourceKind) -> Money? {
            column.resources.first { $0.resource == resource }?.perMonth ?? nil
        }
        var out: [Comparison.ClaimCheck] = []
        let plan = base.input.plan
        guard !plan.claims.isEmpty else { return [] }
        let codeClaim = plan.claim(.redisCodeFixSavingPerMonth)
        let spotClaim = plan.claim(.spotSavingPerMonth)
        func claimed(_ c: Claim?) -> String { c?.amount.map { Format.usd($0) + "/month" } ?? "—" }

        // Code fix: the variant whose command mix differs from the baseline's.
        var code: Money?
        let codeEntry = entries.first { $0.name != baseline && $0.input.plan.apis != base.input.plan.apis }
        if codeClaim != nil, let entry = codeEntry, let column = columns.first(where: { $0.name == entry.name }) {
            if !column.feasible, let why = column.infeasibilities.first {
                out.append(
                    Comparison.ClaimCheck(
                        claim: "Redis code fix (KEYS → ZRANK)", seed: claimed(codeClaim),
                        computed: "not a saving: '\(entry.name)' is infeasible",
                        reason:
                            "\(why.message). No node count serves the KEYS version, so the fix is what makes the plan possible at all, not a \(claimed(codeClaim)) line item."
                    ))
            } else if let (_, s) = step(Levers.all[0].name) {
                code = s.deltaPerMonth
                out.append(
                    Comparison.ClaimCheck(
                        claim: "Redis code fix (KEYS → ZRANK)", seed: claimed(codeClaim),
                        computed: Format.usd(s.deltaPerMonth) + "/month ('\(entry.name)' − '\(baseline)')",
                        reason: "nodes the command mix adds or removes at this plan's traffic, priced per node-hour"))
            }
        }

        // Spot.
        var spot: Money?
        if spotClaim != nil, let (column, s) = step("Spot vs On-Demand") {
            spot = s.deltaPerMonth
            let g = base.input.plan.gateway
            let hours = Costing.eventHours(base.input.plan, traffic: baseEstimate.traffic)
            let events = base.input.plan.event.eventsPerMonth
            let chosen = baseEstimate.gateway.chosen
            let advice = chosen?.spot.map { "\($0.savingsPercent) % off for \($0.instanceType) (\($0.bucket.label))" }
            out.append(
                Comparison.ClaimCheck(
                    claim: "Spot instances", seed: claimed(spotClaim),
                    computed: Format.usd(s.deltaPerMonth) + "/month ('\(column.name)' − '\(baseline)')",
                    reason:
                        "gateway nodes run only for the sale (\(Show.n(hours.doubleValue, 2)) h × \(events) events/month, not \(AWSLimits.hoursPerMonth) h), \(chosen?.spotNodes ?? 0) of \(chosen?.nodes ?? 0) nodes are Spot (spot_share \(Show.pct(g.spotShare)), On-Demand floor \(g.onDemandFloor)), at "
                        + (advice ?? "no Spot Advisor data") + " from the dated snapshot"))
        }

        // Spot with the gateway fleet running all month: the reading under which the seed's $1,200 is plausible.
        let alwaysOn = columns.first { c in
            let plan = entries.first { $0.name == c.name }?.input.plan.gateway
            return (plan?.baselineRPS ?? 0) > 0 || (plan?.minPods ?? 0) > 0
                ? c.levers.contains { $0.lever == "Spot vs On-Demand" } : false
        }
        if spotClaim != nil, let column = alwaysOn,
            let s = column.levers.first(where: { $0.lever == "Spot vs On-Demand" })
        {
            let g = entries.first { $0.name == column.name }?.input.plan.gateway
            out.append(
                Comparison.ClaimCheck(
                    claim: "Spot instances, gateway always on", seed: claimed(spotClaim),
                    computed: Format.usd(s.deltaPerMonth) + "/month (the Spot step of '\(column.name)')",
                    reason:
                        "with baseline_rps \(Show.n(g?.baselineRPS ?? 0)) (min_pods \(g?.minPods ?? 0)) the fleet runs \(AWSLimits.hoursPerMonth) h/month; the claimed \(claimed(spotClaim)) Spot saving is of this order only if the gateway fleet runs all month, not just for the sales"
                ))
        }

        // Total.
        let total = [code, spot].compactMap { $0 }.reduce(Money.zero, +)
        if let totalClaim = plan.claim(.totalSavingPerMonth) {
            out.append(
                Comparison.ClaimCheck(
                    claim: "Total FinOps saving", seed: claimed(totalClaim), computed: Format.usd(total) + "/month",
                    reason: code == nil
                        ? "only the Spot part is a cost difference; the code fix is a feasibility fix or was not claimed"
                        : "the sum of the two computed figures above"))
        }

        // Graviton, separately for EC2 and ElastiCache: the lever's change ÷ the x86 side's resource cost.
        for (lever, resource, label) in plan.claim(.redisGravitonSaving) == nil
            ? []
            : [
                ("Graviton vs x86 (EC2 gateway)", ResourceKind.gateway, "EC2 gateway"),
                ("Graviton vs x86 (ElastiCache)", ResourceKind.redis, "ElastiCache"),
            ]
        {
            guard let (column, s) = step(lever), let x86 = resourceMonth(column, resource), x86.amount > 0 else {
                continue
            }
            let pct = (s.deltaPerMonth.amount / x86.amount).doubleValue * 100
            out.append(
                Comparison.ClaimCheck(
                    claim: "Graviton saving (\(label))",
                    seed: "\(Show.n(plan.claim(.redisGravitonSaving)?.value ?? 0, 0)) %",
                    computed:
                        "\(Show.n(pct, 1)) % of the x86 \(resource) cost ('\(column.name)': \(Format.usd(s.deltaPerMonth))/month)",
                    reason: resource == .redis
                        ? "ElastiCache Graviton nodes are priced about like x86 ones (Docs/Model.md §7); the ElastiCache saving comes from Valkey (see the valkey lever)"
                        : "EC2 Graviton is 15–20 % cheaper per node-hour; the share of the bill depends on node sizes and Spot discounts"
                ))
        }

        // Spot discount itself.
        let advice = base.input.plan.gateway.nodeCandidates.compactMap { base.input.book.spot[$0] }
        if !advice.isEmpty, let spotSaving = plan.claim(.gatewaySpotSaving)?.value {
            let mean = Double(advice.map(\.savingsPercent).reduce(0, +)) / Double(advice.count)
            let dates = Set(advice.map { $0.capturedOn.description }).sorted().joined(separator: ", ")
            out.append(
                Comparison.ClaimCheck(
                    claim: "Spot discount", seed: "\(Show.n(spotSaving, 0)) %",
                    computed:
                        "\(Show.n(mean, 1)) % mean over \(advice.count) candidate types in \(base.input.plan.event.region)",
                    reason:
                        "Spot Advisor savings (30-day trailing average, snapshot captured \(dates)) for \(base.input.plan.event.region)"
                ))
        }
        if plan.claim(.gatewaySpotInterruption) != nil, let asked = base.input.plan.gateway.requestedInterruption {
            out.append(
                Comparison.ClaimCheck(
                    claim: "Spot interruption", seed: asked, computed: "\"<5%\" (the lowest bucket)",
                    reason: "the Spot Advisor's buckets are <5, 5-10, 10-15, 15-20, >20 %; \(asked) cannot be expressed"
                ))
        }
        return out
    }
}
