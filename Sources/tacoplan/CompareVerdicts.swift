import TacoCore

/// The per-column verdict lines under `compare`'s summary (Docs/Model.md §10).
enum CompareVerdicts {
    static func render(_ columns: [Comparison.Column]) -> String {
        var out = ""
        for col in columns {
            let v = col.verdict
            out +=
                "  \(col.name): \(v.status.rawValue) — \(v.reasons.first ?? "") (evidence: \(v.evidence.evidence.phrase))\n"
            let missing = col.missing.map { "\($0.reason.rawValue) \($0.resource) (\($0.component))" }
            if !missing.isEmpty { out += "    totals exclude " + missing.joined(separator: "; ") + "\n" }
        }
        return out
    }

    /// " + 2 UNPRICED + 1 INFEASIBLE" after a column's totals.
    static func marker(_ missing: [MissingLine]) -> String { MissingLine.marker(missing) }

    /// The baseline's verdict: compare exits with it like every command (README "Exit codes"); the other columns
    /// are alternatives to it, and a deliberately infeasible variant (the seed's KEYS version) is not a failure.
    static func baseline(_ c: Comparison) -> PlanVerdict? {
        c.columns.first { $0.name == c.baseline }?.verdict
    }
}
