import Foundation

/// What a claim check reads: the baseline plan's savings claims (its `claims:` section, Docs/PlanSpec.md) and the
/// compared variants whose lever steps compute them. A plan without claims gets no checks.
struct SeedSavings {
    var columns: [Comparison.Column]
    var entries: [CompareEntry]
    var baseline: String
    var base: CompareEntry
    var baseEstimate: Estimate

    init?(columns: [Comparison.Column], entries: [CompareEntry], estimates: [String: Estimate], baseline: String) {
        guard let base = entries.first(where: { $0.name == baseline }), let baseEstimate = estimates[baseline],
            !base.input.plan.claims.isEmpty
        else { return nil }
        self.columns = columns
        self.entries = entries
        self.baseline = baseline
        self.base = base
        self.baseEstimate = baseEstimate
    }

    /// Every claim check, in the order `compare` lists them (the registry is `Findings.claimChecks`).
    static func checks(
        columns: [Comparison.Column], entries: [CompareEntry], estimates: [String: Estimate], baseline: String
    ) -> [Comparison.ClaimCheck] {
        guard let subject = SeedSavings(columns: columns, entries: entries, estimates: estimates, baseline: baseline)
        else { return [] }
        return Findings.run(Findings.claimChecks, subject)
    }

    /// The baseline plan, whose claims are checked.
    var plan: Plan { base.input.plan }

    /// The first column that takes `lever`, with its step.
    func step(_ lever: String) -> (Comparison.Column, Comparison.LeverStep)? {
        for c in columns {
            if let s = c.levers.first(where: { $0.lever == lever }) { return (c, s) }
        }
        return nil
    }

    func resourceMonth(_ column: Comparison.Column, _ resource: ResourceKind) -> Money? {
        column.resources.first { $0.resource == resource }?.perMonth ?? nil
    }

    /// A claimed amount as the checks print it: "$1,200.00/month", or "—".
    func claimed(_ c: Claim?) -> String { c?.amount.map { Format.usd($0) + "/month" } ?? "—" }

    /// The variant whose command mix differs from the baseline's: the code fix, and its column.
    var codeFix: (entry: CompareEntry, column: Comparison.Column)? {
        guard let entry = entries.first(where: { $0.name != baseline && $0.input.plan.apis != plan.apis }),
            let column = columns.first(where: { $0.name == entry.name })
        else { return nil }
        return (entry, column)
    }

    /// The code fix's monthly saving: its lever step, unless the fix is what makes the plan feasible at all.
    var codeFixSaving: Money? {
        guard plan.claim(.redisCodeFixSavingPerMonth) != nil, let fix = codeFix else { return nil }
        if !fix.column.feasible, !fix.column.infeasibilities.isEmpty { return nil }
        return step(Levers.all[0].name)?.1.deltaPerMonth
    }

    /// The Spot lever's monthly saving.
    var spotSaving: Money? {
        guard plan.claim(.spotSavingPerMonth) != nil else { return nil }
        return step(SpotClaimCheck.lever)?.1.deltaPerMonth
    }
}
