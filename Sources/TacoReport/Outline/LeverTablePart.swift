import TacoCore

/// Every lever as a full-width table, largest saving first: the hand-written variants and the automatic levers,
/// each with what it changes, the money saved per month against the plan as written (negative: it costs more)
/// and its share of the month. At most `maxRows` on the main slide; the whole table is in the appendix.
enum LeverTablePart {
    /// A full-width table of 8 rows (two lines each at most) fits a 720-px slide at 16 px.
    static let maxRows = 8

    static func parts(_ r: Report) -> (main: ReportPart?, appendix: ReportPart?) {
        // With no lever the savings slide (`ReportOutline.levers`) already says why in one line.
        guard let l = r.levers, !l.levers.isEmpty else { return (nil, nil) }
        let sorted = l.levers.enumerated()
            .sorted { ($1.element.perMonth, $0.offset) < ($0.element.perMonth, $1.offset) }.map(\.element)
        let headers = ["lever", "what it changes", "saved per month", "share"]
        let rows = sorted.map { lever in
            [
                lever.name, lever.description,
                lever.perMonth.amount < 0
                    ? Format.usd(Money(-lever.perMonth.amount)) + " more" : Format.usd(lever.perMonth),
                lever.percent.map { Format.number($0, maxDecimals: abs($0) < 1 ? 2 : 0) + " %" } ?? "—",
            ]
        }
        let shown = Array(rows.prefix(maxRows))
        var blocks: [ReportPart.Block] = [.table(headers: headers, rows: shown, right: [2, 3])]
        if rows.count > shown.count {
            blocks.append(.note("\(rows.count - shown.count) more levers in the appendix."))
        }
        let saving = sorted.filter { $0.perMonth.amount > 0 }.count
        let main = ReportPart(
            title: "Every lever against \(l.baseline) (\(Format.usd(l.baselinePerMonth)) a month)", blocks: blocks,
            notes: "\(l.levers.count) levers were estimated with the same evidence as the plan; \(saving) save money "
                + "and \(l.levers.count - saving) cost the same or more.")
        let appendix =
            rows.count > shown.count
            ? ReportPart(
                title: "Every lever", blocks: [.table(headers: headers, rows: rows, right: [2, 3])]) : nil
        return (main, appendix)
    }
}
