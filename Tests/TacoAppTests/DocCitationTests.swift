import Foundation
import TestSupport
import Testing

/// Docs that cannot drift: every source path README.md and Docs/*.md cite exists (the README's example
/// commands are run by `ReadmeExampleTests`).
@Suite struct DocCitationTests {
    static let documents: [String] = {
        let docs =
            (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Docs").path))
            ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "Docs/\($0)" }
    }()

    /// Every file of the repository below the folders a doc may cite, relative to the root (for bare file names
    /// such as `RedisSizing.swift` or `Estimate/Figure.swift`, which must name exactly an existing file's tail).
    static let files: [String] = {
        var paths: [String] = []
        for top in ["Sources", "Tests", "scripts", "plans", "pricing", "benchmarks"] {
            let base = CLI.root.appendingPathComponent(top)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let relative = walk.nextObject() as? String { paths.append("\(top)/\(relative)") }
        }
        return paths + ["Package.swift"]
    }()

    /// The citations in `text`: repository paths (`Sources/…`, `Tests/…`, `benchmarks/…`, `pricing/…`, `plans/…`,
    /// `scripts/…`, a `*` allowed in the last part) and Swift file names with or without folders. A name right after
    /// `>` or a letter is a placeholder's tail (`<Name>Command.swift`) and a path with `<` a template: not citations.
    static func citations(in text: String) -> [String] {
        let rooted = #"(?<![\w/.>-])(?:Sources|Tests|benchmarks|pricing|plans|scripts)/[\w./*+-]*[\w*/]"#
        let swift = #"(?<![\w/.>-])[\w/+-]+\.swift\b"#
        var found: [String] = []
        for match in matches(rooted, text) { found.append(match) }
        for match in matches(swift, text) where !found.contains(where: { $0.hasSuffix(match) }) {
            found.append(match)
        }
        return found
    }

    static func matches(_ pattern: String, _ text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    /// Whether `citation` names something that exists: a path from the root (a folder or a file; a `*` matches any
    /// run of characters within the last part), or for a bare Swift name the tail of at least one file.
    static func exists(_ citation: String) -> Bool {
        if citation.contains("*") {
            let pattern =
                "^"
                + NSRegularExpression.escapedPattern(for: citation)
                .replacingOccurrences(of: "\\*", with: "[^/]*") + "$"
            return files.contains { $0.range(of: pattern, options: .regularExpression) != nil }
        }
        if FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent(citation).path) { return true }
        let rooted = ["Sources/", "Tests/", "benchmarks/", "pricing/", "plans/", "scripts/"]
        if rooted.contains(where: citation.hasPrefix) { return false }
        return files.contains { $0.hasSuffix("/" + citation) }
    }

    @Test func citationsAreFound() {
        // The forms the docs use, each found once; placeholders and sample output paths are not.
        let text = """
            `Sources/TacoCore/Spec/Sections/*.swift` and (`Estimate/Figure.swift`, `RedisSizing.swift:181`);
            `Sources/TacoApp/UseCases/<Name>UseCase.swift`, `benchmarks/*`, see scripts/test.
            """
        #expect(
            Self.citations(in: text) == [
                "Sources/TacoCore/Spec/Sections/*.swift", "Sources/TacoApp/UseCases/", "benchmarks/*", "scripts/test",
                "Estimate/Figure.swift",
                "RedisSizing.swift",
            ])
        #expect(Self.exists("Sources/TacoCore/Spec/Sections/*.swift"))
        #expect(!Self.exists("Sources/TacoCore/Spec/Sections/*.nothing"))
        #expect(!Self.exists("Sources/TacoCore/Units/Quantities.swift"))
        #expect(!Self.exists("Quantities.swift"))
        #expect(Self.exists("Package.swift"))
    }

    @Test(arguments: documents)
    func everyCitedPathExists(_ document: String) throws {
        let text = try String(contentsOf: CLI.root.appendingPathComponent(document), encoding: .utf8)
        let missing = Set(Self.citations(in: text).filter { !Self.exists($0) })
        #expect(missing.isEmpty, "\(document) cites \(missing.sorted())")
    }
}
