/// How old the prices in force are (Docs/Model.md §6.3): the oldest and newest effective dates of the priced cost lines,
/// the Spot Advisor snapshot date of the chosen gateway nodes, and which are stale.
public struct PriceDates: Codable, Hashable, Sendable {
    /// A price whose effective date is more than a year before as-of is flagged: AWS reprices services on that
    /// time scale (the DynamoDB on-demand cut of 2024-11-01 came five years after the 2018 launch price).
    public static let staleDays = 365
    /// Spot Advisor savings are a 30-day trailing average that changes daily; a snapshot more than 90 days older
    /// than as-of is flagged (aws-pricing-facts.md: Spot Advisor).
    public static let spotStaleDays = 90

    public var asOf: Day
    public var oldest: Day?
    /// True when the oldest date is a documented start; false: that price was in force at least from then.
    public var oldestDocumented: Bool
    public var newest: Day?
    public var spotSnapshot: Day?
    /// "EC2 m7g.xlarge On-Demand node: effective 2023-09-18, 988 days before 2026-12-01".
    public var stale: [String]

    static func compute(_ costs: [CostLine], spot: SpotAdvice?, asOf: Day) -> PriceDates {
        let dated = costs.filter { $0.unitPrice != nil }.compactMap { c in c.effectiveFrom.map { (c, $0) } }
        var stale: [String] = []
        var seen: Set<String> = []
        for (c, day) in dated where asOf.ordinal - day.ordinal > staleDays {
            let text =
                "\(c.resource) \(c.component): price effective \(day), \(asOf.ordinal - day.ordinal) days before \(asOf)"
            if seen.insert(text).inserted { stale.append(text) }
        }
        if let s = spot, asOf.ordinal - s.capturedOn.ordinal > spotStaleDays {
            stale.append(
                "Spot Advisor snapshot for \(s.instanceType): captured \(s.capturedOn), \(asOf.ordinal - s.capturedOn.ordinal) days before \(asOf)"
            )
        }
        let oldest = dated.map(\.1).min()
        let documented = dated.filter { $0.1 == oldest }.allSatisfy { $0.0.startDocumented }
        return PriceDates(
            asOf: asOf, oldest: oldest, oldestDocumented: oldest != nil && documented, newest: dated.map(\.1).max(),
            spotSnapshot: spot?.capturedOn, stale: stale)
    }

    /// "prices in force at least from 2023-09-18 (earliest evidence) … newest 2024-11-01, Spot snapshot 2024-02-28".
    public var summary: String {
        let from = oldest.map {
            oldestDocumented ? "from \($0) (documented start)" : "at least from \($0) (earliest evidence)"
        }
        var out = "prices in force " + (from ?? "—") + ", newest effective " + (newest.map(\.description) ?? "—")
        if let s = spotSnapshot { out += ", Spot snapshot \(s)" }
        return out
    }

    /// One warning listing the stale prices, or none; its fix spelled by `spell`.
    func findings(_ spell: StepSpelling) -> [Finding] {
        guard !stale.isEmpty else { return [] }
        return [
            Finding(
                id: "stale-prices", severity: .warning, title: "\(stale.count) price(s) older than the staleness limit",
                message:
                    stale.joined(separator: "; ")
                    + ". Prices are flagged more than \(PriceDates.staleDays) days (Spot: \(PriceDates.spotStaleDays)) before as-of; a bundled effective date is the earliest evidence for the price unless pricing/prices.csv marks its start as documented (Docs/Pricing.md). Fix: fetch current prices (`\(spell(.fetchRegionPrices))`, add `\(spell(.option(.spotAdvisor)))` for Spot data) or import a price list file (`\(spell(.importPriceList))`).",
                claim: nil)
        ]
    }
}
