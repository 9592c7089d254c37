import Foundation
import TestSupport
import Testing

/// Issue 21 for CUR 2.0 tables: `reconcile --sql duckdb --columns cur2` run in DuckDB over a CUR 2.0 CSV gives, read
/// back with `--from-aggregate`, the same reconciliation as importing that CSV and reconciling in process, to the last
/// digit — line item types, product codes, Spot and commitment rules, and the net unblended cost and commitment ARN
/// read per row as `bill import` reads them (the first non-empty of the columns).
@Suite(.serialized) struct CurPushDownTests {
    static let plan = ["plans/traffic-tacos.yaml", "--as-of", "2024-10-31"]
    static let window = ["--from", "2026-11-01", "--to", "2026-12-01"]

    static let header = [
        "identity_line_item_id", "bill_payer_account_id", "line_item_usage_account_id", "line_item_line_item_type",
        "line_item_usage_start_date", "line_item_usage_end_date", "line_item_product_code", "line_item_usage_type",
        "line_item_resource_id", "line_item_usage_amount", "line_item_currency_code", "line_item_unblended_cost",
        "line_item_net_unblended_cost", "line_item_line_item_description", "product_region_code",
        "product_instance_type", "product_sku", "pricing_term", "pricing_unit", "pricing_public_on_demand_cost",
        "savings_plan_savings_plan_a_r_n", "reservation_reservation_a_r_n", "resource_tags",
    ].joined(separator: ",")

    /// One CUR 2.0 row: the cells the test varies, the rest fixed.
    static func row(
        _ id: String, type: String, start: String = "2026-11-27T00:00:00Z", product: String, usage: String,
        amount: String, currency: String = "USD", unblended: String, net: String, instance: String = "",
        term: String = "OnDemand", unit: String = "Hrs", sp: String = "", ri: String = "",
        account: String = "111122223333", event: String = "sale"
    ) -> String {
        let end = start.replacingOccurrences(of: "T00:", with: "T01:")
        return [
            id, "111122223333", account, type, start, end, product, usage, "", amount, currency, unblended, net,
            "\(type) \(usage)", "us-east-1", instance, "SKU1", term, unit, unblended, sp, ri,
            "\"{\"\"user:event\"\": \"\"\(event)\"\"}\"",
        ].joined(separator: ",")
    }

    static let sp = "arn:aws:savingsplans::111122223333:savingsplan/sp-1"
    static let ri = "arn:aws:ec2:us-east-1:111122223333:reserved-instances/ri-1"

    /// The bill: every line item type rule, net cost present, empty or NULL, an ARN in either column.
    static let rows = [
        // ElastiCache nodes; no net cost (empty): the unblended cost 31.5.
        row(
            "c1", type: "Usage", product: "AmazonElastiCache", usage: "USE1-NodeUsage:cache.m7g.xlarge",
            amount: "100", unblended: "31.5", net: "", instance: "cache.m7g.xlarge"),
        // Gateway On-Demand: 12 h × $0.29 = 3.48 unblended, 10 % discount → net 3.132 (what is billed).
        row(
            "c2", type: "Usage", product: "AmazonEC2", usage: "USE1-BoxUsage:c7g.2xlarge", amount: "12",
            unblended: "3.48", net: "3.132", instance: "c7g.2xlarge"),
        // Spot by its usage type although pricing_term says OnDemand: 8 h × $0.1021 = 0.8168.
        row(
            "c3", type: "Usage", product: "AmazonEC2", usage: "USE1-SpotUsage:c7g.2xlarge", amount: "8",
            unblended: "0.8168", net: "NULL", instance: "c7g.2xlarge"),
        // Reserved: the ARN is in the reservation column only (the Savings Plan one is empty) → committed.
        row(
            "c4", type: "DiscountedUsage", product: "AmazonEC2", usage: "USE1-BoxUsage:c7g.2xlarge", amount: "100",
            unblended: "0", net: "0", instance: "c7g.2xlarge", term: "Reserved", ri: ri),
        // Savings Plan covered 20 h: 5.8 unblended, 5.22 net; negated by the SavingsPlanNegation row (Adjustment).
        row(
            "c5", type: "SavingsPlanCoveredUsage", product: "AmazonEC2", usage: "USE1-BoxUsage:c7g.2xlarge",
            amount: "20", unblended: "5.8", net: "5.22", instance: "c7g.2xlarge", term: "", sp: sp),
        row(
            "c6", type: "SavingsPlanNegation", product: "AmazonEC2", usage: "USE1-BoxUsage:c7g.2xlarge",
            amount: "0", unblended: "-5.8", net: "-5.22", instance: "c7g.2xlarge", term: "", sp: sp),
        // Fees: a Savings Plan fee (a product code tacoplan does not name) and an RI fee with a NULL net cost.
        row(
            "c7", type: "SavingsPlanRecurringFee", product: "ComputeSavingsPlans", usage: "ComputeSP:1yrNoUpfront",
            amount: "1", unblended: "3.5", net: "3.15", term: "", sp: sp),
        row(
            "c8", type: "RIFee", product: "AmazonEC2", usage: "USE1-HeavyUsage:c7g.2xlarge", amount: "720",
            unblended: "18", net: "NULL", instance: "c7g.2xlarge", term: "Reserved", ri: ri),
        // DynamoDB writes: 450,000 × $0.625 per million = 0.28125, net 0.253125.
        row(
            "c9", type: "Usage", product: "AmazonDynamoDB", usage: "USE1-WriteRequestUnits", amount: "450000",
            unblended: "0.28125", net: "0.253125", unit: "WriteRequestUnits"),
        row("c10", type: "Tax", product: "AmazonEC2", usage: "", amount: "1", unblended: "10", net: ""),
        row("c11", type: "Credit", product: "AmazonEC2", usage: "", amount: "0", unblended: "-5", net: "-5"),
        row(
            "c12", type: "Usage", product: "AmazonCloudWatch", usage: "USE1-CW:Requests", amount: "1000",
            unblended: "1.2", net: "1.08", unit: "Requests"),
        // Outside the window (December).
        row(
            "c13", type: "Usage", start: "2026-12-01T00:00:00Z", product: "AmazonEC2",
            usage: "USE1-BoxUsage:c7g.2xlarge", amount: "5", unblended: "1.45", net: "1.305", instance: "c7g.2xlarge"),
        // Another team's sub-account and tag: 4 h × $0.29 = 1.16, net 1.044.
        row(
            "c14", type: "Usage", product: "AmazonEC2", usage: "USE1-BoxUsage:c7g.2xlarge", amount: "4",
            unblended: "1.16", net: "1.044", instance: "c7g.2xlarge", account: "444455556666", event: "other"),
        // Another currency: never summed with USD.
        row(
            "c15", type: "Usage", product: "AmazonElastiCache", usage: "EU-NodeUsage:cache.m7g.xlarge",
            amount: "2", currency: "EUR", unblended: "0.6", net: "0.6", instance: "cache.m7g.xlarge"),
    ]

