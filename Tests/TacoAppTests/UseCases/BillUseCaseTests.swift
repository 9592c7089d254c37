import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `bill import|list` and `reconcile` in process on a scratch database (Docs/Billing.md). The plan side is sized on
/// the reference VM's costs (`--evidence reference`): the seed's 10 cache.m7g.xlarge nodes the bills were written
/// for. On the default ladder's calibrated rung its Redis is INFEASIBLE (no planned line).
@Suite struct BillUseCaseTests {
    static func importBill(_ run: AppRun, _ file: String) throws -> BillImportUseCase.Outcome {
        try BillImportUseCase.run(files: [file], db: run.db, context: run.context)
    }

    static func window(
        _ from: String, _ to: String, tags: [(key: String, value: String)] = [], account: String? = nil,
        events: Int? = nil
    ) throws -> BillWindow {
        BillWindow(
            from: try #require(BillInstant(text: from)), to: try #require(BillInstant(text: to)), tags: tags,
            account: account, events: events, admitted: nil)
    }

    /// `reconcile plans/traffic-tacos.yaml --evidence reference --as-of 2026-11-27` over `window`.
    static func reconcile(_ run: AppRun, _ window: BillWindow) throws -> ReconcileUseCase.Outcome {
        try ReconcileUseCase.run(
            PlanRequest(path: AppRun.plan("traffic-tacos.yaml")), window: window,
            evidence: EvidenceRequest(db: run.db, asOf: Day(iso: "2026-11-27"), evidence: .reference),
            context: run.context)
    }

    @Test func theFOCUSSampleImportsOnceAndListsItsExactTotal() throws {
        let run = try AppRun()
        let first = try Self.importBill(run, BillFixture.sample)
        #expect(first.failure == nil)
        #expect(BillImportText.render(first.imported).contains("1000 rows (942 AWS) imported (FOCUS)"))
        let again = try Self.importBill(run, BillFixture.sample)
        #expect(again.failure == nil && BillImportText.render(again.imported).contains("already imported"))
        let listed = try BillListUseCase.run(db: run.db, context: run.context)
        #expect(listed.files == 1)
        let list = TextTable.$width.withValue(100_000) { BillListText.render(listed.summaries, files: listed.files) }
        // 942 AWS rows of account 1234567890123, September 2024; Σ BilledCost = 18.00663861840 (python3 Decimal sum
        // of the column over ProviderName == AWS, see TacoStoreTests.BillImportTests).
        let aws = try #require(list.split(separator: "\n").first { $0.contains("1234567890123") })
        #expect(aws.contains("2024-09-01T00:00:00Z → 2024-10-01T00:00:00Z"))
        #expect(aws.contains(" 942 ") && aws.contains("18.0066386184"))
    }

    @Test func reconcilingTheHandMadeFOCUS12BillNamesTheCauses() throws {
        let run = try AppRun()
        #expect(try Self.importBill(run, BillFixture.focus12).failure == nil)
        let window = try Self.window("2026-11-27", "2026-11-28", tags: [(key: "event", value: "sale-1127")])
        let outcome = try Self.reconcile(run, window)
        #expect(outcome.failure == nil)
        let r = outcome.reconciliation
        let doc = try BillFixture.reconciliation(try ReconciliationDocument(r).json())
        // 10 rows start in the window with the tag; 7 are usage of plan resources, the credit, the Microsoft row
        // and the CloudWatch row are listed apart. Σ = 75.6 + 2.4 + 3.48 + 0.8168 + 0.28125 + 0.0125 + 0.9
        // + 1.234567891 − 0.5 + 5 = 89.225117891.
        #expect(doc["rowsSelected"] as? Int == 10 && doc["rowsAttributed"] as? Int == 7)
        #expect(doc["billedTotal"] as? String == "89.225117891")
        #expect(BillFixture.causes(try BillFixture.line(doc, "c7g.2xlarge On-Demand nodes")) == ["more-hours"])
        #expect(
            BillFixture.causes(try BillFixture.line(doc, "c7g.2xlarge Spot nodes")) == [
                "more-hours", "lower-spot-share", "price-changed",
            ])
        #expect(BillFixture.causes(try BillFixture.line(doc, "write request units")) == ["more-units"])
        // Spot share billed: 8 Spot ÷ (12 On-Demand + 8 Spot) node-hours = 0.4; planned 8 of 10 nodes = 0.8.
        #expect("\(doc["billedSpotShare"] ?? "")" == "0.4" && "\(doc["plannedSpotShare"] ?? "")" == "0.8")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(
            groups.contains { $0["bucket"] as? String == "unplanned" && $0["billedCost"] as? String == "1.234567891" })

        let table = TextTable.$width.withValue(100_000) { ReconciliationText.render(r) }
        #expect(table.contains("Spot was 40 % of gateway node-hours vs 80 % planned"))
        #expect(table.contains("unplanned       AmazonCloudWatch"))
        let csv = ReconciliationCSV.render(r)
        #expect(csv.split(separator: "\n").last?.hasPrefix("total,,all selected USD rows,") == true)
        #expect(csv.contains(",89.225117891,USD,"))
    }

    @Test func reconcilingTheCUR2MonthShowsAGatewayBilled730Hours() throws {
        let run = try AppRun()
        #expect(try Self.importBill(run, BillFixture.cur2).failure == nil)
        let window = try Self.window("2026-11-01", "2026-12-01T10:00:00Z", account: "111122223333", events: 4)
        let outcome = try Self.reconcile(run, window)
        #expect(outcome.failure == nil)
        let doc = try BillFixture.reconciliation(try ReconciliationDocument(outcome.reconciliation).json())
        let od = try BillFixture.line(doc, "c7g.2xlarge On-Demand nodes")
        // Planned: (2 nodes × 0.5 h + 10 × 65 s ÷ 3,600) × 4 sales = 4.7222… node-hours; billed 730 (one node all
        // month); 730 × $0.29 = $211.70.
        #expect("\(od["billedQuantity"] ?? "")" == "730" && od["billedCost"] as? String == "211.7")
        #expect(BillFixture.causes(od) == ["more-hours"])
        #expect(
            BillFixture.causes(try BillFixture.line(doc, "c7g.2xlarge Reserved/Savings Plan nodes")) == ["commitment"])
        // 7,300 node-hours = 10 nodes × 730 h, as planned; WRU 1,200,000 = 300,000 × 4 sales, as planned.
        #expect(BillFixture.causes(try BillFixture.line(doc, "cache.m7g.xlarge nodes")).isEmpty)
        #expect(BillFixture.causes(try BillFixture.line(doc, "write request units")).isEmpty)
        // Σ = 2,299.5 + 73 + 211.7 + 1.856 + 0 + 18 (RI fee) + 0.75 + 2.3 (S3) + 10 (tax) = 2,617.106.
        #expect(doc["billedTotal"] as? String == "2617.106")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(
            groups.contains {
                $0["bucket"] as? String == "unplanned" && ($0["name"] as? String)?.contains("Simple Storage") == true
            })
    }
}
