import Foundation

extension Reconciliation {
    /// Reconciles `rows` (already selected, `BillSelection`) with the estimate of `plan` over `window`.
    public static func build(_ e: Estimate, plan: Plan, rows: [BillRow], window: ReconcileWindow) -> Reconciliation {
        var tally = BillTally(e, plan: plan)
        for row in rows { tally.add(row) }
        return build(e, plan: plan, tally: tally, window: window)
    }

    /// Reconciles the rows `tally` has summed (streamed by the caller, so memory stays bounded by the number of
    /// resources and groups, not rows) with the estimate of `plan` over `window`.
    public static func build(_ e: Estimate, plan: Plan, tally: BillTally, window: ReconcileWindow) -> Reconciliation {
        let hours = BillInstant.hours(from: window.from, to: window.to)
        let events = Decimal(window.events)
        let planned = plannedGroups(e, plan: plan, hours: hours, events: events)
        let billed = tally.billed
        let groups = tally.groups
        let billedTotal = tally.billedTotal
        let spot = spotShares(e, billed)
        var lines: [Line] = []
        for resource in Set(planned.keys).union(billed.keys).sorted() {
            let p = planned[resource]
            let b = billed[resource] ?? BillTally.Sum()
            var line = Line(
                resource: resource.resource, label: resource.label, unit: resource.unit, modelled: resource.modelled,
                plannedCost: p?.cost, plannedQuantity: p?.quantity, plannedUnitPrice: p?.unitPrice,
                billedCost: Money(b.cost), billedQuantity: b.quantity,
                paidUnitPrice: b.quantity == 0 ? nil : Money(b.cost / b.quantity),
                variance: p?.cost.map { Money(b.cost) - $0 }, rows: b.rows, causes: [])
            line.causes = causes(resource, line, spot: spot)
            lines.append(line)
        }
        let plannedTotal = lines.compactMap(\.plannedCost).reduce(.zero, +)
        let awsBilled =
            billedTotal - groups.values.filter { $0.bucket == "other provider" }.reduce(0) { $0 + $1.billedCost.amount }
        // Unit economics with the estimate's definitions (UnitEconomics, Docs/Model.md §6.2): per event = cost ÷
        // events; per admitted user = per event ÷ users admitted per event; per seat = per event ÷ min(seats,
        // admitted). Planned admissions are the estimate's timeline; billed ones `--admitted` when given.
        let plannedAdmittedPerEvent = Decimal(exactly: e.unitEconomics.admittedUsers)
        let admitted = window.admittedUsers.map { Decimal($0) } ?? plannedAdmittedPerEvent * events
        let seats = Decimal(plan.event.seats)
        func per(_ total: Decimal, _ n: Decimal) -> Money? { n > 0 ? Money(total / n) : nil }
        let plannedPerEvent = per(plannedTotal.amount, events)
        let billedPerEvent = per(awsBilled, events)
        let billedAdmittedPerEvent = events > 0 ? admitted / events : 0
        return Reconciliation(
            plan: e.plan, from: window.from, to: window.to, hours: hours, events: window.events, lines: lines,
            groups: groups.values.sorted {
                ($0.bucket, $1.billedCost.amount, $0.name) < ($1.bucket, $0.billedCost.amount, $1.name)
            },
            plannedTotal: plannedTotal, billedTotal: Money(billedTotal), attributedTotal: Money(tally.attributedTotal),
            rowsSelected: tally.rowsSelected, rowsAttributed: tally.rowsAttributed, plannedSpotShare: spot.planned,
            billedSpotShare: spot.billed, admittedUsers: admitted,
            plannedPerUser: plannedPerEvent.flatMap { p in per(p.amount, plannedAdmittedPerEvent) },
            billedPerUser: billedPerEvent.flatMap { b in per(b.amount, billedAdmittedPerEvent) },
            plannedPerEvent: plannedPerEvent, billedPerEvent: billedPerEvent,
            plannedPerSeat: plannedPerEvent.flatMap { p in per(p.amount, min(seats, plannedAdmittedPerEvent)) },
            billedPerSeat: billedPerEvent.flatMap { b in per(b.amount, min(seats, billedAdmittedPerEvent)) },
            verdict: e.verdict.status.rawValue)
    }

