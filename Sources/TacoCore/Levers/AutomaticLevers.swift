import Foundation

/// The automatic levers of a plan (Docs/Model.md §8 "Automatic levers"): each is the plan with one setting changed,
/// estimated by `Estimate.compute` with the plan's own price book, per-command costs and calibration (only the
/// plan differs, or for a commitment only the node's hourly rate), so no formula is repeated here. Ranked by the
/// saving per month (Decimal), largest first; infeasible, unpriced and unavailable levers follow.
public enum AutomaticLevers {
    /// The Spot shares a review tries: none, half, and the seed's 80 %; the plan's own share is skipped.
    /// Each is applied through the plan's On-Demand floor and interruption limit (Docs/Model.md §4), never around them.
    public static let spotShares: [Double] = [0, 0.5, 0.8]

    /// The hot queue key "binds" when its engine load is at least this share of the engine-CPU ceiling: within
    /// 20 % of the ceiling a modest crowd increase makes it the node's limit (Docs/Model.md §3 "Hot key").
    public static let hotKeyBindingShare = 0.8

    /// `estimate`, when the caller has it (the plan's one assessment), is the plan's estimate instead of a second
    /// computation.
    public static func all(_ input: EstimateInput, estimate: Estimate? = nil) -> [AutomaticLever] {
        let base = estimate ?? Estimate.compute(input)
        let ctx = Context(input: input, base: base, baseFeasible: base.infeasibilities.isEmpty)
        var out: [AutomaticLever] = []
        out.append(architecture(ctx, service: .elasticache))
        out.append(architecture(ctx, service: .ec2))
        out += spot(ctx)
        out.append(engine(ctx))
        out.append(dynamoMode(ctx))
        out.append(reservedCache(ctx))
        out += hotKey(ctx)
        return rank(out)
    }

    /// Computed levers by saving (largest first), then unpriced, AT RISK, infeasible, not available; ties keep their
    /// order.
    public static func rank(_ levers: [AutomaticLever]) -> [AutomaticLever] {
        func group(_ s: LeverStatus) -> Int {
            switch s {
            case .computed: 0
            case .unpriced: 1
            case .atRisk: 2
            case .infeasible: 3
            case .notAvailable: 4
            }
        }
        return levers.enumerated().sorted { a, b in
            let (ga, gb) = (group(a.element.status), group(b.element.status))
            if ga != gb { return ga < gb }
            let (sa, sb) = (a.element.savingPerMonth?.amount ?? 0, b.element.savingPerMonth?.amount ?? 0)
            if sa != sb { return sa > sb }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The plan as written: its input (the evidence every lever reuses) and its estimate.
    struct Context {
        var input: EstimateInput
        var base: Estimate
        var baseFeasible: Bool

        func with(_ change: (inout Plan) -> Void) -> EstimateInput {
            var i = input
            change(&i.plan)
            // A lever that changes the engine or the node types changes the hardware the evidence is carried to.
            return i.plan.redis == input.plan.redis ? i : EvidenceLadder.reselect(i)
        }
    }

    /// Estimates `input` (the plan with the lever applied, same evidence) against the plan as written.
    static func evaluate(
        _ kind: LeverKind, _ name: String, change: String, fields: [String], input: EstimateInput, _ ctx: Context,
        note: String? = nil, describe: ((Estimate) -> String?)? = nil
    ) -> AutomaticLever {
        let base = ctx.base
        let estimate = Estimate.compute(input)
        let change = describe?(estimate) ?? change
        let reasons = estimate.infeasibilities
        var lever = AutomaticLever(
            kind: kind, name: name, change: change, fields: fields, status: .computed,
            perEvent: estimate.totals.perEvent, perMonth: estimate.totals.perMonth, savingPerMonth: nil,
            savingPerEvent: nil, reason: note)
        if !reasons.isEmpty {
            lever.status = .infeasible
            lever.reason = reasons.map(\.message).joined(separator: "; ")
        } else if estimate.verdict.status == .atRisk && base.verdict.status != .atRisk {
            // Reaches only AT RISK from a plan that is FEASIBLE or INFEASIBLE: labelled so, never a saving (a lever
            // that leaves an AT RISK plan AT RISK compares like with like and keeps its saving).
            lever.status = .atRisk
            lever.reason = estimate.verdict.reasons.first ?? "the evidence band crosses a ceiling"
        } else if estimate.totals.unpricedLines > 0 || base.totals.unpricedLines > 0 {
            lever.status = .unpriced
            lever.reason =
                "UNPRICED: \(max(estimate.totals.unpricedLines, base.totals.unpricedLines)) cost line(s) have no price, so no saving is stated"
        }
        if lever.status == .computed {
            // Against the plan as written, priced as planned even when it fails.
            lever.savingPerMonth = base.totals.perMonth - estimate.totals.perMonth
            lever.savingPerEvent = base.totals.perEvent - estimate.totals.perEvent
            if !ctx.baseFeasible {
                lever.reason =
                    "the plan as written is INFEASIBLE; this lever makes it pass (saving against its as-planned cost)"
            }
        }
        return lever
    }

    static func unavailable(_ kind: LeverKind, _ name: String, change: String, fields: [String], reason: String)
        -> AutomaticLever
    {
        AutomaticLever(
            kind: kind, name: name, change: change, fields: fields, status: .notAvailable, perEvent: nil,
            perMonth: nil, savingPerMonth: nil, savingPerEvent: nil, reason: reason)
    }

    static func pct(_ share: Double) -> String { Format.number(share * 100, maxDecimals: 1) + " %" }
}
