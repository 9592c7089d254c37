import Foundation
import GRDB
import TacoCore
import Testing

@testable import TacoStore

/// A kept CSV row reuses the row template of an earlier row whose columns other than the SKU and the price are the
/// same bytes (`VerdictMemo`), and carries no SKU when its lane kept its template before. These files show
/// the memo changes no verdict, no stored SKU and no check order.
@Suite struct RowTemplateMemoTests {
    typealias F = PriceListFixtures

    func importAccepting(_ rows: [[String: String]]) throws -> (TacoDatabase, ImportReport) {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        let path = try scratch.write("index.csv", F.csv(header: F.columns(F.ec2Header91), rows: rows))
        let reports = try db.importPriceLists(
            paths: [path],
            options: ImportOptions(capturedOn: "2026-01-15", now: { "2026-01-15T00:00:00Z" }, acceptPartial: true))
        return (db, reports[0])
    }

    /// "product sku note" of every stored EC2 price.
    func skus(_ db: TacoDatabase) throws -> [String] {
        try db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT product || ' ' || sku || ' ' || note FROM price ORDER BY 1")
        }
    }

    /// 3,000 rows over 4 MiB (so several batches on both workers): rows 1–1,500 m7g.large, rows 1,501–3,000
    /// c7g.large, one price each. Two prices are stored, each with the SKU of its key's first row: S1 and S1501,
    /// although row 1,501 starts a template that then repeats in its batch without a SKU.
    @Test func aRepeatedTemplateStoresTheFirstRowsSKU() throws {
        let rows = (1...3_000).map { i in
            ParallelCSVImportTests.row(
                i,
                [
                    "Instance Type": i <= 1_500 ? "m7g.large" : "c7g.large",
                    "usageType": i <= 1_500 ? "BoxUsage:m7g.large" : "BoxUsage:c7g.large", "PricePerUnit": "0.1",
                ])
        }
        let (db, report) = try importAccepting(rows)
        // 3,000 read and kept (one price per key), 2 new.
        #expect(report.rowsSeen == 3_000 && report.rowsKept == 3_000 && report.rowsAdded == 2)
        #expect(try skus(db) == ["c7g.large S1501 BoxUsage:c7g.large", "m7g.large S1 BoxUsage:m7g.large"])
    }

    /// Same template, first row refused for its price, second row kept: the kept row is the first of its template to
    /// be kept, so it brings its SKU (B).
    @Test func aRowAfterARefusedRowOfItsTemplateKeepsItsSKU() throws {
        let (db, report) = try importAccepting([
            F.ec2(["SKU": "A", "PricePerUnit": "abc"]), F.ec2(["SKU": "B", "PricePerUnit": "0.1632"]),
        ])
        #expect(report.rejected == [.notANumber: 1])
        #expect(try skus(db) == ["m7g.xlarge B BoxUsage:m7g.xlarge"])
    }

    /// Rows differing only in the usage type (stored as the note) or in the vCPU (a spec input) are not one
    /// template: the second m7g.xlarge row's usage type and the c7g.large row's vCPU 0.5 are each judged by their own
    /// text. The vCPU row is refused (a decimal vCPU); the usage-type row is the same key and price (kept, not new).
    @Test func aRowDifferingInOneColumnGetsItsOwnTemplate() throws {
        let (db, report) = try importAccepting([
            F.ec2(["SKU": "A"]), F.ec2(["SKU": "B", "usageType": "BoxUsage:other"]),
            F.ec2(["SKU": "C", "Instance Type": "c7g.large", "vCPU": "2"]),
            F.ec2(["SKU": "D", "Instance Type": "c7g.large", "vCPU": "0.5"]),
        ])
        #expect(report.rejected == [.mislabelledColumns: 1])
        // Kept: A, B (same key and price as A), C = 3; new: A and C = 2.
        #expect(report.rowsKept == 3 && report.rowsAdded == 2)
        #expect(try skus(db) == ["c7g.large C BoxUsage:m7g.xlarge", "m7g.xlarge A BoxUsage:m7g.xlarge"])
    }

    /// A row failing several checks is refused for the first in `PlannerSelection`'s order: currency before the
    /// price, the price before the product name, the range before the vCPU, the vCPU before the date; a zero-priced
    /// tier band is skipped before any check.
    @Test func checksRunInTheirOrder() throws {
        let (_, report) = try importAccepting([
            F.ec2(["SKU": "1", "Currency": "EUR", "PricePerUnit": "-5"]),
            F.ec2(["SKU": "2", "PricePerUnit": "-5", "Instance Type": "M7G.XLARGE"]),
            F.ec2(["SKU": "3", "PricePerUnit": "5000", "vCPU": "0.17"]),
            F.ec2(["SKU": "4", "vCPU": "0.17", "EffectiveDate": "2025-13-45"]),
            F.ec2(["SKU": "5", "StartingRange": "10", "PricePerUnit": "0", "Currency": "EUR"]),
            F.ec2(["SKU": "6", "Instance Type": "c7g.large", "PricePerUnit": "0.0725"]),
        ])
        // Six rows: four refused (one per reason), one skipped (a free tier band), one kept (c7g.large).
        #expect(
            report.rejected == [.currency: 1, .negative: 1, .outOfRange: 1, .mislabelledColumns: 1])
        #expect(report.rowsSeen == 6 && report.rowsKept == 1)
    }
}
