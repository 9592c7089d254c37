import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `ingest` in process: one transaction per command, idempotent, listed.
@Suite struct IngestUseCaseTests {
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

    static func listed(_ run: AppRun) throws -> [StoredRunRow] {
        try IngestUseCase.run(files: [], list: true, db: run.db, context: run.context).list ?? []
    }

    @Test func storesOnceReportsTheUSLAndLists() throws {
        let run = try AppRun()
        let file = try run.write("ramp.csv", Self.ramp)
        let first = try IngestUseCase.run(files: [file], list: false, db: run.db, context: run.context)
        let stored = try #require(first.files.first)
        #expect(stored.stored.inserted)
        #expect(stored.stored.runID == 1)
        #expect(stored.run.steps.count == 6)
        let text = IngestText.render(stored)
        #expect(text.contains("ramp.csv: step CSV, 6 steps; stored as run #1"))
        #expect(text.contains("USL: σ = "))
        #expect(text.contains("peak throughput"))
        let second = try IngestUseCase.run(files: [file], list: false, db: run.db, context: run.context)
        #expect(second.files.first?.stored.inserted == false)
        #expect(IngestText.render(try #require(second.files.first)).contains("already stored as run #1: nothing added"))
        let rows = try Self.listed(run)
        #expect(rows.count == 1)
        // The stored run: id, file, format, steps.
        let table = TextTable.$width.withValue(100_000) { IngestText.list(rows) }
        let row = table.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        // Ingested at the run's clock (fixed on 2026-09-01 in process).
        #expect(row.contains("2026-09-01T00:00:00Z"))
        #expect(row.contains(" 1 \(file) step-csv (step CSV) 6 "))
    }

    @Test func aBadFileLeavesTheDatabaseAsItWas() throws {
        let run = try AppRun()
        let good = try run.write("good.csv", Self.ramp)
        _ = try IngestUseCase.run(files: [good], list: false, db: run.db, context: run.context)
        let other = try run.write("other.csv", "rps,pods\n500,1\n")
        let bad = try run.write("bad.csv", "name,rps\nx,-5\n")
        do {
            _ = try IngestUseCase.run(files: [other, bad], list: false, db: run.db, context: run.context)
            Issue.record("a negative rps was stored")
        } catch {
            #expect(error.status == .invalidInput)
            let lines = error.lines.joined(separator: "\n")
            #expect(lines.contains("bad.csv:2: error: rps:"))
            #expect(lines.contains("nothing was stored"))
        }
        // other.csv was readable but shares the command's one transaction: not stored either.
        #expect(try Self.listed(run).count == 1)
    }
}
