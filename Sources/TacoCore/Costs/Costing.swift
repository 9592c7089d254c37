import Foundation

/// Turns the sized resources into priced cost lines (Docs/Model.md §6): hourly resources × event hours or ×
/// `AWSLimits.hoursPerMonth`, DynamoDB writes × WRU price.
enum Costing {
    /// What a gateway pre-warm adds to one event: nodes × On-Demand $/h × lead ÷ 3,600 s/h (the nodes are On-Demand
    /// while they wait: Spot capacity is not requested before the sale); nil = UNPRICED, zero when not needed.
    static func preWarmPerEvent(_ preWarm: GatewaySizing.PreWarm, onDemandHourly price: Money?) -> Money? {
        guard preWarm.needed else { return .zero }
        return price.map { $0 * Decimal(preWarm.nodes) * preWarm.leadHours }
    }

    /// Event hours: the one event timeline's length (the window, extended when the queue drains after it closes,
    /// at most 24 h; Docs/Model.md §6.0).
    static func eventHours(_ plan: Plan, traffic: Traffic) -> Decimal {
        let t = EventTimeline(users: plan.event.users, window: plan.event.window, admissionRate: traffic.admissionRate)
        return Decimal(exactly: t.eventSeconds) / Decimal(exactly: TimeUnits.secondsPerHour)
    }

    /// An hourly amount over one event and over one month (Docs/Model.md §6): per event = hourly × event hours; per
    /// month = hourly × `AWSLimits.hoursPerMonth` when the resource is always on, else per event × events per month.
    /// The one place an hourly price becomes event and month money: cost lines and every search option use it.
    public static func spread(hourly: Money, eventHours: Decimal, alwaysOn: Bool, eventsPerMonth: Int)
        -> (perEvent: Money, perMonth: Money)
    {
        let perEvent = hourly * eventHours
        return (perEvent, alwaysOn ? hourly * AWSLimits.hoursPerMonth : perEvent * Decimal(eventsPerMonth))
    }

    /// `spread`'s figure the search ranks by: per event or per month.
    static func cost(
        hourly: Money, eventHours: Decimal, alwaysOn: Bool, eventsPerMonth: Int, objective: SearchObjective
    ) -> Money {
        let s = spread(hourly: hourly, eventHours: eventHours, alwaysOn: alwaysOn, eventsPerMonth: eventsPerMonth)
        return objective == .perMonth ? s.perMonth : s.perEvent
    }

    static func hourlyLine(
        resource: ResourceKind, component: String, count: Int, unit: String, quote: PriceQuote?,
        priceOverride: Money? = nil,
        sourceNote: String = "", eventHours: Decimal, alwaysOn: Bool, eventsPerMonth: Int
    ) -> CostLine {
        let price = priceOverride ?? quote?.usd
        let hourly = price.map { $0 * Decimal(count) }
        let spread = hourly.map {
            Self.spread(hourly: $0, eventHours: eventHours, alwaysOn: alwaysOn, eventsPerMonth: eventsPerMonth)
        }
        let perEvent = spread?.perEvent
        let perMonth = spread?.perMonth
        let hours = Format.number(eventHours.doubleValue, maxDecimals: 4)
        return CostLine(
            resource: resource, component: component, quantity: Decimal(count), unit: unit, unitPrice: price,
            hourly: hourly, perEvent: perEvent, perMonth: perMonth,
            basis: alwaysOn
                ? "always on: \(AWSLimits.hoursPerMonth) h/month; per event: \(hours) h"
                : "per event: \(hours) h × \(eventsPerMonth) events/month",
            priceSource: quote.map { $0.source + sourceNote } ?? "UNPRICED: no price in force",
            effectiveFrom: quote?.effectiveFrom,
            confidence: quote?.confidence ?? "none", startDocumented: quote?.startDocumented ?? false)
    }

