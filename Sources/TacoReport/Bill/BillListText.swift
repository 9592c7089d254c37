import TacoCore

/// `bill list`: per provider, account and currency, the charge periods loaded, the rows and the exact Σ BilledCost.
public enum BillListText {
    public static func render(_ summaries: [BillSummary], files: Int) -> String {
        guard !summaries.isEmpty else { return "No bill imported yet: tacoplan bill import FILE…\n" }
        var t = TextTable(
            ["provider", "account", "charge periods (UTC)", "rows", "currency", "BilledCost total", "files"],
            aligns: [.left, .left, .left, .right, .left, .right, .right])
        for s in summaries {
            t.add([
                Excerpt.quoted(s.provider, limit: Int.max), Excerpt.quoted(s.accountId, limit: Int.max),
                "\(s.from) → \(s.to)", Format.number(Double(s.rows)), s.currency,
                s.billedCost.description, "\(s.files)",
            ])
        }
        let rows = summaries.reduce(0) { $0 + $1.rows }
        return t.render()
            + "\n  \(Format.number(Double(rows))) row(s) from \(files) file(s); totals are exact sums of BilledCost, per currency\n"
    }
}
