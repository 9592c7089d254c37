import Foundation
import TacoApp
import TacoCore
import TestSupport
import Testing

/// The figures and exit codes README.md states about the shipped plans are the ones the code computes: each test
/// runs the plan in process and looks for its own numbers, formatted here, in the README's text.
@Suite struct ReadmeFigureTests {
    static let readme =
        (try? String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8))?
        .replacingOccurrences(of: "\n", with: " ") ?? ""

    /// 1.6571 → "165.7 %".
    static func pct(_ f: Double) -> String { String(format: "%.1f %%", f * 100) }
    /// The band's ends as the README writes them: "124.3–207.1 %".
    static func band(_ b: EngineCPUBand) -> String { String(format: "%.1f–%.1f %%", b.low * 100, b.high * 100) }
    /// $2377.2275 → "$2,377.23" (rounded half to even, grouped by thousands).
    static func usd(_ m: Money) -> String {
        var value = m.amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        let plain = NSDecimalNumber(decimal: rounded).stringValue
        var parts = plain.split(separator: ".").map(String.init)
        let cents = parts.count > 1 ? String((parts[1] + "00").prefix(2)) : "00"
        var whole = parts[0]
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        parts = [whole + grouped, cents]
        return "$" + parts.joined(separator: ".")
    }

    /// Whether the README says `text` (reported without the whole README on failure).
    static func says(_ text: String) -> Bool { readme.contains(text) }

    static func seed(asOf: String?, evidence: EvidenceChoice = .best) throws -> EstimateUseCase.Outcome {
        let run = try AppRun()
        let request = EvidenceRequest(db: run.db, asOf: asOf.flatMap(Day.init(iso:)), evidence: evidence)
        return try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan("traffic-tacos.yaml")), evidence: request, context: run.context)
    }

    @Test func theQuickStartVerdictAndHotKeyBandAreTheSeeds() throws {
        // The quick start runs without --as-of: the hot key's band depends on the calibration, not the price day.
        let outcome = try Self.seed(asOf: "2026-09-01")
        let verdict = outcome.assessment.plan.verdict
        #expect(verdict.status == .infeasible)
        #expect(outcome.failure?.status == .infeasible)  // exit 5
        #expect(Self.says("For the seed it is **INFEASIBLE** (exit 5)"))
        let hot = try #require(verdict.engineCPU?.hotKey)
        #expect(Self.says("need \(Self.pct(hot.point)) of one engine core"), "\(Self.pct(hot.point))")
        #expect(Self.says("(band \(Self.band(hot))"), "\(Self.band(hot))")
        // The seed's status polls: 300,000 users ÷ 5 s = 60,000/s, the rate the README names.
        #expect(outcome.estimate.traffic.statusRate == 60_000)
        #expect(Self.says("60,000 status requests/s"))
    }

    @Test func theFirstScreenOnThePriceDayIsTheSeeds() throws {
        let outcome = try Self.seed(asOf: "2024-10-31")
        let plan = outcome.assessment.plan
        #expect(plan.verdict.status == .infeasible)
        let hot = try #require(plan.verdict.engineCPU?.hotKey)
        #expect(Self.says("needs \(Self.pct(hot.point)) (\(Self.band(hot))) of one engine core"))
        let asPlanned = Self.usd(plan.asPlannedTotals.perMonth)
        #expect(Self.says("**\(asPlanned) a month as planned**"), "\(asPlanned)")
        let fix = try #require(plan.fix)
        let fixText = "\(Self.usd(fix.totals.perMonth)) a month (+\(Self.usd(fix.deltaPerMonth)))"
        #expect(Self.says(fixText), "\(fixText)")
    }

    @Test func seoulConcertIsInfeasibleWithTheBandTheReadmeStates() throws {
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan("seoul-concert.yaml")), evidence: try run.evidence(), context: run.context)
        let verdict = outcome.assessment.plan.verdict
        #expect(verdict.status == .infeasible)
        let hot = try #require(verdict.engineCPU?.hotKey)
        let stated = "needs \(Self.pct(hot.point)) (\(Self.band(hot))) of one core"
        #expect(Self.says(stated), "\(stated)")
    }
}
