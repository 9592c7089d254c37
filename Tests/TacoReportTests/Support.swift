import Foundation
import TacoCore
import Testing

@testable import TacoReport

/// Fixtures and golden files live next to this file; `TACOPLAN_RECORD=1 swift test --filter TacoReportTests`
/// re-records every golden instead of comparing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["TACOPLAN_RECORD"] == "1" }

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

    /// Compares `actual` with `Golden/<path>`, or writes it when recording; a mismatch shows a unified diff.
    static func check(_ actual: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        let url = directory.appendingPathComponent(path)
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden \(path); run TACOPLAN_RECORD=1 swift test --filter TacoReportTests",
                sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(path) differs from its golden:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// `diff -u` of the two texts (first 60 lines), or the first differing line when diff is unavailable.
    static func diff(_ expected: String, _ actual: String) -> String {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("tacoplan-golden-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let a = tmp.appendingPathComponent("expected")
        let b = tmp.appendingPathComponent("actual")
        try? Data(expected.utf8).write(to: a)
        try? Data(actual.utf8).write(to: b)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        p.arguments = ["-u", a.path, b.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        if (try? p.run()) != nil {
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return out.split(separator: "\n", omittingEmptySubsequences: false).prefix(60).joined(separator: "\n")
        }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let f = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, f.count)).first { e[$0] != f[$0] } ?? min(e.count, f.count)
        return "line \(i + 1): expected «\(i < e.count ? e[i] : "<end>")», got «\(i < f.count ? f[i] : "<end>")»"
    }
}
