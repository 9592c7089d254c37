import TacoCore

/// The terminal form of `pricing coverage`: one line per price the plan needs, priced (amount, unit, since, source)
/// or UNPRICED with the command that fetches it.
public enum PricingCoverageText {
    public static func render(plan: Plan, day: Day, lines: [PriceCoverage.Line], fetchAll: String?) -> String {
        var out = "\(plan.name) in \(plan.event.region), prices in force on \(day):\n"
        for line in lines {
            let what = PricingText.pad("\(line.resource) \(line.product)", 34)
            if let quote = line.quote {
                out +=
                    "  priced    \(what) \(quote.usd) per \(quote.key.unit) since \(quote.effectiveFrom), \(quote.source)\n"
            } else if let captured = line.spotCapturedOn {
                out += "  priced    \(what) Spot Advisor snapshot captured \(captured)\n"
            } else {
                out += "  UNPRICED  \(what) fetch: \(line.fetch ?? "")\n"
            }
        }
        let missing = lines.filter { !$0.priced }.count
        out += "\(lines.count - missing) of \(lines.count) prices in the book\n"
        if let fetchAll { out += "To fetch the rest: \(fetchAll)\n" }
        return out
    }
}
