import ArgumentParser
import TacoApp
import TacoReport

/// `tacoplan pricing show TYPE`: every stored price of one instance type, node type or DynamoDB usage.
struct PricingShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show every stored price of one product, marking the one in force (--as-of).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Instance type (m7g.xlarge), node type (cache.m7g.xlarge) or DynamoDB usage (WriteRequestUnits).")
    var product: String

    func run() throws {
        let outcome = try PricingShowUseCase.run(
            product: product, db: store.db, asOf: store.day, context: Terminal.context)
        Terminal.out(PricingText.show(outcome.quotes, day: outcome.day))
    }
}
