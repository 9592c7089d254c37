import Foundation

/// DynamoDB write cost, ceiling vs expected, against every WRU price in force, and the plan's claimed write cost
/// when it declares one (Docs/Model.md §7).
enum DynamoCeilingRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        let region = input.plan.event.region
        let history = input.book.sheet.history(.dynamoWriteRequestUnit(region: region))
        guard !history.isEmpty else { return [] }
        let writes = Decimal(exactly: e.dynamo.ceilingWrites) * Decimal(e.dynamo.wruPerWrite)
        // One entry per price change: a later row with the same price is more evidence, not a new price.
        var changes: [PriceQuote] = []
        for q in history where changes.last?.usd != q.usd { changes.append(q) }
        var parts: [String] = []
        var matching: PriceQuote?
        let claim = input.plan.claim(.dynamodbWriteCost)
        for q in changes {
            let cost = q.usd * writes
            let from = q.startDocumented ? "from \(q.effectiveFrom)" : "in force at least from \(q.effectiveFrom)"
            parts.append("\(Format.usd(cost, places: 4)) at \(Format.unitPrice(q.usd))/WRU (\(from))")
            if let amount = claim?.amount, cost.rounded(2) == amount.amount { matching = q }
        }
        var msg =
            "\(Format.number(e.dynamo.ceilingWrites)) writes × \(e.dynamo.wruPerWrite) WRU: "
            + parts.joined(separator: "; ")
            + "."
        if let claim, let amount = claim.amount {
            if let m = matching {
                let next = changes.first { $0.effectiveFrom > m.effectiveFrom }
                msg +=
                    " The claimed \(Format.usd(amount)) needs the price in force "
                    + (m.startDocumented ? "from \(m.effectiveFrom)" : "at least from \(m.effectiveFrom)")
                    + (next.map { " until \($0.effectiveFrom)" } ?? "") + "."
            } else {
                msg += " No price in the book reproduces the claimed \(Format.usd(amount)) for this plan."
            }
        }
        if let expected = e.dynamo.expectedCost, let ceiling = e.dynamo.ceilingCost {
            msg +=
                " On \(input.asOf) the ceiling is \(Format.usd(ceiling, places: 4)), but the queue empties after \(Format.number(e.traffic.drainTime, maxDecimals: 0)) s, so the expected \(Format.number(e.dynamo.expectedWrites)) writes cost \(Format.usd(expected, places: 4))."
        }
        return [
            Finding(
                id: "dynamodb-ceiling", severity: .info, title: "DynamoDB write cost: ceiling vs expected",
                message: msg, claim: claim?.text)
        ]
    }
}
