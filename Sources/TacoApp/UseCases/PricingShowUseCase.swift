import Foundation
import TacoCore
import TacoReport
import TacoStore

/// `pricing show PRODUCT`: every stored price of one product and which is in force on `asOf` (default today).
public enum PricingShowUseCase {
    public struct Outcome: Sendable {
        public var day: Day
        public var quotes: [(quote: PriceQuote, inForce: Bool)]
    }

    public static func run(product: String, db: String?, asOf: Day?, context: AppContext) throws(AppFailure)
        -> Outcome
    {
        let database = try DatabaseOpener.open(db, access: .read, context: context)
        let day = asOf ?? context.clock.today
        let quotes = try database.run { try $0.prices(product: product) }
        guard !quotes.isEmpty else {
            throw AppFailure.input([
                "error: no prices for '\(product)'. Products are instance types (m7g.xlarge), cache node types "
                    + "(cache.m7g.xlarge) or DynamoDB usage (WriteRequestUnits); see `tacoplan pricing list`."
            ])
        }
        let sheet = PriceSheet(region: "", asOf: day, quotes: quotes)
        return Outcome(day: day, quotes: quotes.map { ($0, sheet.quote($0.key) == $0) })
    }
}
