import Testing

@testable import TacoCore

/// MODEL §5: shards = max(memory, network, engine-CPU shards, min_shards); every need equal to the count sets it, and
/// the sizing says so once (`Candidate.shardDrivers`) for the note, the finding, the sweep and the report.
@Suite struct ShardDriverTests {
    @Test func everyNeedEqualToTheCountSetsIt() {
        // max(2, 3, 3, 1) = 3: network and engine CPU both need 3 shards.
        #expect(
            ShardDriver.drivers(shards: 3, memory: 2, network: 3, engineCPU: 3, minShards: 1) == [
                .network, .engineCPU,
            ])
        // max(1, 1, 1, 2) = 2: only the plan's floor.
        #expect(ShardDriver.drivers(shards: 2, memory: 1, network: 1, engineCPU: 1, minShards: 2) == [.minShards])
        // An unknown need counts as 0 shards and never sets a count ≥ 1.
        #expect(ShardDriver.drivers(shards: 1, memory: 1, network: nil, engineCPU: nil, minShards: 0) == [.memory])
    }

    @Test func theChosenClusterCarriesItsDriversAndTheNoteNamesThem() throws {
        let e = try Fixture.estimate(Fixture.minimal, asOf: "2026-11-01")
        let c = try #require(e.redis.chosen)
        let shards = try #require(c.shards)
        let drivers = try #require(c.shardDrivers)
        #expect(!drivers.isEmpty)
        // A need is a driver exactly when it equals the count.
        let needs: [ShardDriver: Int] = [
            .memory: c.memoryShards, .network: c.networkShards ?? 0, .engineCPU: c.engineShards ?? 0,
        ]
        for (need, count) in needs { #expect(drivers.contains(need) == (count == shards)) }
        #expect(c.note.contains("set by " + drivers.map(\.phrase).joined(separator: ", ")))
        // The sweep's binding reads the same drivers.
        let input = try Fixture.input(Fixture.minimal, asOf: "2026-11-01")
        let sweep = SweepShapes.redis(e, input)
        #expect(sweep.binding == drivers.map(\.rawValue).joined(separator: ", "))
    }
}
