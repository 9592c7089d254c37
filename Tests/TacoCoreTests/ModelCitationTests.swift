import Foundation
import TestSupport
import Testing

@testable import TacoCore

/// One numbering for Docs/Model.md: every "Docs/Model.md §n" (and every "§m" listed after it, as in
/// "Docs/Model.md §3, §14") cited in Sources, Tests and Docs — comments and formula strings alike — names a numbered
/// heading of Docs/Model.md, and no source cites the retired "MODEL §n" numbering.
@Suite struct ModelCitationTests {
    /// The section numbers of Docs/Model.md's headings: "## 5a. One sizing check" → "5a", "### 6.1 Complete totals"
    /// → "6.1".
    static func sections(ofModel text: String) -> Set<String> {
        var found = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("#") {
            let title = line.drop { $0 == "#" }.drop { $0 == " " }
            let number = title.prefix { $0.isNumber || $0 == "." || $0.isLetter && $0.isLowercase }
            var section = String(number)
            while section.hasSuffix(".") { section.removeLast() }
            if section.first?.isNumber == true { found.insert(section) }
        }
        return found
    }

    /// The sections `text` cites: each "Docs/Model.md §n" (or "Model.md §n") and the "§m" that follow it joined by
    /// ", ", " and " or "–".
    static func citations(in text: String) -> [String] {
        let pattern = #"Model\.md (§[0-9]+[a-z]?(?:\.[0-9]+)?(?:(?:, | and |–)§[0-9]+[a-z]?(?:\.[0-9]+)?)*)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        var found: [String] = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            for part in text[range].split(separator: "§") {
                let number = part.prefix { $0.isNumber || $0 == "." || $0.isLetter && $0.isLowercase }
                var section = String(number)
                while section.hasSuffix(".") { section.removeLast() }
                found.append(section)
            }
        }
        return found
    }

    /// Swift and Markdown files under Sources, Tests and Docs, plus the README (goldens are output, not citations).
    static let files: [String] = {
        var paths = ["README.md"]
        for top in ["Sources", "Tests", "Docs"] {
            let base = CLI.root.appendingPathComponent(top)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let relative = walk.nextObject() as? String {
                guard relative.hasSuffix(".swift") || relative.hasSuffix(".md") else { continue }
                guard !relative.contains("Golden/"), !relative.hasSuffix("BundledData.swift") else { continue }
                paths.append("\(top)/\(relative)")
            }
        }
        return paths.sorted()
    }()

    static func read(_ path: String) -> String {
        (try? String(contentsOf: CLI.root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    @Test func headingsAndCitationsAreRead() {
        let model = """
            # Title
            ## 1. Traffic — `x`
            ## 5a. One sizing check
            ## 6.0 One timeline
            ### 6.1 Totals
            ### Memory
            """
        #expect(Self.sections(ofModel: model) == ["1", "5a", "6.0", "6.1"])
        let text = "(Docs/Model.md §3, §14) and Docs/Model.md §6.0; Model.md §1–§5. Docs/Model.md §7.1. §9 alone"
        #expect(Self.citations(in: text) == ["3", "14", "6.0", "1", "5", "7.1"])
    }

    @Test func everyCitedSectionIsAHeadingOfModelMd() throws {
        let sections = Self.sections(ofModel: Self.read("Docs/Model.md"))
        // The numbered sections 1–16 of today's page, with 5a, 6.0–6.3 and 7.1.
        #expect(sections.isSuperset(of: ["1", "2", "3", "5a", "6.0", "6.1", "6.2", "6.3", "7.1", "14", "16"]))
        var cited = 0
        var missing: [String] = []
        for path in Self.files {
            let text = Self.read(path)
            for section in Self.citations(in: text) {
                cited += 1
                if !sections.contains(section) { missing.append("\(path): §\(section)") }
            }
        }
        // Sources alone cite Model.md a few hundred times; a scan that finds few has stopped reading them.
        #expect(cited > 200)
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func noSourceCitesTheRetiredNumbering() {
        let offenders = Self.files.filter { $0.hasPrefix("Sources/") && Self.read($0).contains("MODEL §") }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    @Test func everyFormulaOfTheSeedEstimateCitesAHeading() throws {
        let sections = Self.sections(ofModel: Self.read("Docs/Model.md"))
        let estimate = try Fixture.seedEstimate(asOf: "2026-09-01")
        var cited = 0
        for figure in estimate.figures {
            for section in Self.citations(in: figure.formula) {
                cited += 1
                #expect(sections.contains(section), "\(figure.id): \(figure.formula)")
            }
            #expect(!figure.formula.contains("MODEL §"), "\(figure.id): \(figure.formula)")
        }
        #expect(cited > 20)
    }
}
