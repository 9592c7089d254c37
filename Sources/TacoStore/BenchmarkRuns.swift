import Foundation
import GRDB
import TacoCore

/// A stored load-test run (`benchmark_run`) with its step count.
public struct StoredBenchmarkRun: Hashable, Sendable {
    public var id: Int64
    public var fileName: String
    public var contentHash: String
    public var format: String
    public var shape: String
    public var warnings: [String]
    public var createdAt: String?
    public var ingestedAt: String
    public var steps: Int
}

extension TacoDatabase {
    /// Stores every run in ONE `BEGIN IMMEDIATE` transaction: all or nothing. A file whose bytes (hash and size) are
    /// already stored adds nothing. `texts[i]` is the content of `runs[i]`; `ingestedAt` is the caller's clock.
    public func storeBenchmarkRuns(_ runs: [(run: IngestedRun, text: String)], ingestedAt: String) throws
        -> [BenchmarkIngestOutcome]
    {
        try writeTransaction { db in
            let insertRun = try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO benchmark_run
                        (file_name, content_size, content_hash, format, shape, warnings, created_at, ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertStep = try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO benchmark_step
                        (run_id, step_index, rps, vus, redis_engine_cpu, gateway_cpu, backend_cpu, pods, error_rate, extra)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var outcomes: [BenchmarkIngestOutcome] = []
            for (run, text) in runs {
                var hash = ContentHash()
                hash.update(text)
                let size = text.utf8.count
                try insertRun.execute(arguments: [
                    run.file, size, hash.hex, run.format.rawValue, run.shape, run.warnings.joined(separator: "\n"),
                    run.createdAt, ingestedAt,
                ])
                let inserted = db.changesCount > 0
                guard
                    let id = try Int64.fetchOne(
                        db, sql: "SELECT id FROM benchmark_run WHERE content_hash = ? AND content_size = ?",
                        arguments: [hash.hex, size])
                else { throw StoreError.internalInconsistency("benchmark_run row missing after insert") }
                if inserted {
                    for s in run.steps {
                        let extra = String(decoding: try encoder.encode(s.extra), as: UTF8.self)
                        try insertStep.execute(arguments: [
                            id, s.index, s.rps, s.vus, s.redisEngineCPU, s.gatewayCPU, s.backendCPU, s.pods,
                            s.errorRate, extra,
                        ])
                    }
                }
                let steps =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM benchmark_step WHERE run_id = ?", arguments: [id])
                    ?? 0
                outcomes.append(BenchmarkIngestOutcome(runID: id, inserted: inserted, steps: steps))
            }
            return outcomes
        }
    }

    /// Every stored run, oldest first.
    public func benchmarkRuns() throws -> [StoredBenchmarkRun] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, (SELECT COUNT(*) FROM benchmark_step s WHERE s.run_id = r.id) AS steps
                    FROM benchmark_run r ORDER BY r.id
                    """
            ).map { row in
                let warnings: String = row["warnings"]
                return StoredBenchmarkRun(
                    id: row["id"], fileName: row["file_name"], contentHash: row["content_hash"], format: row["format"],
                    shape: row["shape"], warnings: warnings.isEmpty ? [] : warnings.components(separatedBy: "\n"),
                    createdAt: row["created_at"], ingestedAt: row["ingested_at"], steps: row["steps"])
            }
        }
    }

    /// The steps of one run, in order, as they were stored.
    public func benchmarkSteps(runID: Int64) throws -> [IngestedRun.Step] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM benchmark_step WHERE run_id = ? ORDER BY step_index", arguments: [runID]
            ).map { row in
                let extraText: String = row["extra"]
                let extra = (try? JSONDecoder().decode([String: String].self, from: Data(extraText.utf8))) ?? [:]
                return IngestedRun.Step(
                    index: row["step_index"], rps: row["rps"], vus: row["vus"], redisEngineCPU: row["redis_engine_cpu"],
                    gatewayCPU: row["gateway_cpu"], backendCPU: row["backend_cpu"], pods: row["pods"],
                    errorRate: row["error_rate"], extra: extra)
            }
        }
    }
}
