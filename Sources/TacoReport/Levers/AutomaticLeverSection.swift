import Foundation
import TacoCore

/// The automatic levers as rows of the report's lever section (after the hand-written variants, which come
/// first): every computed lever with its saving (plan − lever, per month) and share of the plan's monthly
/// cost; infeasible, unpriced and unavailable levers are listed with a saving only when one was computed, so
/// they stay out of the section (the `compare --levers` table shows them with their reason).
public enum AutomaticLeverSection {
    public static func merged(
        _ section: LeverSection?, automatic: [AutomaticLever], baseline: String, baselinePerMonth: Money
    ) -> LeverSection? {
        let rows = automatic.compactMap { l -> LeverSection.Lever? in
            guard l.status == .computed, let saving = l.savingPerMonth else { return nil }
            let base = section?.baselinePerMonth ?? baselinePerMonth
            let percent = base.amount > 0 ? (saving.amount / base.amount).doubleValue * 100 : nil
            return LeverSection.Lever(
                name: "auto: \(l.name)", description: "\(l.change) (feasible)", perMonth: saving, percent: percent)
        }
        guard section != nil || !rows.isEmpty else { return nil }
        return LeverSection(
            baseline: section?.baseline ?? baseline, baselinePerMonth: section?.baselinePerMonth ?? baselinePerMonth,
            levers: (section?.levers ?? []) + rows)
    }
}
