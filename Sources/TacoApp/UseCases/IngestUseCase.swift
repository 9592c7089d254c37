import Foundation
import TacoCore
import TacoReport
import TacoStore

/// `ingest FILE…`: load-test results stored in one transaction, each ramp fitted with the USL; `--list` shows the
/// stored runs. Every file is read and parsed before the database is touched.
public enum IngestUseCase {
    public struct Outcome: Sendable {
        public var files: [IngestedFile]
        /// Warnings about the files (stderr).
        public var warnings: [String]
        /// The stored runs, when `--list` was given.
        public var list: [StoredRunRow]?
    }

    public static func run(files: [String], list: Bool, db: String?, context: AppContext) throws(AppFailure)
        -> Outcome
    {
        var parsed: [(run: IngestedRun, text: String)] = []
        for file in files {
            let text = try TextFiles.read(file, as: kind(of: file))
            do {
                parsed.append((try IngestedRun.read(file: file, text: text), text))
            } catch {
                throw AppFailure.input([error.description, "nothing was stored"])
            }
        }
        let database = try DatabaseOpener.open(db, access: files.isEmpty ? .read : .write, context: context)
        var done: [IngestedFile] = []
        if !parsed.isEmpty {
            let outcomes = try database.run { try $0.storeBenchmarkRuns(parsed, ingestedAt: context.clock.now()) }
            for ((run, _), outcome) in zip(parsed, outcomes) {
                done.append(IngestedFile(run: run, stored: outcome, fit: fit(run)))
            }
        }
        var rows: [StoredRunRow]?
        if list {
            rows = try database.run { try $0.benchmarkRuns() }.map {
                StoredRunRow(
                    id: $0.id, file: $0.fileName, format: "\($0.format) (\($0.shape))", steps: $0.steps,
                    created: $0.createdAt, ingested: $0.ingestedAt, warnings: $0.warnings.count)
            }
        }
        return Outcome(files: done, warnings: parsed.flatMap { $0.run.warnings.map { "warning: \($0)" } }, list: rows)
    }

    /// The kind (and so the size limit) of a load-test file, told the way `IngestedRun.read` tells them: `.json` is a
    /// k6 summary, a CSV starting `metric_name,` k6 CSV output, any other file a step CSV. Only the first bytes are
    /// read to decide; a file that cannot even be opened is reported by the read that follows.
    static func kind(of file: String) -> InputKind {
        if file.lowercased().hasSuffix(".json") { return .k6Summary }
        let marker = Data("metric_name,".utf8)
        let head = try? TextFiles.prefix(file, count: marker.count, as: .k6CSV)
        return head == marker ? .k6CSV : .stepCSV
    }

    /// The USL fit of a ramp (Docs/Benchmarks.md §5); a k6 summary is a single point, not a ramp.
    static func fit(_ run: IngestedRun) -> IngestedFile.Fit {
        guard run.format != .k6Summary else { return .notARamp }
        guard run.ramp.count >= ScalabilityLaw.minimumPoints else { return .tooFewPoints(have: run.ramp.count) }
        do {
            return .fitted(try ScalabilityLaw.fit(run.ramp))
        } catch {
            return .failed("\(error)")
        }
    }
}
