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

    /// The estimate input of the home region and the price books read, to re-compute at another scale.
    var input: EstimateInput
    var books: [String: PriceBook]

    /// The cheapest topology per month that is not INFEASIBLE, among those whose totals are complete: a total with
    /// UNPRICED lines is a lower bound and ranks nothing.
    public var cheapestFeasible: RegionalDeployment? {
        topologies.filter { $0.status != .infeasible && $0.totals.complete }.min {
            $0.totals.perMonth < $1.totals.perMonth
        }
    }

    /// Reads the price book of every price region of the plan (once per run), then computes the deployment and
    /// the topology comparison. nil for a single-region plan.
    public static func make(_ input: EstimateInput, estimate: Estimate, evidence: Evidence) -> RegionsAssessment? {
        guard let spec = input.plan.regions else { return nil }
        var books: [String: PriceBook] = [input.plan.event.region: input.book]
        for site in spec.sites where books[site.priceRegion] == nil {
            books[site.priceRegion] = try? evidence.book(region: site.priceRegion, asOf: input.asOf)
        }
        return make(input, estimate: estimate, books: books)
    }

    /// The same from books in hand (tests).
    public static func make(_ input: EstimateInput, estimate: Estimate, books: [String: PriceBook])
        -> RegionsAssessment?
    {
        guard let spec = input.plan.regions,
            let planned = RegionalModel.compute(input, full: estimate, books: books, topology: spec.topology)
        else { return nil }
        return RegionsAssessment(
            deployment: planned, topologies: RegionalModel.compareTopologies(input, full: estimate, books: books),
            input: input, books: books)
    }

    /// The three topologies with the crowd scaled to `users` (each region keeps its share), on the same books.
    public func topologies(atUsers users: Int) -> [RegionalDeployment] {
        var i = input
        let old = Double(max(i.plan.event.users, 1))
        i.plan.event.users = users
        if var spec = i.plan.regions {
            for k in spec.sites.indices {
                spec.sites[k].users = Int((Double(spec.sites[k].users) * Double(users) / old).rounded())
            }
            i.plan.regions = spec
        }
        return RegionalModel.compareTopologies(i, full: Estimate.compute(i), books: books)
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
