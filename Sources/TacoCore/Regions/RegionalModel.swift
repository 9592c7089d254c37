import Foundation

/// Sizes and prices a multi-region plan (Docs/Model.md §16) by reusing the single-region estimate:
/// the whole crowd estimated in the home region sizes the shared queue (and a home DynamoDB table); each region's
/// share of the crowd, estimated with that region's price book, sizes its gateway, EKS cluster and — for
/// per-region queues — its own queue and table. Inter-region transfer is priced per GB at the source region.
public enum RegionalModel {
    /// The planned split is a forecast: per-region queues are judged against a crowd whose split is off by this
    /// many percentage points toward the smallest region (an architect's sensitivity, not a measured figure).
    public static let fairnessSkew = 0.10

    /// The plan scaled to one region: its users, its share of the seats, of the backend capacity, of a fixed
    /// admission rate, of the write budget and of the always-on baseline; priced in its price region.
    public static func regionalPlan(_ plan: Plan, site: RegionSite) -> Plan {
        let share = Double(site.users) / Double(max(plan.event.users, 1))
        var p = plan
        p.regions = nil
        p.event.region = site.priceRegion
        p.event.users = max(1, site.users)
        p.event.seats = max(1, Int((Double(plan.event.seats) * share).rounded()))
        p.admission.backendCapacity *= share
        if case .fixed(let r) = p.admission.mode { p.admission.mode = .fixed(r * share) }
        p.admission.writeBudget = p.admission.writeBudget.map { Money($0.amount * Decimal(share)) }
        p.gateway.baselineRPS *= share
        return p
    }

