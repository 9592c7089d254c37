import Foundation
import TacoApp
import TacoCore
import TestSupport
import Testing

@testable import TacoReport

/// Fixtures and golden files live next to this file; `TACOPLAN_RECORD=1 swift test --filter TacoReportTests`
/// re-records every golden instead of comparing, names each file it rewrote, and fails the run (`GoldenFile`).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// One fixture per shipped plan, `plans/<name>.yaml`.
    static var fixtureNames: [String] {
        let plans = CLI.root.appendingPathComponent("plans")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: plans.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    /// The fixed evidence of every golden: prices as of 2026-09-01, the reference VM's command costs
    /// (`--evidence reference`), a scratch database and a clock fixed on 2026-09-01, so no golden depends on today's
    /// date, on the bundled load test's calibration or on the machine.
    static let asOf = "2026-09-01"

    /// `tacoplan estimate plans/<name>.yaml --as-of 2026-09-01 --evidence reference --format json`, computed in
    /// process through `EstimateUseCase` and rendered by `EstimateDocument` exactly as the command prints it, with
    /// the plan named by its path from the repository root.
    static func estimateDocument(_ name: String) throws -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tacoplan-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let day = try #require(Day(iso: asOf))
        let context = AppContext(
            clock: .fixed(day), environment: ["HOME": scratch.path, "XDG_DATA_HOME": scratch.path])
        let evidence = EvidenceRequest(
            db: scratch.appendingPathComponent("tacoplan.sqlite").path, asOf: day, evidence: .reference)
        let path = CLI.root.appendingPathComponent("plans/\(name).yaml").path
        let outcome = try EstimateUseCase.run(PlanRequest(path: path), evidence: evidence, context: context)
        let a = outcome.assessment
        var document = EstimateDocument(outcome.estimate, assessment: a.plan, exit: a.exitCode)
        document.regions = a.regions.map { RegionsSection(deployment: $0.deployment, topologies: $0.topologies) }
        return try document.json().replacingOccurrences(of: CLI.root.path + "/", with: "")
    }

    /// Every fixture's estimate document, computed once per test run (a failing one is computed again by
    /// `document(_:)` so its error is reported where it is used).
    static let documents: [String: String] = Dictionary(
        uniqueKeysWithValues: fixtureNames.compactMap { name in (try? estimateDocument(name)).map { (name, $0) } })

    static func document(_ name: String) throws -> String {
        if let text = documents[name] { return text }
        return try estimateDocument(name)
    }

    /// The fixture's estimate, decoded from its document the way a report is built from a saved estimate.
    static func estimate(_ name: String) throws -> Estimate { try decode(try document(name)) }

    static func decode(_ text: String) throws -> Estimate {
        struct Document: Decodable { var estimate: Estimate }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(Document.self, from: Data(text.utf8)).estimate
    }

    /// Compares `actual` with `Golden/<path>` (see `GoldenFile.check`).
    static func check(_ actual: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        try GoldenFile.check(actual, directory.appendingPathComponent(path), sourceLocation: sourceLocation)
    }
}
