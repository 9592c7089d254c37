import Foundation

/// One builder per `LeverKind`: each changes the plan the way a hand-written variant would and hands it to
/// `AutomaticLevers.evaluate`.
extension AutomaticLevers {
    /// The same-class, same-size types of the other architecture in the price book's specs: `cache.m7g.xlarge`
    /// → `cache.m5.xlarge`, `c7g.xlarge` → `c7i.xlarge`, `c6i.xlarge`, `c5.xlarge` ("class" is the family's first
    /// letter: c, m, r, t). Types already of the target architecture stay.
    static func counterparts(_ types: [String], to target: InstanceSpec.Architecture, service: Service, book: PriceBook)
        -> [String]
    {
        func parts(_ type: String) -> (cls: Character?, size: String)? {
            let bare = type.hasPrefix("cache.") ? String(type.dropFirst(6)) : type
            let p = bare.split(separator: ".")
            guard p.count == 2 else { return nil }
            return (p[0].first, String(p[1]))
        }
        let pool = book.specs.values.filter { $0.service == service && $0.architecture == target }
            .map(\.product).sorted()
        var out: [String] = []
        for type in types {
            if book.specs[type]?.architecture == target {
                if !out.contains(type) { out.append(type) }
                continue
            }
            guard let p = parts(type) else { continue }
            for other in pool where !out.contains(other) {
                if let q = parts(other), q.cls == p.cls, q.size == p.size { out.append(other) }
            }
        }
        return out
    }

    static func archName(_ a: InstanceSpec.Architecture) -> String { a == .arm64 ? "Graviton" : "x86" }