    /// The deployment of `home.plan` (which has `regions`) under `topology`. `full` is the whole crowd's estimate in
    /// the home region (the plan's own estimate); `books` holds each price region's book (a region missing from it
    /// is priced with an empty book: every line UNPRICED).
    ///
    /// `regional` replaces a region's input (its plan already scaled by `regionalPlan`, its book, its evidence): a
    /// per-region fix (`DeploymentFixSearch`) is priced as the whole deployment this way.
    public static func compute(
        _ home: EstimateInput, full: Estimate, books: [String: PriceBook], topology: QueueTopology,
        regional overrides: [String: EstimateInput] = [:]
    ) -> RegionalDeployment? {
        guard let spec = home.plan.regions else { return nil }
        let plan = home.plan
        let homeRegion = plan.event.region
        let total = Double(max(plan.event.users, 1))
        func book(_ region: String) -> PriceBook {
            books[region]
                ?? PriceBook(sheet: PriceSheet(region: region, asOf: home.asOf, quotes: []), specs: [], spot: [])
        }
        var costs: [CostLine] = []
        var reasons: [String] = []
        var status = VerdictStatus.feasible
        var sites: [RegionalDeployment.Site] = []
        var flows: [RegionalDeployment.Flow] = []
        var regionOf: [String] = []  // the region of each cost line
        func add(_ lines: [CostLine], _ region: String) {
            for var l in lines {
                l.component = "\(region): \(l.component)"
                costs.append(l)
                regionOf.append(region)
            }
        }
        func judge(_ e: Estimate, prefixes: [String], region: String) {
            status = max(status, judged(e, prefixes: prefixes))
            reasons += e.verdict.reasons.filter { r in prefixes.contains { r.hasPrefix($0) } }.map {
                "\(region): \($0)"
            }
        }
        let ownQueue = topology == .perRegionQueues
        if !ownQueue {
            add(full.costs.filter { $0.resource == .redis }, homeRegion)
            judge(full, prefixes: queuePrefixes, region: homeRegion)
        }
        if spec.dynamodb == .home {
            add(full.costs.filter { $0.resource == .dynamodb }, homeRegion)
        }
        let perEvent = perEventRequests(full, plan: plan)
        var regional: [(RegionSite, Estimate)] = []
        for site in spec.sites {
            var input = home
            input.plan = regionalPlan(plan, site: site)
            input.book = book(site.priceRegion)
            if let o = overrides[site.region] { input = o }
            let e = Estimate.compute(input)
            regional.append((site, e))
            let share = Double(site.users) / total
            let isHome = site.region == homeRegion
            let before = costs.count
            if ownQueue {
                add(e.costs.filter { $0.resource == .redis }, site.region)
                judge(e, prefixes: regionQueuePrefixes(spec.dynamodb), region: site.region)
            }
            add(e.costs.filter { $0.resource == .eks || $0.resource == .gateway }, site.region)
            judge(e, prefixes: ["Gateway"], region: site.region)
            if spec.dynamodb == .globalTable {
                add(e.costs.filter { $0.resource == .dynamodb }, site.region)
            }
            if topology == .globalDatastore && !isHome, let c = full.redis.chosen ?? full.redis.asPlanned,
                let nodes = c.nodes
            {
                let key = PriceKey.elastiCacheNode(c.nodeType, engine: plan.redis.engine, region: site.priceRegion)
                let line = Costing.hourlyLine(
                    resource: .redis,
                    component:
                        "\(c.nodeType) \(plan.redis.engine.displayName) node (Global Datastore secondary, same shape as the primary)",
                    count: nodes, unit: "node", quote: input.book.sheet.quote(key),
                    eventHours: Costing.eventHours(plan, traffic: full.traffic), alwaysOn: plan.redis.alwaysOn,
                    eventsPerMonth: plan.event.eventsPerMonth)
                add([line], site.region)
            }
            // Flows to and from the home region.
            var roundTrips = 0
            if !isHome {
                let crossing = crossingBytes(plan, topology: topology, store: spec.dynamodb, full: full)
                let fromSite = crossing.reduce(0.0) { $0 + $1.request * rate(full.traffic, $1.driver) * share }
                let toSite = crossing.reduce(0.0) { $0 + $1.reply * rate(full.traffic, $1.driver) * share }
                let fromSiteEvent = crossing.reduce(0.0) { $0 + $1.request * (perEvent[$1.driver] ?? 0) * share }
                let toSiteEvent = crossing.reduce(0.0) { $0 + $1.reply * (perEvent[$1.driver] ?? 0) * share }
                let what = crossing.map(\.api).joined(separator: ", ")
                if fromSite > 0 {
                    flows.append(
                        .init(
                            from: site.region, to: homeRegion, what: "requests of \(what)", bytesPerSecond: fromSite,
                            bytesPerEvent: fromSiteEvent, inferred: false))
                    flows.append(
                        .init(
                            from: homeRegion, to: site.region, what: "replies of \(what)", bytesPerSecond: toSite,
                            bytesPerEvent: toSiteEvent, inferred: false))
                }
                roundTrips =
                    crossing.filter { $0.driver == .poll }.first?.roundTrips ?? 0
                if topology == .globalDatastore {
                    let (perSecond, event) = replicationBytes(plan, full: full, perEvent: perEvent)
                    flows.append(
                        .init(
                            from: homeRegion, to: site.region, what: "Global Datastore replication of queue writes",
                            bytesPerSecond: perSecond, bytesPerEvent: event, inferred: true))
                }
            }
            let rtt = InterRegionFacts.roundTrip(homeRegion, site.region)
            let siteLines = Array(costs[before...])
            let g = e.gateway.chosen
            let queue: String
            switch topology {
            case .perRegionQueues:
                queue = (e.redis.chosen ?? e.redis.asPlanned).map { "\($0.nodes ?? 0) × \($0.nodeType)" } ?? "—"
            case .globalDatastore, .globalQueue:
                let c = full.redis.chosen ?? full.redis.asPlanned
                queue =
                    (isHome || topology == .globalDatastore)
                    ? c.map { "\($0.nodes ?? 0) × \($0.nodeType)" } ?? "—" : "—"
            }
            sites.append(
                .init(
                    region: site.region, priceRegion: site.priceRegion, users: site.users, share: share,
                    role: role(topology, isHome: isHome), gatewayRPS: full.traffic.gatewayRate * share,
                    statusRPS: full.traffic.statusRate * share, redis: queue,
                    gateway: g.map {
                        "\($0.nodes) × \($0.nodeType) (\($0.onDemandNodes) On-Demand + \($0.spotNodes) Spot)"
                    }
                        ?? "no node type fits",
                    statusRoundTrips: roundTrips,
                    statusAddedMs: roundTrips == 0 ? 0 : rtt.map { $0 * Double(roundTrips) },
                    perMonth: siteLines.compactMap(\.perMonth).reduce(.zero, +),
                    unpriced: CostTotals.missing(siteLines)))
        }
        if spec.dynamodb == .globalTable {
            let lines = replicatedWrites(plan, regional: regional, book: book)
            for (region, line) in lines { add([line], region) }
        }
        for f in flows {
            let src = spec.sites.first { $0.region == f.from }?.priceRegion ?? f.from
            let dst = spec.sites.first { $0.region == f.to }?.priceRegion ?? f.to
            add(
                [transferLine(f, quote: InterRegionFacts.transferQuote(book(src), from: src, to: dst), plan: plan)],
                f.from)
        }
        if topology == .globalDatastore {
            let issues = datastoreProblems(spec, full: full)
            if !issues.isEmpty { status = .infeasible }
            reasons += issues
        }
        let totals = Costing.totals(costs)
        var unpriced: [RegionalDeployment.UnpricedRegion] = []
        for site in spec.sites {
            let missing = zip(costs, regionOf).filter { $0.1 == site.region && $0.0.unpriced }.map(\.0)
            guard !missing.isEmpty else { continue }
            let lines = CostTotals.missing(missing)
            unpriced.append(
                .init(
                    region: site.region, missing: lines.map(\.component),
                    fetch: FetchSuggestion(region: site.priceRegion, missing: lines), spelling: home.spelling))
        }
        return RegionalDeployment(
            plan: plan.name, topology: topology, store: spec.dynamodb, home: homeRegion, sites: sites, flows: flows,
            costs: costs, totals: totals,
            budget: budget(topology, spec: spec, full: full, sites: sites, home: homeRegion), status: status,
            reasons: reasons, unpricedRegions: unpriced)
    }

