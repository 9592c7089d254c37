import ArgumentParser
import TacoApp
import TacoReport

/// `tacoplan pricing list`: what the price book holds, by service, region, engine/OS and source, and how stale it is.
struct PricingList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Summarise the price book and warn about stale regions (as of --as-of).")

    @OptionGroup var store: StoreOptions

    @Option(help: "Warn when a region's newest price is older than this many days.")
    var staleAfterDays = 365

    func run() throws {
        let listing = try PricingListUseCase.run(
            db: store.db, asOf: store.day, staleAfterDays: staleAfterDays, context: Terminal.context)
        Terminal.out(PricingText.render(listing))
        for w in PricingText.warnings(listing) { Terminal.error(w) }
    }
}
