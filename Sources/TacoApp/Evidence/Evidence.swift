import TacoCore
import TacoData

/// The evidence one run uses, loaded once: the database (price book), the per-command costs and whether Redis is
/// calibrated. `input(…)` turns any plan or variant into a checked, possibly calibrated `EstimateInput`, so every
/// estimate of a run — the plan, its variants, the report's levers — rests on the same evidence.
public struct Evidence: Sendable {
    public let request: EvidenceRequest
    public let database: AppDatabase
    public let costs: CommandCostTable
    public let clock: Clock
    /// Price books already read in this run, by region and day: `compare` and `report` check every variant of a
    /// plan, which would otherwise read the same book from SQLite once per variant.
    let books = PriceBookCache()

    public static func load(_ request: EvidenceRequest, access: DatabaseAccess, context: AppContext)
        throws(AppFailure) -> Evidence
    {
        let database = try DatabaseOpener.open(request.db, access: access, context: context)
        let costs = try CommandCosts.load(request.costsFile)
        return Evidence(request: request, database: database, costs: costs, clock: context.clock)
    }

    /// `--as-of`, else the plan's `pricing.as_of`, else today.
    public func asOf(for plan: Plan) -> Day {
        request.asOf ?? plan.pricing.asOf ?? clock.today
    }

    /// The plan's price book as of `asOf(for:)`, checked against the reference data (node types, commands, region,
    /// date) — problems name `subject` (exit 3 when only pricing data is missing, else 2) — then calibrated when
    /// `--calibrated` was given.
    public func input(_ plan: Plan, _ provenance: PlanProvenance, file: String, subject: String) throws(AppFailure)
        -> EstimateInput
    {
        let asOf = asOf(for: plan)
        let (book, regions) = try books.book(region: plan.event.region, asOf: asOf) { () throws(AppFailure) in
            try database.run { db in (try db.priceBook(region: plan.event.region, asOf: asOf), try db.regions()) }
        }
        let input = EstimateInput(plan: plan, provenance: provenance, book: book, costs: costs, asOf: asOf)
        let problems = PlanCheck.problems(input, file: file, knownRegions: regions)
        if !problems.isEmpty {
            let lines = problems.map(\.description) + ["\(problems.count) problem(s) in \(subject)"]
            throw problems.allSatisfy(\.isPricing) ? AppFailure.pricing(lines) : AppFailure.input(lines)
        }
        return request.calibrated ? try Calibration.apply(to: input) : input
    }
}
