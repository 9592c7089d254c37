import Foundation
import TacoCore

/// `reconcile --format table`: planned vs billed per resource, the variance causes, what was not attributed, and
/// the unit economics. Money is rounded only here, for display; JSON and CSV carry the exact sums.
public enum ReconciliationText {
    public static func render(_ r: Reconciliation) -> String {
        var out = [
            "tacoplan reconcile — \(safe(r.plan)) (\(r.verdict))",
            "window \(r.from) → \(r.to) (\(num(r.hours)) h, \(r.events) sale(s)); \(r.rowsSelected) billed row(s) selected, \(r.rowsAttributed) attributed",
            "",
        ]
        var t = TextTable(
            [
                "resource", "what", "planned qty", "billed qty", "unit", "planned $/unit", "paid $/unit", "planned",
                "billed", "variance",
            ],
            aligns: [.left, .left, .right, .right, .left, .right, .right, .right, .right, .right])
        for l in r.lines {
            t.add([
                l.resource, safe(l.label), l.plannedQuantity.map(num) ?? "—", num(l.billedQuantity), l.unit,
                l.plannedUnitPrice.map(Format.unitPrice) ?? "—", l.paidUnitPrice.map { unit($0) } ?? "—",
                planned(l), usd(l.billedCost), l.variance.map(signed) ?? "—",
            ])
        }
        out.append(t.render())
        let causes = r.lines.filter { !$0.causes.isEmpty }
        if !causes.isEmpty {
            out += ["", "Variance causes"]
            for l in causes {
                for c in l.causes { out.append("  • \(l.resource) \(l.label): [\(c.kind.rawValue)] \(c.message)") }
            }
        }
        if !r.groups.isEmpty {
            out += ["", "Not attributed to the plan"]
            var g = TextTable(
                ["bucket", "what", "rows", "billed", "first lines"], aligns: [.left, .left, .right, .right, .left])
            for x in r.groups {
                g.add([
                    x.bucket, safe(x.name), "\(x.rows)", money(x.billedCost, x.currency),
                    x.lines.map(String.init).joined(separator: ", "),
                ])
            }
            out.append(g.render())
        }
        out += ["", "Totals (USD)"]
        var tot = TextTable(["", "amount"], aligns: [.left, .right])
        tot.add(["planned (priced lines)", usd(r.plannedTotal)])
        tot.add(["billed, attributed to the plan", usd(r.attributedTotal)])
        tot.add(["billed, all selected USD rows", usd(r.billedTotal)])
        tot.add(["billed − planned", signed(r.billedTotal - r.plannedTotal)])
        out.append(tot.render())
        out.append("  exact billed sum: \(r.billedTotal.description)")
        if let p = r.plannedSpotShare {
            out.append(
                "  gateway Spot share: planned \(Format.percent(p.doubleValue)), billed "
                    + (r.billedSpotShare.map { Format.percent($0.doubleValue) } ?? "—"))
        }
        if let e = r.plannedPerEvent {
            out.append(
                "  cost per event (\(r.events) sale(s)): planned \(usd(e)), billed \(r.billedPerEvent.map(usd) ?? "—")"
                    + "; per seat sold: planned \(r.plannedPerSeat.map { unit($0) } ?? "—"), billed \(r.billedPerSeat.map { unit($0) } ?? "—")"
            )
        }
        if let users = r.admittedUsers {
            out.append(
                "  cost per admitted user (\(num(users)) users): planned \(r.plannedPerUser.map { unit($0) } ?? "—"), billed \(r.billedPerUser.map { unit($0) } ?? "—")"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func planned(_ l: Reconciliation.Line) -> String {
        if !l.modelled { return "not modelled" }
        if l.plannedQuantity == nil { return "not planned" }
        return l.plannedCost.map(usd) ?? "UNPRICED"
    }

    /// Bill text (service names, descriptions) with control characters escaped: the bill is input we did not write.
    static func safe(_ s: String) -> String { Excerpt.quoted(s, limit: Int.max) }

    static func num(_ d: Decimal) -> String { Format.number(d.doubleValue, maxDecimals: 2) }
    static func usd(_ m: Money) -> String { Format.usd(m, places: 4) }
    static func unit(_ m: Money) -> String { Format.unitPrice(Money(m.rounded(10))) }
    static func signed(_ m: Money) -> String { (m.amount > 0 ? "+" : "") + usd(m) }
    static func money(_ m: Money, _ currency: String) -> String {
        currency == "USD" ? usd(m) : "\(m.rounded(4)) \(currency)"
    }
}

/// `reconcile --format csv`: one row per resource line, then the groups not attributed (RFC 4180). Money is exact.
public enum ReconciliationCSV {
    public static let header = [
        "kind", "resource", "what", "unit", "planned_quantity", "billed_quantity", "planned_unit_price_usd",
        "paid_unit_price_usd", "planned_usd", "billed", "currency", "variance_usd", "rows", "causes",
    ]

    public static func render(_ r: Reconciliation) -> String {
        var lines = [header.joined(separator: ",")]
        for l in r.lines {
            lines.append(
                [
                    "resource", l.resource, l.label, l.unit, dec(l.plannedQuantity), dec(l.billedQuantity),
                    l.plannedUnitPrice?.description ?? "", l.paidUnitPrice?.description ?? "",
                    l.plannedCost?.description ?? "", l.billedCost.description, "USD", l.variance?.description ?? "",
                    "\(l.rows)", l.causes.map(\.kind.rawValue).joined(separator: " "),
                ].map(CostCSV.field).joined(separator: ","))
        }
        for g in r.groups {
            lines.append(
                [
                    g.bucket, "", g.name, "", "", "", "", "", "", g.billedCost.description, g.currency, "", "\(g.rows)",
                    "",
                ]
                .map(CostCSV.field).joined(separator: ","))
        }
        lines.append(
            [
                "total", "", "all selected USD rows", "", "", "", "", "", r.plannedTotal.description,
                r.billedTotal.description, "USD", (r.billedTotal - r.plannedTotal).description, "\(r.rowsSelected)", "",
            ]
            .map(CostCSV.field).joined(separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }

    static func dec(_ d: Decimal?) -> String { d.map { NSDecimalNumber(decimal: $0).stringValue } ?? "" }
}

/// `reconcile --format json`: the reconciliation under a versioned schema; money and quantities as exact decimals.
public struct ReconciliationDocument: Encodable, Sendable {
    public static let currentSchema = "tacoplan.reconciliation/1"
    public var schema = ReconciliationDocument.currentSchema
    public var reconciliation: Reconciliation

    public init(_ r: Reconciliation) { reconciliation = r }

    public func json() throws -> String { try StableJSON.encode(self) }
}