    static func lines(
        _ input: EstimateInput, traffic: Traffic, redis: PricedRedis, gateway: PricedGateway, dynamo: PricedDynamo
    ) -> [CostLine] {
        let plan = input.plan
        let hours = eventHours(plan, traffic: traffic)
        let events = plan.event.eventsPerMonth
        var out: [CostLine] = []
        if redis.chosen == nil, let a = redis.asPlanned, let nodes = a.nodes {
            // As planned and failing: priced all the same, labelled INFEASIBLE, kept in every total.
            var line = hourlyLine(
                resource: .redis, component: "\(a.nodeType) \(plan.redis.engine.displayName) node (as planned)",
                count: nodes, unit: "node", quote: a.price, eventHours: hours, alwaysOn: plan.redis.alwaysOn,
                eventsPerMonth: events)
            line.infeasible = true
            out.append(line)
        } else if redis.chosen == nil {
            out.append(
                .infeasible(
                    resource: .redis, component: "\(plan.redis.engine.displayName) cluster (no candidate has a spec)",
                    unit: "node"))
        }
        if let c = redis.chosen, let nodes = c.nodes {
            out.append(
                hourlyLine(
                    resource: .redis, component: "\(c.nodeType) \(plan.redis.engine.displayName) node", count: nodes,
                    unit: "node",
                    quote: c.price, eventHours: hours, alwaysOn: plan.redis.alwaysOn, eventsPerMonth: events))
        }
        out.append(
            hourlyLine(
                resource: .eks, component: "EKS control plane (standard support)", count: 1, unit: "cluster",
                quote: input.book.sheet.quote(.eksCluster(region: plan.event.region)), eventHours: hours,
                alwaysOn: true, eventsPerMonth: events))
        if gateway.chosen == nil {
            out.append(.infeasible(resource: .gateway, component: "gateway nodes (no node type fits)", unit: "node"))
        }
        if let g = gateway.chosen {
            out += gatewayLines(g, preWarm: gateway.preWarm, hours: hours, events: events)
        }
        if plan.dynamodb.mode == .onDemand {
            let writes = dynamo.expectedWriteUnits
            let perEvent = dynamo.expectedCost
            out.append(
                CostLine(
                    resource: .dynamodb, component: "reservation writes (on-demand, expected)", quantity: writes,
                    unit: "write request unit", unitPrice: dynamo.wruPrice?.usd, hourly: nil, perEvent: perEvent,
                    perMonth: perEvent.map { $0 * Decimal(events) }, basis: "per event × \(events) events/month",
                    priceSource: dynamo.wruPrice?.source ?? "UNPRICED: no price in force",
                    effectiveFrom: dynamo.wruPrice?.effectiveFrom, confidence: dynamo.wruPrice?.confidence ?? "none",
                    startDocumented: dynamo.wruPrice?.startDocumented ?? false))
        } else {
            let units = dynamo.provisionedUnitHours
            let perEvent = dynamo.provisionedCost
            out.append(
                CostLine(
                    resource: .dynamodb,
                    component:
                        "provisioned write capacity (\(dynamo.provisionedWCU) WCU × \(dynamo.provisionedHours) h)",
                    quantity: units, unit: "WCU-hour", unitPrice: dynamo.wcuPrice?.usd, hourly: nil, perEvent: perEvent,
                    perMonth: perEvent.map { $0 * Decimal(events) }, basis: "per event × \(events) events/month",
                    priceSource: dynamo.wcuPrice?.source ?? "UNPRICED: no price in force",
                    effectiveFrom: dynamo.wcuPrice?.effectiveFrom, confidence: dynamo.wcuPrice?.confidence ?? "none",
                    startDocumented: dynamo.wcuPrice?.startDocumented ?? false))
        }
        return out
    }

    /// Always-on baseline nodes (`AWSLimits.hoursPerMonth` h/month) and the event's extra nodes (event hours), each split On-Demand/Spot,
    /// plus the pre-warm of the event nodes.
    static func gatewayLines(_ g: PricedGateway.Option, preWarm: GatewaySizing.PreWarm, hours: Decimal, events: Int)
        -> [CostLine]
    {
        var out: [CostLine] = []
        let spotPrice = g.onDemandPrice.map { Self.spotPrice($0.usd, g.spot) }
        let spotNote =
            g.spot.map {
                "; Spot = On-Demand × (1 − \($0.savingsPercent) %), Spot Advisor \($0.region) captured \($0.capturedOn)"
            } ?? ""
        func add(_ what: String, _ count: Int, spot: Bool, alwaysOn: Bool) {
            guard count > 0 else { return }
            out.append(
                hourlyLine(
                    resource: .gateway, component: "\(g.nodeType) \(what)", count: count, unit: "node",
                    quote: g.onDemandPrice, priceOverride: spot ? spotPrice : nil, sourceNote: spot ? spotNote : "",
                    eventHours: hours, alwaysOn: alwaysOn, eventsPerMonth: events))
        }
        let always = g.baselineNodes > 0
        add("On-Demand node (always on)", g.baselineOnDemandNodes, spot: false, alwaysOn: true)
        add("Spot node (always on)", g.baselineSpotNodes, spot: true, alwaysOn: true)
        add(
            always ? "On-Demand node (event)" : "On-Demand node", max(0, g.onDemandNodes - g.baselineOnDemandNodes),
            spot: false, alwaysOn: false)
        add(
            always ? "Spot node (event)" : "Spot node", max(0, g.spotNodes - g.baselineSpotNodes), spot: true,
            alwaysOn: false)
        if preWarm.needed {
            var line = hourlyLine(
                resource: .gateway,
                component:
                    "\(g.nodeType) pre-warm (On-Demand, \(Format.number(preWarm.leadSeconds)) s before the sale)",
                count: preWarm.nodes, unit: "node", quote: g.onDemandPrice, eventHours: preWarm.leadHours,
                alwaysOn: false, eventsPerMonth: events)
            // The one pre-warm model's figure (also `simulate --prewarm auto`'s).
            line.perEvent = preWarmPerEvent(preWarm, onDemandHourly: g.onDemandPrice?.usd)
            line.perMonth = line.perEvent.map { $0 * Decimal(events) }
            line.hourly = nil
            out.append(line)
        }
        return out
    }

    static func totals(_ lines: [CostLine]) -> CostTotals {
        let missing = CostTotals.missing(lines)
        return CostTotals(
            hourly: lines.compactMap(\.hourly).reduce(.zero, +),
            perEvent: lines.compactMap(\.perEvent).reduce(.zero, +),
            perMonth: lines.compactMap(\.perMonth).reduce(.zero, +), unpricedLines: lines.filter(\.unpriced).count,
            complete: missing.isEmpty, missing: missing, failing: CostTotals.failing(lines))
    }
}