    /// The verdict prefixes of the shared queue, judged on the whole crowd's estimate in the home region.
    public static let queuePrefixes = ["Redis", "DynamoDB", "Backend"]

    /// The verdict prefixes of a region's own queue (per-region queues): its Redis, and its DynamoDB and backend
    /// when the reservation table is a global table written locally.
    public static func regionQueuePrefixes(_ store: ReservationStore) -> [String] {
        ["Redis"] + (store == .globalTable ? ["DynamoDB", "Backend"] : [])
    }

    /// An estimate's verdict counting only the reasons that start with one of `prefixes`: FEASIBLE when none
    /// does and the verdict is INFEASIBLE for another resource (an AT RISK band without a named reason stays).
    public static func judged(_ e: Estimate, prefixes: [String]) -> VerdictStatus {
        let named = e.verdict.reasons.contains { r in prefixes.contains { r.hasPrefix($0) } }
        return named ? e.verdict.status : (e.verdict.status == .infeasible ? .feasible : e.verdict.status)
    }

    /// The three topologies of the same event, in `QueueTopology.allCases` order.
    public static func compareTopologies(_ home: EstimateInput, full: Estimate, books: [String: PriceBook])
        -> [RegionalDeployment]
    {
        QueueTopology.allCases.compactMap { compute(home, full: full, books: books, topology: $0) }
    }

    static func role(_ t: QueueTopology, isHome: Bool) -> String {
        switch (t, isHome) {
        case (.globalQueue, true): "home: the one queue + gateways"
        case (.globalQueue, false): "gateways only; queue calls cross to the home region"
        case (.globalDatastore, true): "home: Global Datastore primary (all writes) + gateways"
        case (.globalDatastore, false): "Global Datastore secondary (local reads) + gateways"
        case (.perRegionQueues, _): "its own queue, seats and admission share + gateways"
        }
    }

