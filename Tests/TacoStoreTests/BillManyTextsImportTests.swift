import Foundation
import GRDB
import Testing

@testable import TacoCore
@testable import TacoStore

/// A bill with more distinct texts than the reading thread numbers at once (`BillTextInterner.capacity`): the
/// interner starts again at a batch boundary and the writer forgets its ids with it, so every text is still stored
/// once and every row points at its own.
@Suite struct BillManyTextsImportTests {
    @Test func moreDistinctResourceIdsThanTheInternerHoldsAreEachStoredOnce() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // 70,000 rows, resource r-0 … r-69999, then r-0 again on a last row (line 70,002): 70,000 distinct ids, more
        // than 65,536, so the interner starts again once, after the batch in which it passed its capacity.
        var text = "BilledCost,BillingCurrency,BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,"
        text += "ServiceName,ProviderName,ResourceId\n"
        let row = "0.5,USD,111,2024-09-01 00:00:00,2024-09-01 01:00:00,Usage,Amazon S3,AWS,"
        for i in 0..<70_000 { text += row + "r-\(i)\n" }
        text += row + "r-0\n"
        let path = try scratch.write("many.csv", text)
        let db = try TacoDatabase.inMemory()
        let result = try db.importBill(path: path, importedAt: "2026-12-07T00:00:00Z")
        #expect(result.rows == 70_001)
        try db.writer.read { db in
            // Each resource id once in bill_text; every row's id reads back as the text on its line.
            let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM bill_text WHERE text LIKE 'r-%'")
            #expect(stored == 70_000)
            let mismatched = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM bill_line JOIN bill_text ON bill_text.id = bill_line.resource_id
                    WHERE bill_text.text <> 'r-' || CASE WHEN bill_line.line = 70002 THEN 0 ELSE bill_line.line - 2 END
                    """)
            #expect(mismatched == 0)
            let services = try Int.fetchOne(db, sql: "SELECT count(DISTINCT service_name) FROM bill_line")
            #expect(services == 1)
        }
        // 70,001 × 0.5 = 35,000.5.
        #expect(try db.billSummaries().first?.billedCost.amount == Decimal(string: "35000.5"))
    }
}
