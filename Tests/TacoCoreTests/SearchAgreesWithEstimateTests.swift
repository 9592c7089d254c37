import Foundation
import Testing

@testable import TacoCore

/// One sizing check (Docs/Model.md §5a): whatever `estimate` picks, `search` finds feasible at
/// the same or a lower cost, for every shipped plan and every variant.
@Suite struct SearchAgreesWithEstimateTests {
    static let asOf = "2026-11-01"

    /// Every plan of plans/*.yaml, base and variants, resolved as the CLI resolves them (extends from disk).
    static func shippedPlans() throws -> [(name: String, plan: Plan, provenance: PlanProvenance)] {
        let dir = Fixture.root.appendingPathComponent("plans")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(files.count >= 3)  // traffic-tacos, seoul-concert, regional-sale at least
        var out: [(String, Plan, PlanProvenance)] = []
        for file in files {
            let family = try resolve(file, text: try text(dir, file), dir: dir)
            out.append((file, family.base, family.baseProvenance))
            for v in family.variants { out.append(("\(file) variant \(v.name)", v.plan, v.provenance)) }
        }
        return out
    }

    static func text(_ dir: URL, _ file: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
    }

    static func resolve(_ file: String, text: String, dir: URL) throws -> PlanFamily {
        let load: PlanVariants.Loader = { target, _ in
            guard let t = try? Self.text(dir, target) else {
                return .failure(PlanErrors([PlanProblem(file: target, location: nil, path: "", message: "missing")]))
            }
            return .success(PlanSource(file: target, text: t))
        }
        return try PlanVariants.resolve(PlanSource(file: file, text: text), load: load).get()
    }

    static func input(_ plan: Plan, _ provenance: PlanProvenance) throws -> EstimateInput {
        let day = try Fixture.day(asOf)
        return EstimateInput(
            plan: plan, provenance: provenance, book: try Fixture.book(region: plan.event.region, asOf: day),
            costs: try Fixture.costs(), asOf: day)
    }

    /// The estimate's cost of one resource in the search's objective: the sum of its cost lines.
    static func estimateCost(_ e: Estimate, _ resource: ResourceKind, _ objective: SearchObjective) -> Money? {
        let lines = e.costs.filter { $0.resource == resource }
        guard !lines.isEmpty else { return nil }
        var total = Money.zero
        for l in lines {
            guard let c = objective == .perMonth ? l.perMonth : l.perEvent else { return nil }
            total = total + c
        }
        return total
    }

