import Foundation
import Testing

@testable import TacoCore

/// Complete totals, unit economics, the verdict's margins and what makes a region priced, on `Fixture.minimal`
/// (300,000 users, 10,000 seats, 30 min window, 300 s target wait, 5 s poll, backend 3,000 RPS at 70 %).
@Suite struct TotalsAndEconomicsTests {
    @Test func unitEconomicsFollowTheTimeline() throws {
        let e = try Fixture.estimate(Fixture.minimal, asOf: "2026-11-01")
        let u = e.unitEconomics
        // Rate 300,000 ÷ 300 s = 1,000/s; drain 300 s inside the 1,800 s window: all 300,000 admitted, and
        // min(10,000 seats, 300,000) = 10,000 seats sold.
        #expect(u.admittedUsers == 300_000)
        #expect(u.seatsSold == 10_000)
        // Queue length falls from 300,000 at 1,000/s: ∫ = 300,000 × 300 − 1,000 × 300² ÷ 2 = 45,000,000 user-seconds;
        // one poll per 5 s → 9,000,000 status requests.
        #expect(u.statusRequests == 9_000_000)
        // One event = per-month total ÷ 1 event a month; each figure is that cost ÷ its count.
        #expect(u.costPerEvent == e.totals.perMonth)
        #expect(u.perAdmittedUser == Money(u.costPerEvent.amount / 300_000))
        #expect(u.perSeatSold == Money(u.costPerEvent.amount / 10_000))
        #expect(u.perMillionStatusRequests == Money(u.costPerEvent.amount / 9))
        #expect(u.complete == e.totals.complete)
    }

    @Test func measuredEvidenceWithMarginIsFeasible() throws {
        var input = try Fixture.input(Fixture.minimal, asOf: "2026-11-01")
        input.evidence = EvidenceSelection(rung: .measured, source: "mine.csv", notUsed: [])
        let e = Estimate.compute(input)
        // Backend 1,000 ÷ 3,000 = 33.3 % of the 70 % allowed; the busiest node's band (no error stated on a table
        // built by hand: 52.4 %–52.4 %) has its top under the 80 % ceiling.
        #expect(e.verdict.status == .feasible)
        #expect(e.verdict.reasons[0].hasPrefix("every resource meets its constraint: busiest Redis node 52.4 %"))
    }

    @Test func withinTenPercentOfACeilingIsAtRisk() throws {
        // Backend 1,500 RPS: cap 1,500 × 0.7 = 1,050/s > UX 1,000/s, so the rate stays 1,000/s and the backend runs
        // at 1,000 ÷ 1,500 = 66.7 % ≥ 0.9 × 70 % = 63 %: within 10 % of the ceiling.
        let text = try Fixture.variant(Fixture.minimal, "backend_capacity: 3000", "backend_capacity: 1500")
        var input = try Fixture.input(text, asOf: "2026-11-01")
        input.evidence = EvidenceSelection(rung: .measured, source: "mine.csv", notUsed: [])
        let e = Estimate.compute(input)
        #expect(e.verdict.status == .atRisk)
        #expect(e.verdict.reasons == ["Backend: 66.7 % utilization, within 10 % of the 70 % the plan allows"])
    }

    @Test func spotHistoryAloneDoesNotPriceARegion() throws {
        // us-west-1 with nothing but a Spot price-history row (the 2014 import case): not a priced region.
        let text = try Fixture.variant(Fixture.minimal, "region: us-east-1", "region: us-west-1")
        var input = try Fixture.input(text, asOf: "2026-11-01")
        let key = PriceKey(
            service: .ec2, region: "us-west-1", product: "c7g.xlarge", engineOS: "linux", purchaseOption: .spot,
            unit: "hour")
        input.book.sheet.quotes = [
            PriceQuote(
                key: key, usd: try Fixture.usd("0.05"), effectiveFrom: try Fixture.day("2014-06-01"),
                source: "spot history", confidence: "aws-price-list")
        ]
        let problems = PlanCheck.problems(input, file: "plan.yaml", knownRegions: ["us-east-1"])
        #expect(problems.count == 1)
        #expect(problems.first?.message == "no prices for region 'us-west-1' in the price book")
        #expect(problems.first?.isPricing == true)
    }

    @Test func mostlyUnpricedLinesAreAPricingFailure() throws {
        // Only the DynamoDB rows kept: Redis, EKS and the gateway lines are UNPRICED, DynamoDB priced.
        var input = try Fixture.input(Fixture.minimal, asOf: "2026-11-01")
        input.book.sheet.quotes = input.book.sheet.quotes.filter { $0.key.service == .dynamodb }
        let e = Estimate.compute(input)
        let unpriced = e.costs.filter(\.unpriced).count
        #expect(unpriced >= 3)
        #expect(unpriced * 2 > e.costs.count)
        #expect(e.mostlyUnpriced)
        #expect(e.totals.marker == " + \(unpriced) UNPRICED")
        #expect(e.totals.missing.count == unpriced)
        #expect(!e.totals.complete)
        // The full book prices every line: complete, no marker.
        let full = try Fixture.estimate(Fixture.minimal, asOf: "2026-11-01")
        #expect(full.totals.complete)
        #expect(full.totals.marker.isEmpty)
        #expect(!full.mostlyUnpriced)
    }

    @Test func priceDatesSayAtLeastFromUnlessDocumented() throws {
        // The minimal plan on 2026-11-01: EC2 gateway rows are the oldest, effective 2023-09-18 (earliest evidence).
        let e = try Fixture.estimate(Fixture.minimal, asOf: "2026-11-01")
        #expect(e.priceDates.oldest == (try Fixture.day("2023-09-18")))
        #expect(!e.priceDates.oldestDocumented)
        #expect(e.priceDates.summary.hasPrefix("prices in force at least from 2023-09-18 (earliest evidence)"))
        // 2023-09-18 → 2024-09-18 366 days (29 Feb 2024), → 2025-09-18 365, → 2026-09-18 365, → 2026-11-01 44:
        // 1,140 days > 365: stale.
        #expect(e.priceDates.stale.contains { $0.contains("effective 2023-09-18, 1140 days before 2026-11-01") })
        #expect(PriceDates.staleDays == 365)
        #expect(PriceDates.spotStaleDays == 90)
    }
}
