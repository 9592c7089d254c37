import Foundation

/// The plan assessment's answer to "what makes this plan pass, and at what price", as every file
/// `tacoplan observe` writes states it at its top and as the first action of every alarm expected to fire: the
/// cheapest fix with its plan total, or the constraint no configuration in the search bounds meets, or a
/// configuration that passes but lacks a price. Read from `PlanAssessment`, never recomputed here.
public struct AssessedFix: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// `PlanAssessment.fix`: the cheapest configuration that passes, priced.
        case fix
        /// `PlanAssessment.unreachable`: no configuration in the bounds passes.
        case unreachable
        /// No priced fix, but `PlanAssessment.feasibleUnpriced` names a configuration that passes without a price.
        case unpriced
        /// The assessment searched no fix (or found nothing to say).
        case none
    }

    public var kind: Kind
    /// The fix's changes ("queue partitions: 1 → 2; …"), the unmet constraint, or the unpriced configuration.
    public var summary: String
    /// The fix's verdict (FEASIBLE, or AT RISK when nothing in the bounds is FEASIBLE).
    public var status: VerdictStatus?
    /// The fix's plan total per month and its difference to the plan as written (`PlanAssessment.Fix`).
    public var perMonth: Money?
    public var deltaPerMonth: Money?
    /// " + 1 UNPRICED" when the fix's total leaves lines out, else "".
    public var marker: String = ""
    /// The command that fetches the missing price (kind `.unpriced`).
    public var fetch: String?
    /// The commands the sentences name, as the run's `StepSpelling` writes them.
    public var commands = Commands(.plain)

    /// The commands `headline` and `action` name.
    public struct Commands: Codable, Hashable, Sendable {
        /// The estimate, where the fix and its search bounds are stated.
        public var estimate: String
        /// `observe`, to re-run once the fix is priced.
        public var observe: String
        /// Fetching prices, when the fix names no fetch of its own.
        public var fetch: String

        public init(_ spelling: StepSpelling) {
            estimate = spelling(.run(.estimate))
            observe = spelling(.run(.observe))
            fetch = spelling(.run(.pricingFetch))
        }
    }

    public static func from(_ a: PlanAssessment, spelling: StepSpelling) -> AssessedFix {
        var out = from(a)
        out.commands = Commands(spelling)
        return out
    }

    static func from(_ a: PlanAssessment) -> AssessedFix {
        if let f = a.fix {
            return AssessedFix(
                kind: .fix, summary: f.summary, status: f.status, perMonth: f.totals.perMonth,
                deltaPerMonth: f.deltaPerMonth, marker: f.totals.marker)
        }
        if let why = a.unreachable { return AssessedFix(kind: .unreachable, summary: why) }
        if let u = a.feasibleUnpriced.first {
            return AssessedFix(kind: .unpriced, summary: u.configuration, fetch: u.fetch)
        }
        return AssessedFix(kind: .none, summary: "")
    }

    /// "$4,675.98/month (+$2,299.50/month against the plan as written)".
    public var price: String? {
        guard let perMonth, let deltaPerMonth else { return nil }
        let d = deltaPerMonth.amount
        return
            "\(Format.usd(perMonth))/month\(marker) (\(d >= 0 ? "+" : "−")\(Format.usd(Money(abs(d))))/month against the plan as written)"
    }

    /// The line under the verdict at the top of every file; nil when the assessment has nothing to say.
    public func headline(planStatus: VerdictStatus) -> String? {
        switch kind {
        case .fix:
            let label = planStatus == .feasible ? "Cheapest feasible configuration" : "Cheapest fix"
            return
                "\(label) (\(status?.rawValue ?? "—"), \(commands.estimate)): \(summary) — plan total \(price ?? "—")"
        case .unreachable:
            return "No fix within the search bounds: no configuration meets \"\(summary)\""
        case .unpriced:
            return
                "No priced fix: \(summary) passes but is UNPRICED — fetch its price: \(fetch ?? commands.fetch)"
        case .none: return nil
        }
    }

    /// The first action of an alarm or alert expected to fire on a plan that is not FEASIBLE: change the plan
    /// before the sale, the assessment's way. nil when there is nothing to apply.
    public var action: String? {
        switch kind {
        case .fix:
            return "Before the sale, apply the assessment's cheapest fix: \(summary) — plan total \(price ?? "—")."
        case .unreachable:
            return
                "Before the sale, change the plan: no configuration in the search bounds meets \"\(summary)\" (\(commands.estimate))."
        case .unpriced:
            return
                "Before the sale, price the configuration that passes (\(summary)): \(fetch ?? commands.fetch), then re-run \(commands.observe)."
        case .none: return nil
        }
    }
}
