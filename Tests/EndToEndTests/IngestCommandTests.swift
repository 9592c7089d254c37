import Foundation
import TestSupport
import Testing

@testable import TacoStore

/// `tacoplan ingest` through the built binary: one transaction per command, idempotent, listed.
@Suite struct IngestCommandTests {
    /// Six ramp points (pods → RPS) with diminishing returns: enough for the USL fit (≥ 6).
    static let ramp = """
        name,rps,pods,redis_engine_cpu
        p1,1000,1,10
        p2,1896,2,14
        p3,2655,3,18
        p4,3279,4,22
        p5,3774,5,26
        p6,4155,6,30

        """

    func counts(_ path: String) throws -> (runs: Int, steps: Int) {
        let db = try TacoDatabase.open(path: path)
        return (try db.rowCount(.benchmarkRun), try db.rowCount(.benchmarkStep))
    }

    @Test func storesOnceReportsTheUSLAndLists() throws {
        let cli = try CLI()
        let file = try cli.write("ramp.csv", Self.ramp)
        let first = try cli.run(["ingest", file])
        #expect(first.status == 0)
        #expect(first.stdout.contains("ramp.csv: step CSV, 6 steps; stored as run #1"))
        #expect(first.stdout.contains("USL: σ = "))
        #expect(first.stdout.contains("peak throughput"))
        #expect(try counts(cli.db) == (1, 6))
        let second = try cli.run(["ingest", file])
        #expect(second.status == 0)
        #expect(second.stdout.contains("already stored as run #1: nothing added"))
        #expect(try counts(cli.db) == (1, 6))
        let list = try cli.run(["ingest", "--list"])
        #expect(list.status == 0)
        // An aligned table: fold the padding before comparing.
        let row = list.stdout.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        #expect(row.contains(" 1 \(file) step-csv (step CSV) 6 "))
    }

    @Test func aBadFileLeavesTheDatabaseAsItWas() throws {
        let cli = try CLI()
        let good = try cli.write("good.csv", Self.ramp)
        #expect(try cli.run(["ingest", good]).status == 0)
        let other = try cli.write("other.csv", "rps,pods\n500,1\n")
        let bad = try cli.write("bad.csv", "name,rps\nx,-5\n")
        let r = try cli.run(["ingest", other, bad])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.csv:2: error: rps:"))
        #expect(r.stderr.contains("nothing was stored"))
        #expect(!r.crashed)
        // other.csv was readable but shares the command's one transaction: not stored either.
        #expect(try counts(cli.db) == (1, 6))
    }
}