    static func rate(_ t: Traffic, _ d: ApiDriver) -> Double { t.rate(of: d) }

    /// Requests of each driver over the whole event for the whole crowd (the one timeline, Docs/Model.md §6.0):
    /// one join per user, status polls = ∫ queue length dt ÷ poll (`UnitEconomics.statusRequests`), heartbeats the
    /// same ∫ ÷ heartbeat, admissions and reservations as admitted on the timeline.
    static func perEventRequests(_ e: Estimate, plan: Plan) -> [ApiDriver: Double] {
        let status = e.unitEconomics.statusRequests
        let heartbeat = plan.clients.heartbeat.map { status * plan.clients.statusPoll.value / $0.value } ?? 0
        return [
            .arrival: Double(plan.event.users), .poll: status, .heartbeat: heartbeat,
            .admission: e.timeline.admitted, .reservation: e.timeline.admitted * plan.dynamodb.attemptsPerUser,
        ]
    }

    /// Per API request of a remote region, the bytes that cross to the home region and back: every Redis
    /// command of the API for `global-queue` (the queue lives in the home region), only its write commands for
    /// `global-datastore` (reads are served by the local secondary), none for `per-region-queues`; plus the item
    /// of each reservation write when the table is in the home region. Round trips: one per crossing command (a
    /// fan-out to other partitions is pipelined into one).
    struct Crossing {
        var api: String
        var driver: ApiDriver
        var request: Double
        var reply: Double
        var roundTrips: Int
    }

    static func crossingBytes(_ plan: Plan, topology: QueueTopology, store: ReservationStore, full: Estimate)
        -> [Crossing]
    {
        let partitions = Double(plan.redis.queuePartitions)
        let n = Double(plan.event.users)
        var out: [Crossing] = []
        for api in plan.apis {
            var c = Crossing(api: api.name, driver: api.driver, request: 0, reply: 0, roundTrips: 0)
            if topology != .perRegionQueues {
                for use in api.commands where topology == .globalQueue || !use.isRead {
                    let calls = use.count * (use.fanOut == .otherPartitions ? partitions - 1 : 1)
                    guard calls > 0 else { continue }
                    c.request += calls * (CommandBytes.request[use.command] ?? 64)
                    c.reply += calls * CommandBytes.reply(use.command, keyspace: n)
                    c.roundTrips += 1
                }
            }
            if store == .home && api.driver == .reservation {
                c.request += plan.dynamodb.itemSize.value
                c.roundTrips += 1
            }
            if c.request > 0 || c.reply > 0 { out.append(c) }
        }
        return out
    }

    /// Global Datastore replicates every write the primary applies to each secondary: the write commands' request
    /// bytes (the command stream), per second at the peak and per event. INFERRED: AWS says the traffic is
    /// billable data transfer but gives neither the rate nor the byte overhead (multi-region-facts.md §3).
    static func replicationBytes(_ plan: Plan, full: Estimate, perEvent: [ApiDriver: Double]) -> (Double, Double) {
        let partitions = Double(plan.redis.queuePartitions)
        var perSecond = 0.0
        var event = 0.0
        for api in plan.apis {
            for use in api.commands where !use.isRead {
                let calls = use.count * (use.fanOut == .otherPartitions ? partitions - 1 : 1)
                let bytes = calls * (CommandBytes.request[use.command] ?? 64)
                perSecond += bytes * full.traffic.rate(of: api.driver)
                event += bytes * (perEvent[api.driver] ?? 0)
            }
        }
        return (perSecond, event)
    }