    /// The plan's Redis cluster as configured — its first candidate node type, shards × (1 + replicas) nodes —
    /// priced like the estimate's line (`Costing.hourlyLine`) even when sizing finds it INFEASIBLE: the estimate
    /// then has a Redis line without a cost (`Costing.lines`, "no candidate fits"), yet the cluster runs and is
    /// billed. Once the estimate keeps the as-planned cost itself, its own priced line is used instead.
    static func asPlannedRedis(_ e: Estimate, plan: Plan) -> (nodeType: String, line: CostLine)? {
        if let c = e.redis.chosen { return e.costs.first { $0.resource == .redis }.map { (c.nodeType, $0) } }
        guard let type = plan.redis.candidates.first else { return nil }
        let candidate = e.redis.candidates.first { $0.nodeType == type }
        let shards = candidate?.shards ?? max(plan.redis.minShards, candidate?.memoryShards ?? 0)
        let nodes = candidate?.nodes ?? shards * (1 + plan.redis.replicas)
        if let own = e.costs.first(where: { $0.resource == .redis && $0.unitPrice != nil }) { return (type, own) }
        let line = Costing.hourlyLine(
            resource: .redis, component: "\(type) \(plan.redis.engine.displayName) node (as planned)", count: nodes,
            unit: "node", quote: candidate?.price, eventHours: Costing.eventHours(plan, traffic: e.traffic),
            alwaysOn: plan.redis.alwaysOn, eventsPerMonth: plan.event.eventsPerMonth)
        return (type, line)
    }

    /// The estimate's cost lines with the Redis line as planned (`asPlannedRedis`).
    static func asPlannedLines(_ e: Estimate, plan: Plan) -> [CostLine] {
        guard let redis = asPlannedRedis(e, plan: plan) else { return e.costs }
        return e.costs.map { $0.resource == .redis ? redis.line : $0 }
    }

    /// Users admitted per sale as the plan expects them: the DynamoDB expected writes ÷ attempts per user
    /// (min(users, admission rate × window), Docs/Model.md §5).
    static func plannedAdmissions(_ e: Estimate, plan: Plan) -> Decimal? {
        guard plan.dynamodb.attemptsPerUser > 0 else { return nil }
        return Money(Decimal(exactly: e.dynamodb.expectedWrites) / Decimal(exactly: plan.dynamodb.attemptsPerUser))
            .rounded(0)
    }

    typealias Planned = (cost: Money?, quantity: Decimal?, unitPrice: Money?)

    /// The plan's cost lines over the window, per resource. Always-on lines run every hour of the window
    /// (hourly × hours); event lines run once per sale (per event × events). Costs are the lines' own figures.
    static func plannedGroups(_ e: Estimate, plan: Plan, hours: Decimal, events: Decimal) -> [BillResource: Planned] {
        let eventHours = Costing.eventHours(plan, traffic: e.traffic)
        var out: [BillResource: Planned] = [:]
        for line in asPlannedLines(e, plan: plan) {
            guard let resource = resource(of: line, e, plan: plan) else { continue }
            let hourlyResource = line.unit == "node" || line.unit == "cluster"
            let cost: Money?
            let quantity: Decimal
            if line.basis.hasPrefix("always on") {
                cost = line.hourly.map { $0 * hours }
                quantity = line.quantity * hours
            } else {
                cost = line.perEvent.map { $0 * events }
                if hourlyResource {
                    // Hours per sale of this line: per event ÷ (price × count), which is the event hours or the
                    // pre-warm lead; the plan's event hours when the line is UNPRICED.
                    let lineHours =
                        line.unitPrice.flatMap { p in
                            line.perEvent.map { $0.amount / (p.amount * line.quantity) }
                        } ?? eventHours
                    quantity = line.quantity * lineHours * events
                } else {
                    quantity = line.quantity * events
                }
            }
            var p = out[resource] ?? (cost: .zero, quantity: 0, unitPrice: line.unitPrice)
            p.cost = cost.flatMap { c in p.cost.map { $0 + c } }
            p.quantity = (p.quantity ?? 0) + quantity
            out[resource] = p
        }
        return out
    }

    static func resource(of line: CostLine, _ e: Estimate, plan: Plan) -> BillResource? {
        switch line.resource {
        case .redis: return asPlannedRedis(e, plan: plan).map { .cacheNodes(nodeType: $0.nodeType) }
        case .eks: return .eksControlPlane
        case .gateway:
            return e.gateway.chosen.map {
                .gatewayNodes(nodeType: $0.nodeType, purchase: line.component.contains("Spot") ? .spot : .onDemand)
            }
        case .dynamodb: return line.unit == "WCU-hour" ? .dynamoWriteCapacity : .dynamoWrites
        case .transfer: return nil
        }
    }

