import Foundation
import TacoApp
import TestSupport
import Testing

/// The exit codes the docs list are the ones `ExitStatus` has: README's "Exit codes" table and Architecture.md's
/// exit table list exactly 0 and every `ExitStatus` code, and no doc mentions an exit code outside that set.
@Suite struct ExitCodeDocTests {
    static let codes: Set<Int32> = Set(ExitStatus.allCases.map(\.rawValue)).union([0])

    static func read(_ path: String) -> String {
        (try? String(contentsOf: CLI.root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The codes of the first Markdown table whose header is `| code | meaning |` after `heading`.
    static func table(in text: String, after heading: String) -> [Int32] {
        guard let start = text.range(of: heading) else { return [] }
        var rows: [Int32] = []
        var inTable = false
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| code") {
                inTable = true
                continue
            }
            guard inTable else { continue }
            guard line.hasPrefix("|") else { break }
            let first = line.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? ""
            if let code = Int32(first) { rows.append(code) }
        }
        return rows
    }

    @Test func theReadmeTableListsEveryCode() {
        let rows = Self.table(in: Self.read("README.md"), after: "### Exit codes")
        #expect(rows == rows.sorted())
        #expect(Set(rows) == Self.codes, "\(rows)")
    }

    @Test func theArchitectureTableListsEveryCode() {
        let rows = Self.table(in: Self.read("Docs/Architecture.md"), after: "## The one assessment and the exit table")
        #expect(Set(rows) == Self.codes, "\(rows)")
    }

    @Test func noDocNamesAnExitCodeTheCodeDoesNotHave() throws {
        let docs = try FileManager.default.contentsOfDirectory(
            atPath: CLI.root.appendingPathComponent("Docs").path
        ).filter { $0.hasSuffix(".md") }.map { "Docs/\($0)" }
        let regex = try NSRegularExpression(pattern: #"\bexits? (?:with )?(?:code )?([0-9]+)\b"#)
        var unknown: [String] = []
        for path in ["README.md"] + docs.sorted() {
            let text = Self.read(path)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text), let code = Int32(text[range]) else { continue }
                // "never exits 1" says so on purpose; `scripts/check-slides` is a script with its own exit.
                let start = text.index(range.lowerBound, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
                let before = String(text[start..<range.lowerBound])
                if ["never", "check-slides", "script"].contains(where: { before.contains($0) }) { continue }
                if !Self.codes.contains(code) { unknown.append("\(path): exit \(code)") }
            }
        }
        #expect(unknown.isEmpty, "\(unknown)")
    }
}