    /// Graviton vs x86 for the cache (`redis.candidates`) or the gateway (`gateway.node_candidates`): every
    /// candidate replaced by its counterparts of the other architecture than the chosen node's.
    static func architecture(_ ctx: Context, service: Service) -> AutomaticLever {
        let plan = ctx.input.plan
        let isCache = service == .elasticache
        let name = "Graviton vs x86 (\(isCache ? "ElastiCache" : "EC2 gateway"))"
        let field = isCache ? "redis.candidates" : "gateway.node_candidates"
        let types = isCache ? plan.redis.candidates : plan.gateway.nodeCandidates
        let chosen = isCache ? ctx.base.redis.chosen?.nodeType : ctx.base.gateway.chosen?.nodeType
        let book = ctx.input.book
        let kind: LeverKind = isCache ? .cacheArchitecture : .gatewayArchitecture
        guard let current = book.specs[chosen ?? types.first ?? ""]?.architecture else {
            return unavailable(
                kind, name, change: "—", fields: [field],
                reason: "no instance spec for \(chosen ?? types.first ?? "the candidates") in the price book")
        }
        let target: InstanceSpec.Architecture = current == .arm64 ? .x86_64 : .arm64
        let others = counterparts(types, to: target, service: service, book: book)
        let shown = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? " +\(others.count - 3) more" : "")
        let change = "\(chosen ?? types[0]) → \(archName(target)) candidates \(shown)"
        guard !others.isEmpty else {
            return unavailable(
                kind, name, change: "—", fields: [field],
                reason:
                    "not in the price book: no \(archName(target)) type of the same class and size as \(types.joined(separator: ", "))"
            )
        }
        let input = ctx.with {
            if isCache { $0.redis.candidates = others } else { $0.gateway.nodeCandidates = others }
        }
        return evaluate(kind, name, change: change, fields: [field], input: input, ctx) { e in
            guard let picked = isCache ? e.redis.chosen?.nodeType : e.gateway.chosen?.nodeType else { return nil }
            return "\(chosen ?? types[0]) (\(archName(current))) → \(picked) (\(archName(target)))"
        }
    }

    /// Spot shares 0 / 50 / 80 % other than the plan's, through the plan's On-Demand floor and interruption limit.
    static func spot(_ ctx: Context) -> [AutomaticLever] {
        let g = ctx.input.plan.gateway
        return spotShares.filter { abs($0 - g.spotShare) > 1e-9 }.map { share in
            let input = ctx.with { $0.gateway.spotShare = share }
            let allowed = ctx.base.gateway.spotEligibleTypes > 0
            let note =
                share > 0 && !allowed
                ? "no gateway type is within the interruption limit \(g.interruptionLimit.label): Spot is not used"
                : "On-Demand floor \(g.onDemandFloor) node(s), interruption limit \(g.interruptionLimit.label)"
            return evaluate(
                .spotShare, "Spot share \(pct(share))", change: "\(pct(g.spotShare)) → \(pct(share)) Spot",
                fields: ["gateway.spot_share"], input: input, ctx, note: note)
        }
    }

    static func engine(_ ctx: Context) -> AutomaticLever {
        let current = ctx.input.plan.redis.engine
        let other: Engine = current == .redis ? .valkey : .redis
        return evaluate(
            .engine, "Valkey vs Redis OSS", change: "\(current.displayName) → \(other.displayName)",
            fields: ["redis.engine"], input: ctx.with { $0.redis.engine = other }, ctx)
    }

    static func dynamoMode(_ ctx: Context) -> AutomaticLever {
        let current = ctx.input.plan.dynamodb.mode
        let other: CapacityMode = current == .onDemand ? .provisioned : .onDemand
        return evaluate(
            .dynamoMode, "DynamoDB on-demand vs provisioned", change: "\(current.rawValue) → \(other.rawValue)",
            fields: ["dynamodb.mode"], input: ctx.with { $0.dynamodb.mode = other }, ctx)
    }

    /// Reserved cache nodes, for a cluster that runs all month: the cheapest no-upfront reserved hourly rate of
    /// the chosen node type replaces its On-Demand rate in the price book, and the plan is estimated again.
    /// Without such a rate the lever says so (never a $0 saving).
    static func reservedCache(_ ctx: Context) -> AutomaticLever {
        let plan = ctx.input.plan
        let name = "Reserved nodes (ElastiCache, always on)"
        guard plan.redis.alwaysOn else {
            return unavailable(
                .commitment, name, change: "—", fields: [],
                reason:
                    "not applicable: the cluster runs only during events (redis.always_on false); a 1-year term would be paid all year"
            )
        }
        guard let chosen = ctx.base.redis.chosen else {
            return unavailable(.commitment, name, change: "—", fields: [], reason: "no feasible cache node to reserve")
        }
        let region = plan.event.region
        let engine = plan.redis.engine.rawValue
        // The same node-hour as the On-Demand key, under any no-upfront reserved term.
        let onDemandKey = PriceKey.elastiCacheNode(chosen.nodeType, engine: plan.redis.engine, region: region)
        let reserved = ctx.input.book.sheet.quotes.filter {
            var term = $0.key
            term.purchaseOption = onDemandKey.purchaseOption
            return term == onDemandKey && $0.key.purchaseOption.isNoUpfrontReserved
                && $0.effectiveFrom <= ctx.input.asOf
        }.min { ($0.usd, $0.key.purchaseOption) < ($1.usd, $1.key.purchaseOption) }
        guard let reserved, let onDemand = chosen.price else {
            return unavailable(
                .commitment, name, change: "\(chosen.nodeType) On-Demand → reserved", fields: [],
                reason:
                    "not in the price book: no no-upfront reserved hourly rate for \(chosen.nodeType) (\(engine)) in \(region) on \(ctx.input.asOf); import the ElastiCache price list with `\(ctx.input.spelling(.run(.pricingImport)))`"
            )
        }
        var input = ctx.input
        var committed = onDemand
        committed.usd = reserved.usd
        committed.source = "\(reserved.key.purchaseOption) rate in place of On-Demand: \(reserved.source)"
        committed.effectiveFrom = max(onDemand.effectiveFrom, reserved.effectiveFrom)
        input.book.sheet.quotes.append(committed)
        return evaluate(
            .commitment, name,
            change:
                "\(chosen.nodeType) \(Format.unitPrice(onDemand.usd))/h On-Demand → \(Format.unitPrice(reserved.usd))/h \(reserved.key.purchaseOption)",
            fields: [], input: input, ctx, note: "reserved rate: \(reserved.citation)")
    }

    /// Where the hot queue key binds: one more read replica (reads on replicas) vs one more queue partition.
    static func hotKey(_ ctx: Context) -> [AutomaticLever] {
        let r = ctx.input.plan.redis
        let load = ctx.base.redis.hotKeyLoad
        let names = ("Hot key: one more read replica", "Hot key: one more queue partition")
        guard load >= r.engineCPUCeiling * hotKeyBindingShare else {
            let reason =
                "not applicable: the hot queue key needs \(pct(load)) of one core, below \(pct(r.engineCPUCeiling * hotKeyBindingShare)) (\(pct(hotKeyBindingShare)) of the \(pct(r.engineCPUCeiling)) ceiling) where it starts to bind"
            return [
                unavailable(.hotKey, names.0, change: "—", fields: ["redis.replicas"], reason: reason),
                unavailable(.hotKey, names.1, change: "—", fields: ["redis.queue_partitions"], reason: reason),
            ]
        }
        let replica = ctx.with {
            $0.redis.replicas += 1
            $0.redis.readFromReplicas = true
        }
        let partition = ctx.with { $0.redis.queuePartitions += 1 }
        return [
            evaluate(
                .hotKey, names.0,
                change: "\(r.replicas) → \(r.replicas + 1) replicas per shard, reads from replicas",
                fields: ["redis.replicas", "redis.read_from_replicas"], input: replica, ctx),
            evaluate(
                .hotKey, names.1, change: "\(r.queuePartitions) → \(r.queuePartitions + 1) queue partitions",
                fields: ["redis.queue_partitions"], input: partition, ctx),
        ]
    }
}
