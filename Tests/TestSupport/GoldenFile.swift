import Foundation
import Testing

/// Golden-file comparison shared by every test target. `TACOPLAN_RECORD=1` rewrites the golden, prints its path and
/// records an issue, so a recording run always fails and never passes silently.
public enum GoldenFile {
    public static var recording: Bool { ProcessInfo.processInfo.environment["TACOPLAN_RECORD"] == "1" }

    public static func check(
        _ actual: String, _ url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            print("TACOPLAN_RECORD: rewrote \(url.path)")
            Issue.record(
                "TACOPLAN_RECORD=1 rewrote \(url.path); review the diff and run again without TACOPLAN_RECORD",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden \(url.path); run with TACOPLAN_RECORD=1 to write it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record(
                "\(url.lastPathComponent) differs from its golden:\n\(diff(expected, actual))",
                sourceLocation: sourceLocation)
        }
    }

    /// `diff -u` of the two texts (first 60 lines), or the first differing line when diff is unavailable.
    public static func diff(_ expected: String, _ actual: String) -> String {
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
