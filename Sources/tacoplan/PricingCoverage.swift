import ArgumentParser
import TacoApp
import TacoReport

/// `tacoplan pricing coverage PLAN`: which prices the plan needs, which are in the book (source, date) and what to
/// fetch for the rest.
struct PricingCoverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Show which of a plan's prices are in the book and how to fetch the rest.",
        discussion: "Exit codes: 0 every price is in the book; 2 invalid plan; 3 a price is missing; 4 database error.")

    @Argument(help: "Plan file (YAML).")
    var plan: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let outcome = try PricingCoverageUseCase.run(
            plan: plan, db: store.db, asOf: store.day, context: Terminal.context)
        Terminal.out(
            PricingCoverageText.render(
                plan: outcome.plan, day: outcome.day, lines: outcome.lines, fetchAll: outcome.fetchAll))
        if let failure = outcome.failure { throw failure }
    }
}
