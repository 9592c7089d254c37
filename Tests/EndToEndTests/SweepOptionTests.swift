import Foundation
import TestSupport
import Testing

/// `sweep`'s option errors through the built binary: ArgumentParser's validation, exit 2 (the sweep itself is
/// tested in process by `SweepUseCaseTests`).
@Suite struct SweepOptionTests {
    @Test func badRangesAreRejectedWithTheFix() throws {
        let cli = try CLI()
        for (range, says) in [("3M..100k", "FROM must be at least 1 and below TO"), ("1x..2", "is not a number")] {
            let r = try cli.run(["sweep", "plans/traffic-tacos.yaml", "--users", range])
            #expect(r.status == 2)
            #expect(r.stderr.contains(says), "\(r.stderr)")
            #expect(!r.crashed)
        }
        let both = try cli.run(["sweep", "plans/traffic-tacos.yaml", "--users", "1..2", "--status-rps", "1..2"])
        #expect(both.status == 2 && both.stderr.contains("exactly one of"))
    }

    @Test func oneAxisOnly() throws {
        let r = try CLI().run(["sweep", "plans/traffic-tacos.yaml", "--rps", "10k..100k", "--users", "1..2"])
        #expect(r.status == 2 && r.stderr.contains("exactly one of") && r.stderr.contains("--rps"))
        #expect(!r.crashed)
    }
}
