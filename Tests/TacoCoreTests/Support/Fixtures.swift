import Foundation
import TacoData
import TestSupport
import Testing

@testable import TacoCore

/// Builds estimate inputs the way the CLI does, from plan text and the bundled price book and benchmark, so the
/// model tests exercise the real data without a database.
enum Fixture {
    /// The repository root, found from this file (Tests/TacoCoreTests/Support/Fixtures.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The text of plans/traffic-tacos.yaml, the seed plan.
    static func seedText() throws -> String {
        try String(contentsOf: root.appendingPathComponent("plans/traffic-tacos.yaml"), encoding: .utf8)
    }

    /// The shared minimal plan (TestSupport `PlanFixture.minimal`; its line numbers are documented there).
    static let minimal = PlanFixture.minimal

    /// `text` with one exact fragment replaced; the fragment must be present (a typo in a test fails loudly).
    static func variant(_ text: String, _ old: String, _ new: String) throws -> String {
        try PlanFixture.variant(text, old, new)
    }

    static func day(_ iso: String) throws -> Day {
        try #require(Day(iso: iso))
    }

    /// A decimal read exactly from text (never through Double).
    static func dec(_ text: String) throws -> Decimal {
        try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
    }

    static func usd(_ text: String) throws -> Money { Money(try dec(text)) }

    static func decode(_ text: String, file: String = "plan.yaml") throws -> (Plan, PlanProvenance) {
        try PlanDecoder.decode(text: text, file: file).get()
    }

    /// Problems a plan text is rejected with; fails the test when the text decodes.
    static func problems(_ text: String, file: String = "plan.yaml") -> [PlanProblem] {
        switch PlanDecoder.decode(text: text, file: file) {
        case .success:
            Issue.record("expected the plan to be rejected")
            return []
        case .failure(let errors): return errors.problems
        }
    }

    /// The bundled price book for one region, as the store hands it to the core: every price row of the region
    /// across dates, every instance spec, and the region's Spot Advisor snapshot.
    static func book(region: String, asOf: Day) throws -> PriceBook {
        let quotes = try BundledPriceBook.prices(csv: BundledData.pricesCSV).filter { $0.key.region == region }
        let specs = try BundledPriceBook.specs(csv: BundledData.instanceSpecsCSV)
        let spot = try BundledPriceBook.spotAdvice(csv: BundledData.spotAdvisorCSV).filter { $0.region == region }
        return PriceBook(sheet: PriceSheet(region: region, asOf: asOf, quotes: quotes), specs: specs, spot: spot)
    }

    static func costs() throws -> CommandCostTable {
        try CommandCostTable(csv: BundledData.redisCommandCostsCSV)
    }

    static func input(_ text: String, asOf: String, file: String = "plan.yaml") throws -> EstimateInput {
        let (plan, provenance) = try decode(text, file: file)
        let day = try day(asOf)
        return EstimateInput(
            plan: plan, provenance: provenance, book: try book(region: plan.event.region, asOf: day),
            costs: try costs(),
            asOf: day)
    }

    static func estimate(_ text: String, asOf: String) throws -> Estimate {
        Estimate.compute(try input(text, asOf: asOf))
    }

    static func seedEstimate(asOf: String) throws -> Estimate {
        try estimate(try seedText(), asOf: asOf)
    }
}

extension Estimate {
    /// The figure with this id; fails the test when the model did not record it.
    func figure(_ id: String) throws -> Figure {
        try #require(figures.first { $0.id == id }, "no figure \(id)")
    }
}

/// |a − b| ≤ tolerance × max(1, |b|): for figures computed in Double.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
