import Foundation
import Testing

@testable import TacoCore

/// The `regions:` section (issue 24): read with defaults, and every bad input refused with its place and a fix.
@Suite struct RegionsReaderTests {
    /// `Fixture.minimal` (its home region and users) with a `regions:` section appended.
    func plan(_ regions: String) -> String { Fixture.minimal + "\nregions:\n" + regions }

    func problems(_ regions: String) -> [PlanProblem] { Fixture.problems(plan(regions)) }

    @Test func sharesSplitTheCrowdAndDefaultsAreSaid() throws {
        let base = try Fixture.decode(Fixture.minimal).0
        let home = base.event.region
        let (p, provenance) = try Fixture.decode(
            plan(
                "  sites:\n    \(home): { share: 70% }\n    ap-northeast-1: { share: 30%, price_region: ap-northeast-1 }\n"
            ))
        let spec = try #require(p.regions)
        #expect(spec.topology == .globalQueue)
        #expect(spec.dynamodb == .home)
        // 70 % and 30 % of the fixture's users, rounded to whole users.
        let users = Double(base.event.users)
        #expect(spec.sites.map(\.users) == [Int((0.7 * users).rounded()), Int((0.3 * users).rounded())])
        #expect(spec.sites[0].priceRegion == home)
        #expect(provenance.origin(of: "regions.topology").hasPrefix("default: "))
    }

    @Test func sharesThatDoNotAddUpAreRefused() {
        let home = (try? Fixture.decode(Fixture.minimal).0.event.region) ?? ""
        let p = problems("  sites:\n    \(home): { share: 70% }\n    ap-northeast-1: { share: 20% }\n")
        #expect(p.count == 1)
        #expect(p.first?.message.contains("add up to") == true)
        #expect(p.first?.fix?.contains("100 %") == true)
    }

    @Test func theHomeRegionMustBeListed() {
        let p = problems("  sites:\n    ap-northeast-1: { share: 100% }\n")
        #expect(p.count == 1)
        #expect(p.first?.message.contains("home region") == true)
    }

    @Test func shareAndUsersTogetherAreRefused() {
        let home = (try? Fixture.decode(Fixture.minimal).0.event.region) ?? ""
        let p = problems("  sites:\n    \(home): { share: 100%, users: 10 }\n")
        #expect(p.first?.message.contains("exactly one of `share` or `users`") == true)
    }

    @Test func anUnknownTopologySuggestsTheKnownOne() {
        let home = (try? Fixture.decode(Fixture.minimal).0.event.region) ?? ""
        let p = problems("  topology: global-queues\n  sites:\n    \(home): { share: 100% }\n")
        #expect(p.count == 1)
        #expect(p.first?.path == "regions.topology")
        #expect(p.first?.fix?.contains("did you mean 'global-queue'?") == true)
        #expect(p.first?.location?.line != nil)
    }

    @Test func tooManyRegionsAreRefused() {
        let sites = (0...RegionsSpec.maxSites).map { "    r\($0): { users: 1 }\n" }.joined()
        let p = problems("  sites:\n" + sites)
        #expect(p.first?.message.contains("more than \(RegionsSpec.maxSites)") == true)
    }
}
