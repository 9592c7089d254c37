import TacoCore

/// The multi-region part of the one assessment: the plan's deployment under its own topology, the
/// same event under every topology side by side, and the cheapest topology that is not INFEASIBLE.
public struct RegionsAssessment: Sendable {
    /// The deployment as planned (the plan's `regions.topology`).
    public var deployment: RegionalDeployment
    /// global-queue, global-datastore, per-region-queues of the same event (the topology levers).
    public var topologies: [RegionalDeployment]
    /// The other topologies as automatic levers against the planned one.
    public var levers: [AutomaticLever] {
        RegionalModel.topologyLevers(planned: deployment, topologies: topologies)
    }

    /// The cheapest change that makes the whole deployment pass (`DeploymentFixSearch`: per failing region and
    /// across topologies, the whole deployment priced with the fix): the one fix every command shows.
    public var fix: DeploymentFixResult?

    /// The estimate input of the home region and the price books read, to re-compute at another scale; `rung` puts
    /// a changed plan on the evidence ladder exactly as the assessment's fix search does.
    var input: EstimateInput
    var books: [String: PriceBook]
    var rung: (@Sendable (Plan) -> EstimateInput?)?

    /// The cheapest topology per month that is not INFEASIBLE, among those whose totals are complete: a total with
    /// UNPRICED lines is a lower bound and ranks nothing.
    public var cheapestFeasible: RegionalDeployment? {
        topologies.filter { $0.status != .infeasible && $0.totals.complete }.min {
            $0.totals.perMonth < $1.totals.perMonth
        }
    }

    /// Reads the price book of every price region of the plan (once per run), then computes the deployment, the
    /// topology comparison and the deployment's fix on the evidence ladder. nil for a single-region plan.
    public static func make(_ loaded: LoadedPlan, estimate: Estimate, evidence: Evidence) -> RegionsAssessment? {
        make(loaded.input, estimate: estimate, evidence: evidence, rung: loaded.rung(evidence))
    }

    /// The same for an input in hand; `searchFix: false` (compare's variant columns) skips the fix search.
    public static func make(
        _ input: EstimateInput, estimate: Estimate, evidence: Evidence,
        rung: (@Sendable (Plan) -> EstimateInput?)? = nil, searchFix: Bool = true
    ) -> RegionsAssessment? {
        guard let spec = input.plan.regions else { return nil }
        var books: [String: PriceBook] = [input.plan.event.region: input.book]
        for site in spec.sites where books[site.priceRegion] == nil {
            books[site.priceRegion] = try? evidence.book(region: site.priceRegion, asOf: input.asOf)
        }
        return make(input, estimate: estimate, books: books, rung: rung, searchFix: searchFix)
    }

    /// The same from books in hand (tests: `rung` nil reuses the input's evidence).
    public static func make(
        _ input: EstimateInput, estimate: Estimate, books: [String: PriceBook],
        rung: (@Sendable (Plan) -> EstimateInput?)? = nil, searchFix: Bool = true
    ) -> RegionsAssessment? {
        guard let spec = input.plan.regions,
            let planned = RegionalModel.compute(input, full: estimate, books: books, topology: spec.topology)
        else { return nil }
        return RegionsAssessment(
            deployment: planned, topologies: RegionalModel.compareTopologies(input, full: estimate, books: books),
            fix: searchFix
                ? DeploymentFixSearch.search(input, full: estimate, books: books, planned: planned, rung: rung) : nil,
            input: input, books: books, rung: rung)
    }

    /// The three topologies with the crowd scaled to `users` (each region keeps its share), on the same books.
    public func topologies(atUsers users: Int) -> [RegionalDeployment] {
        let (i, e) = scaled(users)
        return RegionalModel.compareTopologies(i, full: e, books: books)
    }

    /// Each topology's fix with the crowd scaled to `users`: the same search as the deployment's own fix
    /// (`DeploymentFixSearch`), so the 100k part names what `estimate` would name at that crowd.
    public func fixes(atUsers users: Int) -> DeploymentFixResult? {
        let (i, e) = scaled(users)
        guard let spec = i.plan.regions,
            let planned = RegionalModel.compute(i, full: e, books: books, topology: spec.topology)
        else { return nil }
        return DeploymentFixSearch.search(i, full: e, books: books, planned: planned, rung: rung)
    }

    /// The home input with the crowd scaled to `users` (each region keeps its share) and its estimate, as the
    /// sweep sizes its points (the input's own evidence); the fix search puts each candidate on the ladder.
    func scaled(_ users: Int) -> (EstimateInput, Estimate) {
        var i = input
        i.plan = Self.scale(i.plan, users: users)
        return (i, Estimate.compute(i))
    }

    static func scale(_ plan: Plan, users: Int) -> Plan {
        var p = plan
        let old = Double(max(p.event.users, 1))
        p.event.users = users
        if var spec = p.regions {
            for k in spec.sites.indices {
                spec.sites[k].users = Int((Double(spec.sites[k].users) * Double(users) / old).rounded())
            }
            p.regions = spec
        }
        return p
    }
}

extension LoadedPlan {
    /// A changed plan on the evidence ladder exactly as `Assessment.make` puts each fix candidate (`Evidence.input`):
    /// nil when the changed plan does not check.
    public func rung(_ evidence: Evidence) -> @Sendable (Plan) -> EstimateInput? {
        let provenance = variant?.provenance ?? family.baseProvenance
        let file = family.file
        let subject = path
        return { plan in try? evidence.input(plan, provenance, file: file, subject: subject) }
    }
}

extension Evidence {
    /// One region's price book as of `asOf`, read once per run (a region with no rows gives an empty book).
    func book(region: String, asOf: Day) throws(AppFailure) -> PriceBook {
        try books.book(region: region, asOf: asOf) { () throws(AppFailure) in
            try database.run { db in (try db.priceBook(region: region, asOf: asOf), try db.regions()) }
        }.0
    }
}
