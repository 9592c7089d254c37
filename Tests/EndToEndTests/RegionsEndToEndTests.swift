import Foundation
import TestSupport
import Testing

/// Issue 24 through the built binary: `sweep --rps`, and the shipped multi-region plan's deployment.
@Suite struct RegionsEndToEndTests {
    @Test func sweepRPSNamesWhatTheGoalTakes() throws {
        let r = try CLI().run([
            "sweep", "plans/traffic-tacos.yaml", "--rps", "10k..100k", "--as-of", "2026-09-01", "--fail-on", "never",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // 100,000 ÷ (1/5 + 1/60 + 2/300) requests per user and second = 447,761 users.
        #expect(r.stdout.contains("To reach 100,000 gateway req/s: 447,761 users"), "\(r.stdout)")
        #expect(r.stdout.contains("First break on the way: "))
        #expect(r.stdout.contains("INFEASIBLE as written from "))
    }

    @Test func oneAxisOnly() throws {
        let r = try CLI().run(["sweep", "plans/traffic-tacos.yaml", "--rps", "10k..100k", "--users", "1..2"])
        #expect(r.status == 2 && r.stderr.contains("exactly one of") && r.stderr.contains("--rps"))
        #expect(!r.crashed)
    }

    @Test func theKpopTourShowsEveryRegionTheTopologiesAndWhatIsUnpriced() throws {
        let r = try CLI().run(["estimate", "plans/kpop-tour.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        for text in [
            "Regions: global-queue, DynamoDB home, home ap-northeast-2", "ap-northeast-1", "ap-southeast-1",
            "Topologies side by side", "per-region-queues", "global-datastore",
            "tacoplan pricing fetch --region ap-southeast-1 --service ec2,eks",
        ] {
            #expect(r.stdout.contains(text), "missing: \(text)")
        }
    }
}
