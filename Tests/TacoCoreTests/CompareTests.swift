import Foundation
import Testing

@testable import TacoCore

@Suite struct CompareTests {
    /// The variant changes three levers at once: EC2 node candidates, the Spot share, and (as "other") users.
    static let variantText =
        searchPlanText + """
            variants:
              mixed:
                gateway.node_candidates: [gw.x86]
                gateway.spot_share: 50%
                event.users: 500000

            """

    func entries() throws -> [CompareEntry] {
        let family = try PlanVariants.resolve(PlanSource(file: "paper.yaml", text: Self.variantText)) { _, _ in
            .failure(PlanErrors([]))
        }.get()
        let base = try SearchFixture.input()
        var variant = base
        variant.plan = family.variants[0].plan
        return [
            CompareEntry(name: "base", about: nil, input: base),
            CompareEntry(name: "mixed", about: nil, input: variant),
        ]
    }

    @Test func leverStepsSumToTheTotalDelta() throws {
        let c = try #require(Comparison.build(try entries(), baseline: "base"))
        let mixed = c.columns[1]
        #expect(mixed.levers.map(\.lever) == ["Graviton vs x86 (EC2 gateway)", "Spot vs On-Demand", "other changes"])
        let sum = mixed.levers.map(\.deltaPerMonth).reduce(Money.zero, +)
        #expect(sum == mixed.deltaPerMonth)
        let sumEvent = mixed.levers.map(\.deltaPerEvent).reduce(Money.zero, +)
        #expect(sumEvent == mixed.deltaPerEvent)
        // Step 1, x86 at the baseline's 0 % Spot: 2 nodes × ($0.11 − $0.10) = +$0.02/h; 1 event × 1 h → +$0.02.
        #expect(mixed.levers[0].deltaPerMonth == Money(string: "0.02"))
        // Step 2, 50 % Spot on gw.x86 (bucket >20 % is worse than the plan's <5 %): no Spot node is allowed → $0.
        #expect(mixed.levers[1].deltaPerMonth == .zero)
    }

    @Test func baselineMustExist() throws {
        #expect(Comparison.build(try entries(), baseline: "nope") == nil)
    }
}
