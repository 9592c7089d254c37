import TacoCore

extension Report {
    /// Adds the post-event review: planned vs billed per resource (a table and the `planned-vs-billed` chart).
    public mutating func attach(_ r: Reconciliation) {
        reconciliation = r
        charts.append(ReconciliationSection.chart(r))
    }
}

/// The report part and chart of a reconciliation (`report PLAN --from T --to T`).
enum ReconciliationSection {
    static func chart(_ r: Reconciliation) -> Chart {
        let unplanned = r.groups.filter { $0.bucket == "unplanned" && $0.currency == "USD" }
            .reduce(Money.zero) { $0 + $1.billedCost }
        let lines = r.lines
        var categories = lines.map { "\($0.resource): \($0.label)" }
        var planned: [Double?] = lines.map { $0.plannedCost?.amount.doubleValue }
        var billed: [Double?] = lines.map { $0.billedCost.amount.doubleValue }
        var plannedText = lines.map { ReconciliationText.planned($0) }
        var billedText = lines.map { ReconciliationText.usd($0.billedCost) }
        if unplanned != .zero {
            categories.append("unplanned spend")
            planned.append(nil)
            billed.append(unplanned.amount.doubleValue)
            plannedText.append("not planned")
            billedText.append(ReconciliationText.usd(unplanned))
        }
        return Chart(
            id: "planned-vs-billed", title: "Planned vs billed, \(r.from) → \(r.to)", unit: "USD",
            axis: "resource",
            categories: categories,
            series: [
                Chart.Series(name: "planned", values: planned, displays: plannedText),
                Chart.Series(name: "billed", values: billed, displays: billedText),
            ], reference: nil, format: .usd)
    }

    static func part(_ report: Report) -> ReportPart? {
        guard let r = report.reconciliation else { return nil }
        var blocks: [ReportPart.Block] = [
            .text(
                "Billed rows with a charge period starting \(r.from) → \(r.to) (\(ReconciliationText.num(r.hours)) h, \(r.events) sale(s)): \(r.rowsSelected) selected, \(r.rowsAttributed) attributed to the plan."
            ),
            .table(
                headers: ["resource", "planned qty", "billed qty", "planned", "billed", "variance"],
                rows: r.lines.map { l in
                    [
                        "\(l.resource): \(l.label)", l.plannedQuantity.map(ReconciliationText.num) ?? "—",
                        ReconciliationText.num(l.billedQuantity) + " " + l.unit, ReconciliationText.planned(l),
                        ReconciliationText.usd(l.billedCost), l.variance.map(ReconciliationText.signed) ?? "—",
                    ]
                }, right: [1, 2, 3, 4, 5]),
        ]
        if let c = report.charts.first(where: { $0.id == "planned-vs-billed" }) { blocks.append(.chart(c)) }
        for l in r.lines {
            for c in l.causes { blocks.append(.labeled("\(l.resource) \(l.label)", c.message)) }
        }
        blocks.append(
            .labeled(
                "Totals",
                "planned \(ReconciliationText.usd(r.plannedTotal)), billed \(ReconciliationText.usd(r.billedTotal)) (exact \(r.billedTotal)), of which attributed \(ReconciliationText.usd(r.attributedTotal))"
            ))
        if let u = r.billedPerUser, let n = r.admittedUsers {
            blocks.append(
                .labeled(
                    "Cost per admitted user",
                    "billed \(ReconciliationText.unit(u)) vs planned \(r.plannedPerUser.map(ReconciliationText.unit) ?? "—") (\(ReconciliationText.num(n)) users)"
                ))
        }
        return ReportPart(title: "Plan vs actual", blocks: blocks)
    }
}
