import TacoCore

/// `pricing coverage PLAN`: which prices the plan needs, which the book has in force (source, date), and the
/// `pricing fetch` command that brings the rest.
public enum PricingCoverageUseCase {
    public struct Outcome: Sendable {
        public var plan: Plan
        public var day: Day
        public var lines: [PriceCoverage.Line]
        /// The command that fetches every missing price; nil when the book covers the plan.
        public var fetchAll: String?
        /// Exit 3 (pricing data missing) after printing, when a price is missing.
        public var failure: AppFailure?
    }

    public static func run(plan path: String, db: String?, asOf: Day?, context: AppContext) throws(AppFailure)
        -> Outcome
    {
        let plan = try PlanFiles.family(path).family.base
        let day = asOf ?? plan.pricing.asOf ?? context.clock.today
        let database = try DatabaseOpener.open(db, access: .read, context: context)
        let book = try database.run { try $0.priceBook(region: plan.event.region, asOf: day) }
        let lines = PriceCoverage.lines(plan: plan, book: book, spelling: CommandSpelling.commandLine)
        let fetchAll = PriceCoverage.fetchAll(lines, region: plan.event.region, spelling: CommandSpelling.commandLine)
        let missing = lines.filter { !$0.priced }.count
        let failure = fetchAll.map { _ in
            AppFailure(.pricingMissing, ["\(missing) of \(lines.count) prices missing for \(plan.name)"])
        }
        return Outcome(plan: plan, day: day, lines: lines, fetchAll: fetchAll, failure: failure)
    }
}
