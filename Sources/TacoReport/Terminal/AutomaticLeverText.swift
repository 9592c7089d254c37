import TacoCore

/// `compare --levers` in the terminal: the automatic levers of the baseline plan, ranked by saving per month
/// (positive: the lever is cheaper than the plan as written), then infeasible and unavailable ones with why.
public enum AutomaticLeverText {
    public static func render(_ levers: [AutomaticLever], baseline: String, style: Style) -> String {
        var out =
            "\n" + style.heading("Automatic levers for \(baseline) (saving = plan as written − plan with the lever)")
            + "\n"
        var t = TextTable(
            ["lever", "change", "status", "saving / month", "saving / event", "per month with lever"],
            aligns: [.left, .left, .left, .right, .right, .right])
        for l in levers {
            t.add([
                l.name, l.change, label(l.status), l.savingPerMonth.map(signed) ?? "—",
                l.savingPerEvent.map(signed) ?? "—", l.perMonth.map { Format.usd($0) } ?? "—",
            ])
        }
        out += t.render() + "\n"
        for l in levers {
            guard let reason = l.reason else { continue }
            let tag = l.status == .computed ? "note" : (l.status == .notAvailable ? "n/a" : label(l.status))
            out += "  - \(l.name): " + (l.status == .infeasible ? style.bad(tag) : tag) + ": \(reason)\n"
        }
        return out
    }

    /// The status column: an AT RISK lever reads "AT RISK" like the verdict it carries, never as a working lever.
    static func label(_ s: LeverStatus) -> String {
        s == .atRisk ? "AT RISK" : s.rawValue
    }

    /// "+$12.34" for a saving, "−$5.00" for a lever that costs more.
    static func signed(_ m: Money) -> String {
        m.amount < 0 ? "-" + Format.usd(Money(-m.amount)) : "+" + Format.usd(m)
    }
}
