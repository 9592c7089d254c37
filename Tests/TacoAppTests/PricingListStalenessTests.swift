import TacoApp
import TacoCore
import TacoReport
import Testing

/// The staleness rule of `pricing list`, now a TacoApp decision: a region is stale when its newest price, over all
/// of its lines, is more than `staleAfterDays` days before the as-of day.
@Suite struct PricingListStalenessTests {
    func line(_ region: String, _ newest: String) -> RegionServiceSummary {
        RegionServiceSummary(region: region, service: "ec2", newest: Day(iso: newest) ?? .epoch, rows: 1)
    }

    @Test func olderThanTheBoundIsStaleAndTheBoundItselfIsNot() throws {
        let today = try #require(Day(iso: "2026-09-01"))
        let lines = [
            // 2025-08-31 → 2026-09-01: 365 days to 2026-08-31 (no 29 February between) + 1 = 366 > 365: stale.
            line("ap-south-1", "2025-08-31"),
            // 2025-09-01 → 2026-09-01: exactly 365 days, not more than 365: fresh.
            line("eu-west-1", "2025-09-01"),
            // One old line and one new line: the newest (2026-08-01, 31 days) counts: fresh.
            line("us-east-1", "2020-01-01"), line("us-east-1", "2026-08-01"),
        ]
        let stale = PricingListUseCase.stale(lines, today: today, after: 365)
        #expect(stale.map(\.region) == ["ap-south-1"])
        #expect(stale.first?.age == 366)
    }
}