    static func transferLine(_ f: RegionalDeployment.Flow, quote: PriceQuote?, plan: Plan) -> CostLine {
        let gb = Decimal(exactly: f.bytesPerEvent / InterRegionFacts.bytesPerGB)
        let perEvent = quote.map { $0.usd * gb }
        let events = plan.event.eventsPerMonth
        return CostLine(
            resource: .transfer, component: "\(f.what) → \(f.to)\(f.inferred ? " (rate INFERRED)" : "")",
            quantity: gb, unit: "GB", unitPrice: quote?.usd, hourly: nil, perEvent: perEvent,
            perMonth: perEvent.map { $0 * Decimal(events) },
            basis: "per event × \(events) events/month; billed at the source region \(f.from)",
            priceSource: quote.map {
                $0.source + (f.inferred ? "; INFERRED: that replication is billed at this rate" : "")
            }
                ?? "UNPRICED: no inter-region transfer price for \(f.from)",
            effectiveFrom: quote?.effectiveFrom, confidence: f.inferred ? "inferred" : (quote?.confidence ?? "none"),
            startDocumented: quote?.startDocumented ?? false)
    }

    /// DynamoDB global table: every write made in one region is replicated to each other region, which bills
    /// replicated write request units at its own price (IC-DDB billing shape, multi-region-facts.md §5).
    static func replicatedWrites(_ plan: Plan, regional: [(RegionSite, Estimate)], book: (String) -> PriceBook)
        -> [(String, CostLine)]
    {
        let events = plan.event.eventsPerMonth
        var out: [(String, CostLine)] = []
        for (site, _) in regional {
            let others = regional.filter { $0.0.region != site.region }
            guard !others.isEmpty else { continue }
            let writes = others.reduce(Decimal.zero) {
                $0 + Decimal(exactly: $1.1.dynamodb.expectedWrites) * Decimal($1.1.dynamodb.wruPerWrite)
            }
            let key = PriceKey.dynamoReplicatedWriteRequestUnit(region: site.priceRegion)
            let quote = plan.dynamodb.mode == .onDemand ? book(site.priceRegion).sheet.quote(key) : nil
            let perEvent = quote.map { $0.usd * writes }
            out.append(
                (
                    site.region,
                    CostLine(
                        resource: .dynamodb,
                        component:
                            "replicated writes from \(others.map(\.0.region).joined(separator: ", ")) (global table)",
                        quantity: writes, unit: "replicated write request unit", unitPrice: quote?.usd, hourly: nil,
                        perEvent: perEvent, perMonth: perEvent.map { $0 * Decimal(events) },
                        basis: "per event × \(events) events/month",
                        priceSource: quote?.source
                            ?? (plan.dynamodb.mode == .onDemand
                                ? "UNPRICED: no replicated WRU price in \(site.priceRegion)"
                                : "UNPRICED: provisioned replicated WCU not modelled"),
                        effectiveFrom: quote?.effectiveFrom, confidence: quote?.confidence ?? "none",
                        startDocumented: quote?.startDocumented ?? false)
                ))
        }
        return out
    }

    /// What Global Datastore cannot do for this plan (multi-region-facts.md §4, CONFIRMED).
    static func datastoreProblems(_ spec: RegionsSpec, full: Estimate) -> [String] {
        var out: [String] = []
        if spec.sites.count > InterRegionFacts.globalDatastoreMaxRegions {
            out.append(
                "Global Datastore: \(spec.sites.count) regions, but a Global Datastore spans at most \(InterRegionFacts.globalDatastoreMaxRegions) (1 primary + 2 secondaries)"
            )
        }
        if let c = full.redis.chosen ?? full.redis.asPlanned,
            let size = c.nodeType.split(separator: ".").last.map(String.init),
            InterRegionFacts.globalDatastoreSmallSizes.contains(size)
        {
            out.append("Global Datastore: \(c.nodeType) is below the supported sizes (large and above)")
        }
        return out
    }

