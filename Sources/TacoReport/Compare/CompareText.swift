import TacoCore

/// The terminal form: a summary table with each column's verdict, per-resource tables, lever attribution per column,
/// and the plan's claimed savings (from its `claims:`).
public enum CompareText {
    static func signed(_ m: Money) -> String { (m.amount > 0 ? "+" : "") + Format.usd(m) }

    public static func render(_ c: Comparison, style: Style) -> String {
        var out = style.heading("Compare (baseline: \(c.baseline))") + "\n\n"
        var summary = TextTable(
            ["plan", "verdict", "per event", "per month", "Δ month vs \(c.baseline)", "Δ event"],
            aligns: [.left, .left, .right, .right, .right, .right])
        for col in c.columns {
            let marker = MissingLine.marker(col.missing)
            summary.add([
                col.name + (col.name == c.baseline ? " (baseline)" : ""), col.verdict.status.rawValue,
                Format.usd(col.perEvent) + marker, Format.usd(col.perMonth) + marker,
                col.deltaPerMonth.map(signed) ?? (col.unpricedLines > 0 ? "— (UNPRICED)" : "—"),
                col.deltaPerEvent.map(signed) ?? "—",
            ])
        }
        out += summary.render() + "\n" + verdicts(c.columns) + "\n"

        for resource in ResourceKind.allCases {
            var t = TextTable(
                ["plan", "configuration", "nodes", "utilization", "per event", "per month"],
                aligns: [.left, .left, .right, .left, .right, .right])
            for col in c.columns {
                if let r = col.resources.first(where: { $0.resource == resource }) {
                    t.add([
                        col.name, r.configuration, r.nodes.map(String.init) ?? "—", r.utilization,
                        r.perEvent.map { Format.usd($0) } ?? "UNPRICED",
                        r.perMonth.map { Format.usd($0) } ?? "UNPRICED",
                    ])
                } else if let why = col.infeasibilities.first(where: { $0.resource == resource }) {
                    t.add([col.name, "INFEASIBLE: \(why.constraint)", "—", factor(why), "—", "—"])
                }
            }
            out += "\n" + style.heading(resource.rawValue) + "\n" + t.render() + "\n"
        }

        out +=
            "\n" + style.heading("Savings by lever (each step switches one lever from the baseline's setting)") + "\n"
        for col in c.columns where col.name != c.baseline {
            out += "\n  \(col.name)" + (col.about.map { " — \($0)" } ?? "") + "\n"
            if !col.feasible {
                for why in col.infeasibilities {
                    out += "    " + style.bad("infeasible") + ": \(why.resource) \(why.constraint): \(why.message)\n"
                }
                continue
            }
            guard let total = col.deltaPerMonth, let totalEvent = col.deltaPerEvent else {
                out += "    no deltas: the baseline is infeasible\n"
                continue
            }
            var t = TextTable(["lever", "Δ per month", "Δ per event"], aligns: [.left, .right, .right])
            for s in col.levers {
                t.add([s.lever + (s.note.map { " (\($0))" } ?? ""), signed(s.deltaPerMonth), signed(s.deltaPerEvent)])
            }
            t.add(["total", signed(total), signed(totalEvent)])
            out += t.render(indent: "    ") + "\n"
        }

        out += "\n" + style.heading("The plan's claimed savings vs computed") + "\n"
        var claims = TextTable(["claim", "claimed", "computed"], aligns: [.left, .right, .left])
        for k in c.claims { claims.add([k.claim, k.seed, k.computed]) }
        out += claims.render() + "\n"
        for k in c.claims { out += "  - \(k.claim): \(k.reason)\n" }
        return out
    }

    static func factor(_ i: Comparison.Infeasibility) -> String {
        i.limit > 0
            ? "needs \(Format.number(i.needed, maxDecimals: 2)) \(i.unit), limit \(Format.number(i.limit, maxDecimals: 2)) (\(Format.number(i.factor, maxDecimals: 1))×)"
            : "—"
    }

    /// The per-column verdict lines under the summary (Docs/Model.md §15), and what each column's totals exclude.
    static func verdicts(_ columns: [Comparison.Column]) -> String {
        var out = ""
        for col in columns {
            let v = col.verdict
            out +=
                "  \(col.name): \(v.status.rawValue) — \(v.reasons.first ?? "") (evidence: \(v.evidence.rung.phrase))\n"
            let missing = col.missing.map { "\($0.reason.rawValue) \($0.resource) (\($0.component))" }
            if !missing.isEmpty { out += "    totals exclude " + missing.joined(separator: "; ") + "\n" }
        }
        return out
    }
}
