import TacoCore
import TacoData

/// The evidence one run uses, loaded once: the database (price book), the per-command costs and the rung of the
/// evidence ladder (Docs/Model.md §14). `input(…)` turns any plan or variant into a checked `EstimateInput` on the
/// ladder's rung, so every estimate of a run — the plan, its variants, the report's levers, the sweep — rests on the
/// same evidence.
public struct Evidence: Sendable {
    public let request: EvidenceRequest
    public let database: AppDatabase
    /// The costs as given: `--costs FILE`, else the bundled reference (what `validate` fits against).
    public let costs: CommandCostTable
    /// The bundled reference VM's costs: the ladder's last rung.
    public let referenceCosts: CommandCostTable
    public let clock: Clock
    /// Price books already read in this run, by region and day: `compare` and `report` check every variant of a
    /// plan, which would otherwise read the same book from SQLite once per variant.
    let books = PriceBookCache()

    public static func load(_ request: EvidenceRequest, access: DatabaseAccess, context: AppContext)
        throws(AppFailure) -> Evidence
    {
        let database = try DatabaseOpener.open(request.db, access: access, context: context)
        let costs = try CommandCosts.load(request.costsFile)
        let reference = request.costsFile == nil ? costs : try CommandCosts.load(nil)
        return Evidence(
            request: request, database: database, costs: costs, referenceCosts: reference, clock: context.clock)
    }

    /// `--as-of`, else the plan's `pricing.as_of`, else today.
    public func asOf(for plan: Plan) -> Day {
        request.asOf ?? plan.pricing.asOf ?? clock.today
    }

    /// The plan's price book as of `asOf` (the caller's, else `asOf(for:)`), checked against the reference data (node types, commands, region,
    /// date) — problems name `subject` (exit 3 when only pricing data is missing, else 2) — then on the evidence
    /// ladder's rung (`Calibration.select`).
    public func input(
        _ plan: Plan, _ provenance: PlanProvenance, file: String, subject: String, asOf known: Day? = nil
    ) throws(AppFailure) -> EstimateInput {
        try Calibration.select(
            checkedInput(plan, provenance, file: file, subject: subject, asOf: known), request: request,
            reference: referenceCosts)
    }

    /// The plan's price book as of `asOf`, checked against the reference data, with the costs as given (`--costs
    /// FILE` or the bundled reference) and off the evidence ladder: what `validate` fits against and what the
    /// ladder starts from.
    func checkedInput(
        _ plan: Plan, _ provenance: PlanProvenance, file: String, subject: String, asOf known: Day? = nil
    ) throws(AppFailure) -> EstimateInput {
        let asOf = known ?? asOf(for: plan)
        let (book, regions) = try books.book(region: plan.event.region, asOf: asOf) { () throws(AppFailure) in
            try database.run { db in (try db.priceBook(region: plan.event.region, asOf: asOf), try db.regions()) }
        }
        var input = EstimateInput(plan: plan, provenance: provenance, book: book, costs: costs, asOf: asOf)
        input.spelling = CommandSpelling.commandLine
        let problems = PlanCheck.problems(input, file: file, knownRegions: regions)
        if !problems.isEmpty {
            let lines = problems.map(\.description) + ["\(problems.count) problem(s) in \(subject)"]
            throw problems.allSatisfy(\.isPricing) ? AppFailure.pricing(lines) : AppFailure.input(lines)
        }
        return input
    }
}