    /// The in-process reconcile and the DuckDB-pushed-down one of the same CUR 2.0 CSV, compared whole
    /// (`BillPushDown.compare`); the in-process one returned.
    func pushedDownEqualsInProcess(_ cli: CLI, csv: String, filters: [String]) throws -> [String: Any] {
        try BillPushDown.compare(
            cli, Self.plan + Self.window + filters, csv: csv, columns: "cur2", table: "cur",
            queryHas: "line_item_net_unblended_cost", name: "cur-\(filters.count)"
        ).reconciliation
    }

    @Test func theCur2QueryInDuckDBEqualsTheInProcessReconcile() throws {
        let cli = try CLI()
        let csv = try cli.write("cur2.csv", ([Self.header] + Self.rows).joined(separator: "\n") + "\n")
        let imported = try cli.run(["bill", "import", csv])
        #expect(imported.status == 0 && imported.stdout.contains("15 rows"), "\(imported.stdout)\(imported.stderr)")

        let all = try pushedDownEqualsInProcess(cli, csv: csv, filters: [])
        // 14 rows start in November (c13 starts in December).
        #expect(all["rowsSelected"] as? Int == 14)
        // Gateway On-Demand: c2 (net 3.132) + c14 (net 1.044) = 4.176 for 12 + 4 = 16 node-hours — the net
        // unblended cost, not the unblended 3.48 + 1.16 = 4.64.
        let onDemand = try BillFixture.line(all, "c7g.2xlarge On-Demand nodes")
        #expect(onDemand["billedCost"] as? String == "4.176")
        #expect("\(onDemand["billedQuantity"] ?? "")" == "16")
        // Spot (c3, by its SpotUsage type): the net is NULL → the unblended 0.8168 for 8 h.
        let spot = try BillFixture.line(all, "c7g.2xlarge Spot nodes")
        #expect(spot["billedCost"] as? String == "0.8168")
        // Reserved/Savings Plan: c4 (ARN only in the reservation column, $0) + c5 (net 5.22) = 5.22 for 120 h.
        let committed = try BillFixture.line(all, "c7g.2xlarge Reserved/Savings Plan nodes")
        #expect(committed["billedCost"] as? String == "5.22")
        #expect("\(committed["billedQuantity"] ?? "")" == "120")

        // The event's tag and another account select the same rows in both.
        let sale = try pushedDownEqualsInProcess(cli, csv: csv, filters: ["--tag", "event=sale"])
        #expect(sale["rowsSelected"] as? Int == 13)
        let other = try pushedDownEqualsInProcess(cli, csv: csv, filters: ["--account", "444455556666"])
        #expect(other["rowsSelected"] as? Int == 1)
    }
}
