import Foundation
import Testing

@testable import TacoReport

@Suite struct DeckTests {
    @Test func theDeckIsMarpWithRulesOnlyAsSlideBreaks() throws {
        let deck = MarpDeck.render(ReportBuilder.build(try Golden.estimate("traffic-tacos")))
        let lines = deck.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(4)) == ["---", "marp: true", "paginate: true", "size: 16:9"])
        let fenceEnd = try #require(lines.dropFirst().firstIndex(of: "---"))
        for (i, line) in lines.enumerated()
        where i > fenceEnd && line.trimmingCharacters(in: .whitespaces).hasPrefix("---") {
            // A slide break: a lone --- between blank lines; anything else would be a rule inside a slide.
            #expect(line == "---" && lines[i - 1].isEmpty && lines[i + 1].isEmpty, "line \(i + 1): \(line)")
        }
        for slide in deck.components(separatedBy: "\n\n---\n\n").dropFirst() {
            let tableRows = slide.split(separator: "\n").filter { $0.hasPrefix("| ") }
            #expect(tableRows.count <= 2 * (MarpDeck.maxRows + 2), "slide too tall: \(slide.prefix(60))")
        }
    }
}
