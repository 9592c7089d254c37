import Foundation
import TacoStore
import TestSupport
import Testing

/// `tacoplan estimate` on the seed plan as a process: the database it creates and fills (the figures and output are
/// tested in process by `EstimateUseCaseTests` and the whole output by `CanonicalOutputTests`).
@Suite struct EstimateCommandTests {
    let seed = "plans/traffic-tacos.yaml"

    @Test func secondRunOnTheSameDatabaseAddsNoRows() throws {
        let cli = try CLI()
        let args = ["estimate", seed, "--as-of", "2026-11-01", "--format", "json", "--evidence", "reference"]
        #expect(try cli.run(args).status == 0)
        let first = try TacoDatabase.open(path: cli.db)
        let prices = try first.rowCount(.price)
        let specs = try first.rowCount(.instanceSpec)
        let plans = try first.rowCount(.planRun)
        // pricing/prices.csv has 148 lines: a header and 147 price rows (12 of them the multi-region rows of issue 24).
        #expect(prices == 147)
        #expect(plans == 1)
        #expect(try cli.run(args).status == 0)
        let second = try TacoDatabase.open(path: cli.db)
        #expect(try second.rowCount(.price) == prices)
        #expect(try second.rowCount(.instanceSpec) == specs)
        #expect(try second.rowCount(.planRun) == plans)
    }

    @Test func theDatabaseComesFromTACOPLANDBWhenNoOptionIsGiven() throws {
        let cli = try CLI()
        let path = cli.scratch.appendingPathComponent("from-env.sqlite").path
        let r = try cli.run(
            ["estimate", seed, "--as-of", "2026-11-01", "--format", "json", "--evidence", "reference"],
            environment: ["TACOPLAN_DB": path])
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try TacoDatabase.open(path: path).rowCount(.price) == 147)
    }
}
