import TacoCore

/// `report --format csv`: one row per cost line (RFC 4180, LF line ends). Money columns are exact decimal strings,
/// empty when unpriced; the price-source column then says UNPRICED.
public enum CostCSV {
    public static let header = [
        "resource", "component", "quantity", "unit", "unit_price_usd", "hourly_usd", "per_event_usd", "per_month_usd",
        "price_source", "effective_date",
    ]

    public static func render(_ r: Report) -> String {
        var lines = [header.map(field).joined(separator: ",")]
        for l in r.costs.lines {
            let cells = [
                l.resource.rawValue, l.component, "\(l.quantity)", l.unit, money(l.unitPrice), money(l.hourly),
                money(l.perEvent),
                money(l.perMonth), l.priceSource, l.effectiveFrom?.description ?? "",
            ]
            lines.append(cells.map(field).joined(separator: ","))
        }
        // The totals row: its component says how many lines are UNPRICED or INFEASIBLE and which.
        let c = r.costs
        let total = [
            "total", "total" + MissingLine.marker(c.missing), "", "", "", money(c.hourly), money(c.perEvent),
            money(c.perMonth), MissingLine.sentence(c.missing) ?? "complete: every line priced", "",
        ]
        lines.append(total.map(field).joined(separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }

    static func money(_ m: Money?) -> String { m?.description ?? "" }

    /// Quotes a field when it holds a comma, quote or line break; doubles inner quotes. A leading `=`, `+`, `-` or
    /// `@` is prefixed with `'` so a spreadsheet does not run a user-supplied name as a formula.
    static func field(_ s: String) -> String { SafeText.csvField(s) }
}
