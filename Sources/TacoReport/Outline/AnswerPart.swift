import Foundation
import TacoCore

/// The answer, right after the title: the verdict line, the four unit costs in one row, what sets the
/// size, the top risks and the top levers with their savings.
enum AnswerPart {
    static func part(_ r: Report) -> ReportPart? {
        guard let a = r.answer else { return nil }
        // Totals that leave a line out say so (UNPRICED or INFEASIBLE), and the unit costs are then lower bounds.
        let unpriced = MissingLine.marker(r.costs.missing)
        let bound = r.costs.missing.isEmpty ? "" : " (lower bounds)"
        let users = a.admittedUsers.map { Format.number(Double($0)) } ?? "—"
        let seats = a.seats.map { Format.number(Double($0)) } ?? "—"
        // The four numbers a CFO asks for first, as two large lines rather than a small table.
        // A multi-region plan: the whole deployment as planned first (the assessment's deployment, every region and
        // the inter-region transfer), then the home region's figures, labelled as such.
        let deployment = r.regions?.deployment
        let scope = deployment.map { "as planned, home region \($0.home) alone" } ?? "as planned"
        let planned = a.failing.map { " (\(scope); \($0))" } ?? " (\(scope))"
        var blocks: [ReportPart.Block] = [.text(a.verdict)]
        if let d = deployment {
            let total = RegionsText.deploymentTotal(d)
            blocks.append(.heading(total.prefix(1).uppercased() + total.dropFirst()))
            // The deployment's one fix and the UNPRICED regions in one note (the slide holds no more lines).
            let fix = r.regions?.fix.map { "Its fix: " + $0.short }
            let unpriced =
                d.unpricedRegions.isEmpty
                ? nil
                : "UNPRICED in " + d.unpricedRegions.map(\.region).joined(separator: ", ")
                    + " (fetch: appendix)"
            let note = [fix, unpriced].compactMap { $0 }.joined(separator: ". ")
            if !note.isEmpty { blocks.append(.note(note)) }
        }
        blocks += [
            .heading(
                "\(Format.usd(a.perMonth))\(unpriced) per month · \(unitCost(a.perEvent))\(unpriced) per event (month ÷ events)"
                    + planned)
        ]
        if let fix = fixLine(a) { blocks.append(.heading(fix)) }
        blocks += [
            .heading(
                "\(a.perAdmittedUser.map(unitCost) ?? "—") per admitted user (\(users)) · "
                    + "\(a.perSeat.map(unitCost) ?? "—") per seat sold (\(seats))" + bound),
            .labeled("What sets the size", a.binding.joined(separator: " · ")),
        ]
        if !a.risks.isEmpty { blocks += [.labeled("Top risks", ""), .bullets(a.risks)] }
        if !a.topLevers.isEmpty {
            blocks += [
                .labeled("Top levers (saved per month against the plan as written)", ""),
                .bullets(a.topLevers.map(lever)),
            ]
        }
        return ReportPart(
            title: "The answer: \(a.feasibility.rawValue)", blocks: blocks, notes: SpeakerNotes.answer(a))
    }

    /// "Cheapest fix (FEASIBLE): +1 read replica per shard: 1 → 2 (10 → 15 nodes) → $3,526.73 per month (+$1,149.75)",
    /// or the constraint no configuration meets.
    static func fixLine(_ a: ReportAnswer) -> String? {
        if let fix = a.fix, let price = a.fixPerMonth, let delta = a.fixDeltaPerMonth {
            let sign = delta.amount >= 0 ? "+" : "−"
            let what = a.feasibility == .feasible ? "Cheapest feasible configuration" : "Cheapest fix"
            return "\(what) (\(a.fixStatus ?? "")): \(fix) → \(Format.usd(price)) per month "
                + "(\(sign)\(Format.usd(Money(abs(delta.amount)))))"
        }
        if let why = a.unreachable { return "No fix within the search bounds: \(why)" }
        return nil
    }

    static func lever(_ l: ReportAnswer.Lever) -> String {
        let pct = l.percent.map { " (\(Format.number($0, maxDecimals: $0 < 1 ? 2 : 0)) % of the month)" } ?? ""
        return "\(l.name): saves \(Format.usd(l.savingPerMonth))\(pct)"
    }

    /// A per-user or per-seat cost, tiny by nature: shown with three significant digits ($0.0000200), never
    /// rounded to $0.00.
    static func unitCost(_ m: Money) -> String {
        let v = m.amount.doubleValue
        guard v > 0, v < 1 else { return Format.usd(m) }
        let places = max(2, Int((-log10(v)).rounded(.up)) + 2)
        return Format.usd(m, places: places)
    }
}
