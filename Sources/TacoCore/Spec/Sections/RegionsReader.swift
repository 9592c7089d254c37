import Yams

/// Reads the optional `regions:` section (Docs/PlanSpec.md "regions"): topology, reservation store and a mapping
/// from region code to `share` or `users` (and `price_region`). Users must add up to `event.users` and the home
/// region (`event.region`) must be listed.
enum RegionsReader {
    static func read(_ node: Node?, event: EventSpec?, ctx: ReadContext) -> RegionsSpec?? {
        guard let node else { return .some(nil) }
        let r = FieldReader(node, path: "regions", ctx: ctx)
        let topology = r.optional(
            "topology", "global-queue, global-datastore or per-region-queues", default: QueueTopology.globalQueue,
            note: "global-queue (one queue in the home region)"
        ) { r.choice($0, $1, "topology", QueueTopology.self) }
        let store = r.optional(
            "dynamodb", "global-table or home", default: ReservationStore.home, note: "home (one table in event.region)"
        ) { r.choice($0, $1, "dynamodb", ReservationStore.self) }
        guard let sitesNode = r.raw("sites") else {
            ctx.problem(
                node, "regions.sites", "is required (the regions of the sale)",
                fix: "add `sites: { ap-northeast-2: { share: 70% }, ap-northeast-1: { share: 30% } }` under `regions`")
            r.finish()
            return nil
        }
        r.finish()
        let top = FieldReader(sitesNode, path: "regions.sites", ctx: ctx)
        guard top.pairs.count <= RegionsSpec.maxSites else {
            ctx.problem(
                sitesNode, "regions.sites", "lists \(top.pairs.count) regions, more than \(RegionsSpec.maxSites)",
                fix: "plan at most \(RegionsSpec.maxSites) regions")
            return nil
        }
        var sites: [RegionSite] = []
        var failed = false
        let total = event?.users ?? 0
        for pair in top.pairs {
            let path = "regions.sites.\(pair.key)"
            let s = FieldReader(top.raw(pair.key), path: path, ctx: ctx)
            let share: Double? = s.optional("share", "a fraction", default: nil, note: "") {
                s.fraction($0, $1, "share", allowZero: false)
            }
            let own: Int? = s.optional("users", "a whole number", default: nil, note: "") {
                s.positiveInt($0, $1, "users")
            }
            let price = s.optional("price_region", "a region code", default: pair.key, note: "the region itself") {
                t, _ in t
            }
            s.finish()
            guard (share == nil) != (own == nil) else {
                ctx.problem(
                    pair.keyNode, path, "needs exactly one of `share` or `users`",
                    fix: "write `\(pair.key): { share: 30% }` or `\(pair.key): { users: 90000 }`")
                failed = true
                continue
            }
            let users = own ?? Int(((share ?? 0) * Double(total)).rounded())
            sites.append(RegionSite(region: pair.key, priceRegion: price, users: users))
        }
        guard !failed, let event else { return nil }
        if sites.isEmpty {
            ctx.problem(sitesNode, "regions.sites", "lists no region", fix: "list at least the home region")
            return nil
        }
        if !sites.contains(where: { $0.region == event.region }) {
            ctx.problem(
                sitesNode, "regions.sites", "does not list the home region '\(event.region)' (event.region)",
                fix: "add `\(event.region): { share: … }` or set event.region to one of the listed regions")
            return nil
        }
        let sum = sites.reduce(0) { $0 + $1.users }
        // Shares are rounded to whole users, so allow one user of rounding per region.
        if abs(sum - event.users) > sites.count {
            ctx.problem(
                sitesNode, "regions.sites",
                "the regions' users add up to \(sum), not event.users = \(event.users)",
                fix: "make the shares add up to 100 % (or the users to \(event.users))")
            return nil
        }
        return .some(RegionsSpec(topology: topology, dynamodb: store, sites: sites))
    }
}
