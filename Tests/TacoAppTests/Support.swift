import Foundation
import TacoApp
import TacoCore
import TestSupport
import Testing

/// An in-process run: a scratch directory with its own database, a clock fixed on 2026-09-01 and an environment
/// with no `TACOPLAN_DB`, so use cases never touch the user's database or read the system clock.
final class AppRun {
    let scratch: URL
    let context: AppContext

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tacoplan-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let day = Day(iso: "2026-09-01") ?? .epoch
        context = AppContext(
            clock: .fixed(day), environment: ["HOME": scratch.path, "XDG_DATA_HOME": scratch.path])
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    var db: String { scratch.appendingPathComponent("tacoplan.sqlite").path }

    /// Evidence options with the scratch database and prices as of 2026-09-01; `evidence` is the ladder's rung
    /// (default `best`, as every command).
    func evidence(costs: String? = nil, calibrated: Bool = false, evidence: EvidenceChoice = .best) throws
        -> EvidenceRequest
    {
        EvidenceRequest(
            db: db, asOf: Day(iso: "2026-09-01"), costsFile: costs, evidence: calibrated ? .calibrated : evidence)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func plan(_ name: String) -> String { CLI.root.appendingPathComponent("plans/\(name)").path }
}
