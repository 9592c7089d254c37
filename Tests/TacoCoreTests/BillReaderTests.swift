import Foundation
import Testing

@testable import TacoCore

/// Row validation of `bill import` (Docs/Billing.md): columns by name, exact decimals, UTC periods, currency,
/// negative usage only on credits, a clear error naming file, line and column.
@Suite struct BillReaderTests {
    static let header = [
        "BilledCost", "BillingCurrency", "BillingAccountId", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory",
        "ServiceName", "ProviderName", "ConsumedQuantity", "PricingCategory", "Tags", "x_UsageType", "Id",
    ]

    static func cells(
        cost: String = "0.00001605990", currency: String = "USD", start: String = "2024-09-30 22:00:00",
        end: String = "2024-09-30 23:00:00", category: String = "Usage", provider: String = "AWS",
        quantity: String = "2.5", tags: String = "NULL"
    ) -> [String] {
        [
            cost, currency, "1234567890123", start, end, category, "Amazon Elastic Compute Cloud", provider, quantity,
            "Dynamic", tags, "USE1-SpotUsage:c7g.2xlarge", "11472",
        ]
    }

    func reader() throws -> BillRowReader { try BillRowReader(file: "bill.csv", header: Self.header) }

    @Test func aFOCUSRowKeepsItsDecimalsExactlyAndItsExtraColumns() throws {
        let row = try reader().row(Self.cells(tags: #"{"b": "2", "a": "1"}"#), line: 7)
        // 0.00001605990 is read as the decimal 1605990 × 10⁻¹¹, not as a binary double.
        #expect(row.billedCost == Decimal(string: "0.0000160599"))
        #expect(row.billedCost * 100_000 == Decimal(string: "1.605990"))
        // 2024-09-30 22:00:00 UTC = 1,725,148,800 s (2024-09-01, `date -u -d 2024-09-01 +%s`) + 29 days × 86,400
        // + 22 × 3,600 = 1,725,148,800 + 2,505,600 + 79,200 = 1,727,733,600.
        #expect(row.chargeStart.seconds == 1_727_733_600)
        #expect(row.chargeEnd.seconds - row.chargeStart.seconds == 3600)
        #expect(row.pricing == .dynamic)
        #expect(row.instanceType == "c7g.2xlarge")
        #expect(row.tags == #"{"a":"1","b":"2"}"#)
        #expect(row.isAWS)
    }

    @Test func instantsAreUTCOnly() {
        #expect(BillInstant(text: "2024-09-01T00:00:00Z")?.seconds == 1_725_148_800)
        #expect(BillInstant(text: "2024-09-01T00:00:00.000+00:00")?.seconds == 1_725_148_800)
        #expect(BillInstant(text: "2024-09-01")?.seconds == 1_725_148_800)
        #expect(BillInstant(text: "2024-09-01T09:00:00+09:00") == nil)
        #expect(BillInstant(text: "2024-09-31T00:00:00Z") == nil)
        #expect(BillInstant(seconds: 1_727_733_600).description == "2024-09-30T22:00:00Z")
    }

    @Test func aNonUSDRowIsStoredWithItsCurrency() throws {
        let row = try reader().row(Self.cells(cost: "12.5", currency: "EUR"), line: 2)
        #expect(row.currency == "EUR" && row.billedCost == 12.5)
    }

    @Test func hostileRowsNameFileLineAndColumn() throws {
        let r = try reader()
        func problem(_ cells: [String]) -> BillProblem? {
            do {
                _ = try r.row(cells, line: 42)
                return nil
            } catch { return error }
        }
        let currency = problem(Self.cells(currency: "usd"))
        #expect(currency?.column == "BillingCurrency" && currency?.line == 42 && currency?.file == "bill.csv")
        let negative = problem(Self.cells(quantity: "-3"))
        #expect(negative?.column == "ConsumedQuantity")
        #expect(negative?.description.hasPrefix("bill.csv:42: column ConsumedQuantity: error: negative usage") == true)
        let backwards = problem(Self.cells(start: "2024-09-30 23:00:00", end: "2024-09-30 22:00:00"))
        #expect(backwards?.column == "ChargePeriodEnd")
        #expect(problem(Self.cells(cost: "1,5"))?.column == "BilledCost")
        #expect(problem(Self.cells(cost: "NULL"))?.column == "BilledCost")
        #expect(problem(Self.cells(start: "2024-09-30T22:00:00+02:00"))?.column == "ChargePeriodStart")
        #expect(problem(Self.cells(tags: "not json"))?.column == "Tags")
        #expect(problem(Array(Self.cells().dropLast()))?.message.contains("12 fields where the header has 13") == true)
    }

    @Test func negativeUsageIsFineOnACreditOrAnotherProvider() throws {
        let r = try reader()
        #expect(try r.row(Self.cells(cost: "-2.61", category: "Credit", quantity: "-1"), line: 2).billedCost == -2.61)
        // The FOCUS sample's Microsoft rows carry negative usage on Usage rows; they are kept, never attributed.
        #expect(try r.row(Self.cells(provider: "Microsoft", quantity: "-0.0001"), line: 3).isAWS == false)
    }

    @Test func headersWithoutTheRequiredColumnsAreRefused() {
        #expect(throws: BillProblem.self) { try BillRowReader(file: "x.csv", header: ["a", "b"]) }
        do {
            _ = try BillRowReader(file: "x.csv", header: ["BilledCost", "BillingCurrency"])
            Issue.record("accepted a header without the mandatory columns")
        } catch {
            #expect(error.message.contains("BillingAccountId"))
            #expect(error.line == 1)
        }
    }

    @Test func aCUR2RowMapsToFOCUSNames() throws {
        let header = [
            "bill_payer_account_id", "line_item_line_item_type", "line_item_usage_start_date",
            "line_item_usage_end_date", "line_item_product_code", "line_item_usage_type", "line_item_usage_amount",
            "line_item_currency_code", "line_item_unblended_cost", "pricing_term", "product_instance_type",
            "resource_tags",
        ]
        let r = try BillRowReader(file: "cur.csv", header: header)
        #expect(r.format == .cur2)
        let row = try r.row(
            [
                "111122223333", "DiscountedUsage", "2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z", "AmazonEC2",
                "USE1-BoxUsage:c7g.2xlarge", "1", "USD", "0", "Reserved", "c7g.2xlarge", #"{"user:event":"x"}"#,
            ], line: 2)
        #expect(row.provider == "AWS" && row.serviceName == "Amazon Elastic Compute Cloud")
        #expect(row.chargeCategory == "Usage" && row.pricing == .committed && row.commitmentType == "Reservation")
        #expect(row.tagMap["user:event"] == "x")
    }

    /// CUR 2.0 has the net unblended cost only where a discount applies, and an ARN in the Savings Plan or the
    /// reservation column: each row reads the first non-empty of the columns present (as `reconcile --sql`'s
    /// COALESCE), never only the first column present.
    @Test func aCUR2RowReadsTheFirstNonEmptyOfItsColumns() throws {
        let header = [
            "bill_payer_account_id", "line_item_line_item_type", "line_item_usage_start_date",
            "line_item_usage_end_date", "line_item_product_code", "line_item_currency_code",
            "line_item_unblended_cost", "line_item_net_unblended_cost", "savings_plan_savings_plan_a_r_n",
            "reservation_reservation_a_r_n",
        ]
        let r = try BillRowReader(file: "cur.csv", header: header)
        func row(_ unblended: String, _ net: String, _ sp: String, _ ri: String) throws(BillProblem) -> BillRow {
            try r.row(
                [
                    "111122223333", "Usage", "2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z", "AmazonEC2", "USD",
                    unblended, net, sp, ri,
                ], line: 2)
        }
        // Net present: 3.48 × 0.9 = 3.132 billed; the Savings Plan ARN named.
        let discounted = try row("3.48", "3.132", "arn:sp", "")
        #expect(discounted.billedCost == Decimal(string: "3.132") && discounted.commitmentId == "arn:sp")
        // Net empty or NULL: the unblended cost; the reservation ARN when the Savings Plan column is empty.
        let plain = try row("3.48", "", "", "arn:ri")
        #expect(plain.billedCost == Decimal(string: "3.48") && plain.commitmentId == "arn:ri")
        #expect(try row("3.48", "NULL", "NULL", "").billedCost == Decimal(string: "3.48"))
        #expect(try row("3.48", "NULL", "NULL", "").commitmentId == nil)
        // Both empty: refused, naming the first column.
        #expect(throws: BillProblem.self) { try row("", "", "", "") }
        // A bad net cost is refused by its own column's name, never skipped for the unblended one.
        do {
            _ = try row("3.48", "x", "", "")
            Issue.record("a non-number net cost was accepted")
        } catch {
            #expect(error.column == "line_item_net_unblended_cost")
        }
    }
}
