import Foundation
import TacoCore
import TestSupport
import Testing

@testable import TacoReport

/// Fixtures and golden files live next to this file; `TACOPLAN_RECORD=1 swift test --filter TacoReportTests`
/// re-records every golden instead of comparing, names each file it rewrote, and fails the run (`GoldenFile`).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The estimate fixtures: `Golden/<name>.estimate.json`, written by `tacoplan estimate … --as-of 2026-09-01
    /// --format json` so goldens never depend on today's date.
    static var fixtureNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".estimate.json") }.map { String($0.dropLast(".estimate.json".count)) }
            .sorted()
    }

    static func estimate(_ name: String) throws -> Estimate {
        struct Document: Decodable { var estimate: Estimate }
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).estimate.json"))
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(Document.self, from: data).estimate
    }

    /// Compares `actual` with `Golden/<path>` (see `GoldenFile.check`).
    static func check(_ actual: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        try GoldenFile.check(actual, directory.appendingPathComponent(path), sourceLocation: sourceLocation)
    }
}
