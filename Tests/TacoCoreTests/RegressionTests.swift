import Foundation
import Testing

@testable import TacoCore

/// Regressions: bugs found by review, each pinned by the test that first showed it.
@Suite struct RegressionTests {
    /// Bug: `Money(string:)` hands Foundation's `Decimal(string:)` anything made of digits, dots and minus signs, and
    /// that parser stops at the first character it cannot use: "1.2.3" reads as 1.2, "1-2" as 1, "-" and "." as 0.
    @Test(arguments: ["1.2.3", "1-2", "-", ".", "1..2", "5-"])
    func malformedDecimalsAreNotMoney(_ text: String) {
        #expect(Money(string: text) == nil)
    }

    @Test func aMalformedWriteBudgetIsRefused() throws {
        let text = try Fixture.variant(
            Fixture.minimal, "backend_capacity: 3000", "backend_capacity: 3000\n  write_budget: 1.2.3")
        let result = PlanDecoder.decode(text: text, file: "plan.yaml")
        guard case .failure(let errors) = result else {
            Issue.record("write_budget 1.2.3 was accepted")
            return
        }
        // Line 18 `  write_budget: 1.2.3`: 2 + 13 + 1 = 16 characters → column 17.
        #expect(errors.problems.first?.location == TacoCore.SourceLocation(file: "plan.yaml", line: 18, column: 17))
    }

    /// Bug: the status-bandwidth figure's value uses the status API's own `response_bytes`, but its arithmetic
    /// line prints `clients.response_bytes`, so `explain` shows a calculation that does not give the value.
    @Test func statusBandwidthArithmeticUsesTheAPIsResponseSize() throws {
        let text = try Fixture.variant(
            Fixture.minimal, "      - { command: ZRANK, key: queue }\n",
            "      - { command: ZRANK, key: queue }\n    response_bytes: 200B\n")
        let e = try Fixture.estimate(text, asOf: "2026-11-01")
        let f = try e.figure("traffic.status_bandwidth")
        // 60,000 status requests/s × 200 B = 12,000,000 B/s = 12 MB/s.
        #expect(f.value == 12_000_000)
        #expect(f.display == "12 MB/s")
        #expect(f.arithmetic == "60,000/s × 200 B = 12 MB/s")
    }

    /// Bug: for `30M` the fix suggests seconds ("e.g. 30s") although the writer meant 30 minutes.
    @Test func capitalMFixSuggestsMinutes() {
        guard case .failure(let error) = Seconds.parse("30M") else {
            Issue.record("'30M' was accepted")
            return
        }
        #expect(error.fix.contains("30min"))
    }

    /// Bug: a file holding only comments is refused with "no YAML document found" but, unlike every other
    /// problem, no fix.
    @Test func aCommentOnlyFileComesWithAFix() {
        let problems = Fixture.problems("# nothing here\n")
        #expect(problems.map(\.message) == ["no YAML document found"])
        #expect(problems.first?.fix != nil)
    }
}
