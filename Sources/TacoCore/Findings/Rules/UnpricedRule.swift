import Foundation

/// Cost lines with no price in force: UNPRICED, never $0 (Docs/Model.md §6).
enum UnpricedRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let e = facts.parts
        let lines = e.costs.filter(\.unpriced)
        guard !lines.isEmpty else { return [] }
        return [
            Finding(
                id: "unpriced", severity: .warning, title: "\(lines.count) cost line(s) UNPRICED",
                message: "No price in force for: " + lines.map(\.component).joined(separator: "; ")
                    + ". Totals exclude them. Import an AWS price list (`\(facts.input.spelling(.importPriceList))`) or add a row to pricing/prices.csv.",
                claim: nil)
        ]
    }
}