    typealias Shares = (planned: Decimal?, billed: Decimal?)

    static func spotShares(_ e: Estimate, _ billed: [BillResource: BillTally.Sum])
        -> Shares
    {
        guard let g = e.gateway.chosen, g.nodes > 0 else { return (nil, nil) }
        let planned = Decimal(g.spotNodes) / Decimal(g.nodes)
        var spot = Decimal.zero
        var all = Decimal.zero
        for (r, b) in billed {
            guard case .gatewayNodes(_, let p) = r else { continue }
            all += b.quantity
            if p == .spot { spot += b.quantity }
        }
        return (planned, all > 0 ? spot / all : nil)
    }

    static func causes(_ r: BillResource, _ l: Line, spot: Shares) -> [VarianceCause] {
        guard r.modelled else {
            return [
                VarianceCause(
                    kind: .notModelled,
                    message:
                        "billed, but the plan's cost model does not price \(r.resource == "data transfer" ? "data transfer" : "DynamoDB reads") (Docs/Model.md §10)"
                )
            ]
        }
        guard let pq = l.plannedQuantity else {
            if case .gatewayNodes(_, .committed) = r {
                return [
                    VarianceCause(
                        kind: .commitment,
                        message:
                            "\(n(l.billedQuantity)) node-hours covered by a Reserved Instance or Savings Plan; the plan assumed On-Demand and Spot"
                    )
                ]
            }
            return [VarianceCause(kind: .notBilled, message: "billed but not planned")]
        }
        if l.rows == 0 {
            return [
                VarianceCause(kind: .notBilled, message: "planned \(n(pq)) \(l.unit)s, nothing billed in the window")
            ]
        }
        var out: [VarianceCause] = []
        let hourly = l.unit.hasSuffix("-hour") && l.unit != "WCU-hour"
        if VarianceCause.differs(l.billedQuantity, pq) {
            let more = l.billedQuantity > pq
            if hourly {
                out.append(
                    VarianceCause(
                        kind: more ? .moreHours : .fewerHours,
                        message:
                            "\(n(l.billedQuantity)) \(l.unit)s billed vs \(n(pq)) planned (\(ratio(l.billedQuantity, pq))× the plan's hours: "
                            + (more ? "nodes ran outside the event hours" : "fewer nodes or hours than planned") + ")"))
            } else {
                out.append(
                    VarianceCause(
                        kind: more ? .moreUnits : .fewerUnits,
                        message:
                            "\(n(l.billedQuantity)) \(l.unit) billed vs \(n(pq)) expected (\(ratio(l.billedQuantity, pq))×: "
                            + (more ? "more writes than the expected writes" : "fewer writes than expected") + ")"))
            }
        }
        if case .gatewayNodes(_, .spot) = r, let p = spot.planned, let b = spot.billed, b < p - VarianceCause.tolerance
        {
            out.append(
                VarianceCause(
                    kind: .lowerSpotShare,
                    message: "Spot was \(pct(b)) of gateway node-hours vs \(pct(p)) planned: On-Demand ran in its place"
                ))
        }
        if let planned = l.plannedUnitPrice, let paid = l.paidUnitPrice,
            VarianceCause.differs(paid.amount, planned.amount)
        {
            out.append(
                VarianceCause(
                    kind: .priceChanged,
                    message:
                        "paid \(Format.unitPrice(Money(paid.rounded(8)))) per \(l.unit) vs \(Format.unitPrice(planned)) planned (\(signedPct((paid.amount - planned.amount) / planned.amount)))"
                ))
        }
        if l.plannedCost == nil {
            out.append(VarianceCause(kind: .unpricedPlan, message: "UNPRICED in the plan: no cost variance"))
        }
        return out
    }

    static func n(_ d: Decimal) -> String { Format.number(d.doubleValue, maxDecimals: 2) }
    static func ratio(_ a: Decimal, _ b: Decimal) -> String { Format.number((a / b).doubleValue, maxDecimals: 1) }
    static func pct(_ d: Decimal) -> String { Format.percent(d.doubleValue) }
    static func signedPct(_ d: Decimal) -> String { (d > 0 ? "+" : "") + Format.percent(d.doubleValue) }
}
