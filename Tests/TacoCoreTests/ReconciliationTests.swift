import Foundation
import Testing

@testable import TacoCore

/// Plan vs actual on the hand-made FOCUS 1.2 bill for the seed plan (Tests/Fixtures/bill/seed-focus-1.2.csv), one
/// sale on 2026-11-27, prices as of 2026-11-27. Every expected number is derived here from the fixture's rows and
/// the seed's cost lines (Docs/Model.md §6): 10 cache.m7g.xlarge at $0.315/h, EKS $0.10/h, gateway 10 ×
/// c7g.2xlarge (2 On-Demand at $0.29/h, 8 Spot at $0.116/h) for 0.5 h plus a 65 s On-Demand pre-warm of all 10
/// nodes, 300,000 expected writes at $0.000000625.
@Suite struct ReconciliationTests {
    static func rows() throws -> [BillRow] {
        let path = Fixture.root.appendingPathComponent("Tests/Fixtures/bill/seed-focus-1.2.csv").path
        let table = try CSVTable(text: try String(contentsOfFile: path, encoding: .utf8))
        let reader = try BillRowReader(file: path, header: table.header)
        return try table.rows.map { try reader.row($0.fields, line: $0.line) }
    }

    static func reconcile(tags: [(key: String, value: String)]) throws -> Reconciliation {
        let from = try #require(BillInstant(text: "2026-11-27"))
        let to = try #require(BillInstant(text: "2026-11-28"))
        let selection = BillSelection(from: from, to: to, tags: tags)
        let input = try Fixture.input(try Fixture.seedText(), asOf: "2026-11-27")
        return Reconciliation.build(
            Estimate.compute(input), plan: input.plan, rows: try rows().filter(selection.matches),
            window: ReconcileWindow(from: from, to: to, events: 1))
    }

    func line(_ r: Reconciliation, _ label: String) throws -> Reconciliation.Line {
        try #require(r.lines.first { $0.label == label }, "no line \(label)")
    }

    @Test func theSeedBillIsAttributedWithItsCauses() throws {
        let r = try Self.reconcile(tags: [("event", "sale-1127")])
        // 12 rows: the next-day row (2026-11-28 01:00) is outside the window, the other team's row has another tag.
        #expect(r.rowsSelected == 10)
        #expect(r.rowsAttributed == 7)
        // Σ BilledCost of the 10 selected rows: 75.6 + 2.4 + 3.48 + 0.8168 + 0.28125 + 0.0125 + 0.9 + 1.234567891
        // − 0.5 (credit) + 5 (Microsoft) = 89.225117891, exactly.
        #expect(r.billedTotal.amount == Decimal(string: "89.225117891"))
        // Attributed: the 7 usage rows of plan resources, 75.6 + 2.4 + 3.48 + 0.8168 + 0.28125 + 0.0125 + 0.9.
        #expect(r.attributedTotal.amount == Decimal(string: "83.49055"))
        let groups = r.groups.map(\.billedCost.amount).reduce(0, +)
        #expect(r.attributedTotal.amount + groups == r.billedTotal.amount)

        let redis = try line(r, "cache.m7g.xlarge nodes")
        // Always on: 10 nodes × 24 h = 240 node-hours × $0.315 = $75.60, billed the same.
        #expect(redis.plannedQuantity == 240 && redis.plannedCost?.amount == Decimal(string: "75.6"))
        #expect(redis.variance == .zero && redis.causes.isEmpty)

        let onDemand = try line(r, "c7g.2xlarge On-Demand nodes")
        // Planned: 2 nodes × 0.5 h + pre-warm 10 nodes × 65 s ÷ 3,600 = 1 + 0.180555… node-hours;
        // $0.29 × 1 + $0.29 × 10 × 65 ÷ 3,600 = 0.29 + 0.052361… Billed 12 node-hours, $3.48.
        let prewarm = Decimal(10) * Decimal(65) / Decimal(3600)
        let plannedOD = Decimal(string: "0.29")! * (1 + prewarm)
        #expect(abs(((onDemand.plannedQuantity ?? 0) - (1 + prewarm)).doubleValue) < 1e-20)
        #expect(abs(((onDemand.plannedCost?.amount ?? 0) - plannedOD).doubleValue) < 1e-20)
        #expect(onDemand.billedQuantity == 12 && onDemand.billedCost.amount == Decimal(string: "3.48"))
        #expect(onDemand.causes.map(\.kind) == [.moreHours])

        let spot = try line(r, "c7g.2xlarge Spot nodes")
        // Planned 8 × 0.5 = 4 node-hours at $0.116 = $0.464; billed 8 node-hours for $0.8168 = $0.1021 each.
        #expect(spot.plannedQuantity == 4 && spot.plannedCost?.amount == Decimal(string: "0.464"))
        #expect(spot.paidUnitPrice?.amount == Decimal(string: "0.1021"))
        #expect(spot.causes.map(\.kind) == [.moreHours, .lowerSpotShare, .priceChanged])
        // Spot share: planned 8 of 10 nodes = 80 %; billed 8 ÷ (12 + 8) node-hours = 40 %.
        #expect(r.plannedSpotShare == Decimal(string: "0.8") && r.billedSpotShare == Decimal(string: "0.4"))

        let writes = try line(r, "write request units")
        // 450,000 WRU billed vs 300,000 expected; 450,000 × $0.000000625 = $0.28125.
        #expect(writes.plannedQuantity == 300_000 && writes.billedQuantity == 450_000)
        #expect(writes.variance?.amount == Decimal(string: "0.09375"))
        #expect(writes.causes.map(\.kind) == [.moreUnits])

        #expect(try line(r, "all transfer (not in the plan's cost model)").causes.map(\.kind) == [.notModelled])
        let unplanned = try #require(r.groups.first { $0.bucket == "unplanned" })
        #expect(
            unplanned.name.hasPrefix("AmazonCloudWatch")
                && unplanned.billedCost.amount == Decimal(string: "1.234567891"))
        #expect(r.groups.contains { $0.bucket == "other provider" && $0.billedCost == Money(5) })
        #expect(r.groups.contains { $0.bucket == "charge" && $0.billedCost == Money(-0.5) })
        // Cost per admitted user: (89.225117891 − 5 Microsoft) ÷ 300,000 users = 0.00028075039297 (to 14 places).
        let perUser = try #require(r.billedPerUser?.amount)
        #expect(abs((perUser - Decimal(string: "0.00028075039297")!).doubleValue) < 1e-14)
    }

    @Test func withoutTheTagTheOtherTeamsNodeRaisesThePaidPrice() throws {
        let r = try Self.reconcile(tags: [])
        let redis = try line(r, "cache.m7g.xlarge nodes")
        // 240 + 1 node-hours for 75.6 + 7 = $82.60: $0.3427…/h against the planned $0.315.
        #expect(redis.billedQuantity == 241 && redis.billedCost.amount == Decimal(string: "82.6"))
        #expect(redis.causes.map(\.kind) == [.priceChanged])
        #expect(r.rowsSelected == 11)
    }
}
