import ArgumentParser
import TacoCore
import TacoFetch
import TacoStore

/// `tacoplan pricing coverage PLAN`: which prices the plan needs, which are in the book (source, date) and what to
/// fetch for the rest.
struct PricingCoverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Show which of a plan's prices are in the book and how to fetch the rest.")

    @OptionGroup var database: PricingDatabaseOptions

    @Argument(help: "Plan file (YAML).")
    var plan: String

    @Option(help: "The day prices must be in force (YYYY-MM-DD; default the plan's pricing.as_of, else today).")
    var asOf: String?

    func run() throws {
        let family: PlanFamily
        do {
            family = try PlanFiles.family(plan)
        } catch let failure as Failure {
            for line in failure.lines { Standard.error(line) }
            throw ExitCode(2)
        }
        try PricingFailure.reported {
            let base = family.base
            let day = try asOf.map { try Standard.day($0, option: "--as-of") } ?? base.pricing.asOf ?? Standard.today()
            let db = try database.open()
            let book = try db.priceBook(region: base.event.region, asOf: day)
            let lines = PriceCoverage.lines(plan: base, book: book)
            print("\(base.name) in \(base.event.region), prices in force on \(day):")
            for line in lines {
                let what = PricingList.pad("\(line.resource) \(line.product)", 34)
                if let quote = line.quote {
                    print(
                        "  priced    \(what) \(quote.usd) per \(quote.key.unit) since \(quote.effectiveFrom), \(quote.source)"
                    )
                } else if let captured = line.spotCapturedOn {
                    print("  priced    \(what) Spot Advisor snapshot captured \(captured)")
                } else {
                    print("  UNPRICED  \(what) fetch: \(line.fetch ?? "")")
                }
            }
            let missing = lines.filter { !$0.priced }.count
            print("\(lines.count - missing) of \(lines.count) prices in the book")
            if let command = PriceCoverage.fetchAll(lines, region: base.event.region) {
                print("To fetch the rest: \(command)")
                throw ExitCode(3)
            }
        }
    }
}
