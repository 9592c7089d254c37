import Foundation

/// The seed's DynamoDB cost claim checked against every WRU price in force (Docs/Model.md §7).
enum DynamoCeilingRule: FindingRule {
    static func findings(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        let region = input.plan.event.region
        let history = input.book.sheet.history(DynamoSizing.wruKey(region))
        guard !history.isEmpty else { return [] }
        let writes = Decimal(exactly: e.dynamo.ceilingWrites) * Decimal(e.dynamo.wruPerWrite)
        var parts: [String] = []
        var matching: PriceQuote?
        for q in history {
            let cost = q.usd * writes
            parts.append("\(Format.usd(cost, places: 4)) at \(Format.unitPrice(q.usd))/WRU (from \(q.effectiveFrom))")
            if cost.rounded(2) == SeedClaims.dynamoCeilingUSD.amount { matching = q }
        }
        var msg =
            "\(Show.n(e.dynamo.ceilingWrites)) writes × \(e.dynamo.wruPerWrite) WRU: " + parts.joined(separator: "; ")
            + "."
        if let m = matching {
            let next = history.first { $0.effectiveFrom > m.effectiveFrom }
            msg +=
                " The seed's $2.25 needs the price in force from \(m.effectiveFrom)"
                + (next.map { " until \($0.effectiveFrom)" } ?? "") + "."
        } else {
            msg += " No price in the book reproduces the seed's $2.25 for this plan."
        }
        if let expected = e.dynamo.expectedCost, let ceiling = e.dynamo.ceilingCost {
            msg +=
                " On \(input.asOf) the ceiling is \(Format.usd(ceiling, places: 4)), but the queue empties after \(Show.n(e.traffic.drainTime, 0)) s, so the expected \(Show.n(e.dynamo.expectedWrites)) writes cost \(Format.usd(expected, places: 4))."
        }
        return [
            Finding(
                id: "dynamodb-ceiling", severity: .info, title: "DynamoDB write cost: ceiling vs expected",
                message: msg, claim: "30분 티켓팅: $2.25 (DynamoDB 쓰기)")
        ]
    }

    /// Graviton vs x86 by same-size pairs in the plan's region.
}
