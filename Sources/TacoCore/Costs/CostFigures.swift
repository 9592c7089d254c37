/// The `cost.*` figures of an estimate, recorded in its ledger once the cost lines are priced.
extension Costing {
    /// Records the `cost.*` figures `explain` shows: one `cost.N.RESOURCE` per cost line (quantity × unit price, per
    /// hour, event and month, and the price's source) and the totals `cost.total_month` and `cost.total_event`
    /// (Docs/Model.md §6).
    static func record(_ t: CostTotals, costs: [CostLine], _ ledger: inout Ledger) {
        for (i, c) in costs.enumerated() {
            ledger.record(
                "cost.\(i + 1).\(c.resource)", "Cost: \(c.component)", value: c.perMonth?.amount.doubleValue ?? .nan,
                unit: "USD/month",
                display: c.perMonth.map { Format.usd($0) + "/month" } ?? "UNPRICED",
                formula: "quantity × unit price; \(c.basis) (Docs/Model.md §6)",
                arithmetic:
                    "\(Format.number(c.quantity.doubleValue, maxDecimals: 4)) \(c.unit) × \(c.unitPrice.map(Format.unitPrice) ?? "UNPRICED")"
                    + (c.hourly.map { " = \(Format.usd($0, places: 4))/h" } ?? "")
                    + (c.perEvent.map { "; per event \(Format.usd($0, places: 4))" } ?? "")
                    + (c.perMonth.map { "; per month \(Format.usd($0))" } ?? ""),
                inputs: [
                    FigureInput(
                        "price", c.unitPrice.map(Format.unitPrice) ?? "UNPRICED",
                        "\(c.priceSource)" + (c.effectiveFrom.map { ", effective \($0)" } ?? "") + " [\(c.confidence)]")
                ])
        }
        ledger.record(
            "cost.total_month", "Total per month", value: t.perMonth.amount.doubleValue, unit: "USD/month",
            display: Format.usd(t.perMonth) + "/month" + t.marker,
            formula: "Σ cost lines per month (Docs/Model.md §6)", arithmetic: "Σ = \(Format.usd(t.perMonth))",
            inputs: [])
        ledger.record(
            "cost.total_event", "Total per event", value: t.perEvent.amount.doubleValue, unit: "USD/event",
            display: Format.usd(t.perEvent) + "/event" + t.marker,
            formula: "Σ cost lines per event (Docs/Model.md §6)", arithmetic: "Σ = \(Format.usd(t.perEvent))",
            inputs: [])
    }
}