    static func budget(
        _ t: QueueTopology, spec: RegionsSpec, full: Estimate, sites: [RegionalDeployment.Site], home: String
    ) -> RegionalDeployment.Budget {
        let worst: Double? =
            sites.contains { $0.statusAddedMs == nil } ? nil : sites.compactMap(\.statusAddedMs).max() ?? 0
        let a = full.admission.rate
        switch t {
        case .globalQueue:
            return .init(
                worstStatusAddedMs: worst, freshnessSeconds: 0, stalePositions: 0,
                freshness: "positions read from the one queue: exact when answered",
                globalOrder: true,
                fairness: "one queue: the whole crowd is served first come, first served across regions")
        case .globalDatastore:
            let rtts = sites.filter { $0.region != home }.compactMap { InterRegionFacts.roundTrip(home, $0.region) }
            let oneWay = (rtts.max() ?? 0) / 2 / 1000
            let fresh = InterRegionFacts.globalDatastoreLagSeconds + oneWay
            return .init(
                worstStatusAddedMs: worst, freshnessSeconds: fresh, stalePositions: a * fresh,
                freshness:
                    "a secondary's position can be \(Format.number(fresh, maxDecimals: 3)) s old (replication lag < \(Format.plain(InterRegionFacts.globalDatastoreLagSeconds)) s + one-way \(Format.number(oneWay * 1000, maxDecimals: 1)) ms): up to \(Format.number(a * fresh, maxDecimals: 0)) positions behind at \(Format.number(a, maxDecimals: 1)) admissions/s",
                globalOrder: true,
                fairness: "one queue (writes on the primary): first come, first served across regions")
        case .perRegionQueues:
            let total = Double(max(sites.reduce(0) { $0 + $1.users }, 1))
            let smallest = sites.min { $0.share < $1.share }
            let share = smallest?.share ?? 1
            let skewed = min(1, share + fairnessSkew)
            let drain = a > 0 ? total / a : 0
            let late = share > 0 ? drain * skewed / share : 0
            return .init(
                worstStatusAddedMs: 0, freshnessSeconds: 0, stalePositions: 0,
                freshness: "positions read from the region's own queue: exact within the region",
                globalOrder: false,
                fairness:
                    "no global order: each region's crowd is ordered only among itself; if \(Format.plain(fairnessSkew * 100)) points more of the crowd than planned comes to \(smallest?.region ?? "—") (\(Format.plain(share * 100)) % → \(Format.plain(skewed * 100)) %), \(Format.number(fairnessSkew * total, maxDecimals: 0)) users queue there and its last admission comes at \(Format.number(late, maxDecimals: 0)) s instead of \(Format.number(drain, maxDecimals: 0)) s (×\(Format.number(skewed / share, maxDecimals: 2))), while other regions drain early"
            )
        }
    }
}

extension RegionalModel {
    /// The other topologies as automatic levers against the planned deployment: computed only when
    /// both totals are complete (an UNPRICED total states no saving, never $0), infeasible with its reason.
    public static func topologyLevers(planned: RegionalDeployment, topologies: [RegionalDeployment])
        -> [AutomaticLever]
    {
        topologies.filter { $0.topology != planned.topology }.map { t in
            let status: LeverStatus =
                t.status == .infeasible
                ? .infeasible : (t.totals.complete && planned.totals.complete ? .computed : .unpriced)
            let computed = status == .computed
            return AutomaticLever(
                kind: .topology, name: "queue topology",
                change: "\(planned.topology.rawValue) → \(t.topology.rawValue)",
                fields: ["regions.topology"], status: status, perEvent: t.totals.perEvent, perMonth: t.totals.perMonth,
                savingPerMonth: computed ? planned.totals.perMonth - t.totals.perMonth : nil,
                savingPerEvent: computed ? planned.totals.perEvent - t.totals.perEvent : nil,
                reason: status == .infeasible
                    ? t.reasons.first
                    : (status == .unpriced
                        ? "UNPRICED lines in \(Set(t.unpricedRegions.map(\.region) + planned.unpricedRegions.map(\.region)).sorted().joined(separator: ", "))"
                        : "status poll \(t.budget.worstStatusAddedMs.map { "+" + Format.number($0, maxDecimals: 1) + " ms" } ?? "not measured"), freshness \(Format.number(t.budget.freshnessSeconds, maxDecimals: 3)) s, global order \(t.budget.globalOrder ? "kept" : "lost")")
            )
        }
    }
}
