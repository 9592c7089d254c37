import ArgumentParser
import TacoCore
import TacoStore

/// `tacoplan pricing show TYPE`: every stored price of one instance type, node type or DynamoDB usage.
struct PricingShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show every stored price of one product, marking the one in force.")

    @OptionGroup var database: PricingDatabaseOptions

    @Argument(help: "Instance type (m7g.xlarge), node type (cache.m7g.xlarge) or DynamoDB usage (WriteRequestUnits).")
    var product: String

    @Option(help: "Mark the price in force on this day (YYYY-MM-DD; default today).")
    var asOf: String?

    func run() throws {
        try PricingFailure.reported {
            let db = try database.openForReading()
            let day = try Standard.day(asOf, option: "--as-of")
            let quotes = try db.prices(product: product)
            guard !quotes.isEmpty else {
                throw PricingFailure.message(
                    "no prices for '\(product)'. Products are instance types (m7g.xlarge), cache node types "
                        + "(cache.m7g.xlarge) or DynamoDB usage (WriteRequestUnits); see `tacoplan pricing list`.")
            }
            let sheet = PriceSheet(region: "", asOf: day, quotes: quotes)
            print("  in force on \(day) marked *")
            for quote in quotes {
                let inForce = sheet.quote(quote.key) == quote ? "*" : " "
                print(
                    "\(inForce) \(quote.key.service.rawValue) \(quote.key.region) \(quote.key.engineOS) "
                        + "\(quote.key.purchaseOption): \(quote.citation)")
            }
        }
    }
}