    /// Checks one plan: the estimate's Redis, gateway and DynamoDB choices are feasible options of the search
    /// (when the search bounds contain them) and the search's choice costs no more than the estimate's.
    static func check(_ name: String, _ plan: Plan, _ provenance: PlanProvenance) throws {
        let input = try input(plan, provenance)
        let estimate = Estimate.compute(input)
        let space = SearchSpace.of(plan, book: input.book)
        let objective = plan.search.objective
        let result = ConfigSearch.run(input, space: space, objective: objective)

        if let r = estimate.redis.chosen, let shards = r.shards {
            let same = result.redis.first {
                $0.nodeType == r.nodeType && $0.shards == shards && $0.replicas == plan.redis.replicas
                    && $0.partitions == plan.redis.queuePartitions
            }
            // A configuration with no price in force is feasible but UNPRICED in both commands (never $0).
            let expected: SizingConstraint? = r.hourly == nil ? .unpriced : nil
            if let same {
                #expect(same.rejection == expected, "\(name): search judges the estimate's \(same.configuration)")
                // The same configuration costs the same in both (Docs/Model.md §6), to 1e-9 USD: the two sum the
                // same Decimal terms in a different order, which differs in the 38th digit.
                if let mine = estimateCost(estimate, .redis, objective) {
                    #expect(
                        same.cost?.rounded(9) == mine.rounded(9), "\(name): Redis \(same.configuration) costs differ")
                }
            }
            if let mine = estimateCost(estimate, .redis, objective) {
                let chosen = result.chosenRedis?.cost
                #expect(chosen != nil, "\(name): search finds no priced Redis configuration")
                if let c = chosen {
                    #expect(c.rounded(9) <= mine.rounded(9), "\(name): search Redis \(c) > estimate \(mine)")
                }
            }
        }
        if let g = estimate.gateway.chosen, g.feasible {
            let same = result.gateway.first {
                $0.nodeType == g.nodeType && $0.onDemandNodes == g.onDemandNodes && $0.spotNodes == g.spotNodes
            }
            if space.gatewayTypes.contains(g.nodeType) && space.spotShares.contains(plan.gateway.spotShare) {
                #expect(same != nil, "\(name): search never evaluates the estimate's gateway")
                let expected: SizingConstraint? = g.hourly == nil ? .unpriced : nil
                #expect(same?.rejection == expected, "\(name): search judges the estimate's gateway")
                if let mine = estimateCost(estimate, .gateway, objective), let cost = same?.cost {
                    #expect(
                        cost.rounded(9) == mine.rounded(9), "\(name): gateway \(same?.configuration ?? "") costs differ"
                    )
                }
            }
            if let mine = estimateCost(estimate, .gateway, objective) {
                let chosen = result.chosenGateway?.cost
                #expect(chosen != nil, "\(name): search finds no priced gateway configuration")
                if let c = chosen {
                    #expect(c.rounded(9) <= mine.rounded(9), "\(name): search gateway \(c) > estimate \(mine)")
                }
            }
        }
        if estimate.dynamodb.partitionLimit == nil {
            let prefix = plan.dynamodb.mode == .onDemand ? "on-demand" : "provisioned"
            let mode = result.dynamodb.first { $0.configuration.hasPrefix(prefix) }
            let rejection = mode?.rejection
            #expect(rejection == nil || rejection == .unpriced, "\(name): estimate's DynamoDB mode rejected")
        }
    }

    @Test func everyShippedPlanAndVariant() throws {
        let plans = try Self.shippedPlans()
        // traffic-tacos has variants; with the other two plans more than three plans are checked.
        #expect(plans.count > 3)
        for (name, plan, provenance) in plans { try Self.check(name, plan, provenance) }
    }

    /// The issue's example: a child of the seed with 1,000 users needs one gateway node. The On-Demand floor (2)
    /// is capped at the node count (Docs/Model.md §4), so the one node is On-Demand in both commands; search used
    /// to reject every share with "1 On-Demand < floor 2" and exit 5.
    @Test func childPlanWithOneGatewayNode() throws {
        let dir = Fixture.root.appendingPathComponent("plans")
        let child = "extends: traffic-tacos.yaml\nevent:\n  users: 1000\n"
        let family = try Self.resolve("child.yaml", text: child, dir: dir)
        try Self.check("child.yaml", family.base, family.baseProvenance)
        let input = try Self.input(family.base, family.baseProvenance)
        let result = ConfigSearch.run(
            input, space: SearchSpace.of(family.base, book: input.book), objective: family.base.search.objective)
        let g = try #require(result.chosenGateway)
        // One node: Spot = ⌊1 × share⌋ = 0 for every share below 100 %; On-Demand = 1 (the floor 2 capped at 1).
        #expect(g.nodes == 1)
        #expect(g.onDemandNodes == 1)
    }

    /// A node type with no baseline bandwidth (an imported "Up to …" type) is not checked for network, and both
    /// commands say so (Docs/Model.md §3, §5a). Search used to reject it as "baseline network" (0 Gbps capacity).
    @Test func aTypeWithoutBaselineBandwidthIsNotCheckedForNetworkInEither() throws {
        var input = try SearchFixture.input()
        for type in ["cache.small", "cache.big"] { input.book.specs[type]?.baselineGbps = 0 }
        let estimate = Estimate.compute(input)
        let chosen = try #require(estimate.redis.chosen)
        #expect(chosen.feasible)
        #expect(chosen.note.hasSuffix("network not checked (no baseline bandwidth for \(chosen.nodeType))"))
        let result = ConfigSearch.run(input, space: SearchFixture.space(input.plan), objective: .perEvent)
        // As in SearchTests: cache.small × 3 shards × (1 + 1), 3 partitions, 6 nodes × $0.10 = $0.60 per 1-h event.
        let r = try #require(result.chosenRedis)
        #expect(r.cost == Money(string: "0.60"))
        #expect(r.detail.contains("network not checked"))
        #expect(!result.redis.contains { $0.rejection == .network })
    }
}
