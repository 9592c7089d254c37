import Foundation

/// Findings computed from the plan, the price book and the reference costs (MODEL §10). Nothing here is typed-in
/// output: each message is built from figures and prices; a finding that checks a claim does so only when the plan
/// declares that claim (`claims:`), quoting its text.
enum Findings {
    static func all(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        var out: [Finding] = []
        out += dynamoCeiling(e, input)
        out += graviton(e, input)
        out += gatewayArchitecture(e)
        out += memoryVsShards(e, input)
        out += keysVsZrank(input)
        out += beyondLoadTest(e, input)
        out += spot(e, input)
        out += linearCommands(e)
        out += admissionLimits(e, input)
        if let limit = e.dynamo.partitionLimit {
            out.append(
                Finding(
                    id: "dynamodb-hot-partition", severity: .error, title: "DynamoDB partition limit exceeded",
                    message: limit + ".", claim: nil))
        }
        out += prewarm(e, input)
        out += unpriced(e)
        return out
    }

    static func dynamoCeiling(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        let region = input.plan.event.region
        let history = input.book.sheet.history(DynamoSizing.wruKey(region))
        guard !history.isEmpty else { return [] }
        let writes = Decimal(exactly: e.dynamo.ceilingWrites) * Decimal(e.dynamo.wruPerWrite)
        // One entry per price change: a later row with the same price is more evidence, not a new price.
        var changes: [PriceQuote] = []
        for q in history where changes.last?.usd != q.usd { changes.append(q) }
        var parts: [String] = []
        var matching: PriceQuote?
        let claim = input.plan.claim(.dynamodbWriteCost)
        for q in changes {
            let cost = q.usd * writes
            let from = q.startDocumented ? "from \(q.effectiveFrom)" : "in force at least from \(q.effectiveFrom)"
            parts.append("\(Format.usd(cost, places: 4)) at \(Format.unitPrice(q.usd))/WRU (\(from))")
            if let amount = claim?.amount, cost.rounded(2) == amount.amount { matching = q }
        }
        var msg =
            "\(Show.n(e.dynamo.ceilingWrites)) writes × \(e.dynamo.wruPerWrite) WRU: " + parts.joined(separator: "; ")
            + "."
        if let claim, let amount = claim.amount {
            if let m = matching {
                let next = changes.first { $0.effectiveFrom > m.effectiveFrom }
                msg +=
                    " The claimed \(Format.usd(amount)) needs the price in force "
                    + (m.startDocumented ? "from \(m.effectiveFrom)" : "at least from \(m.effectiveFrom)")
                    + (next.map { " until \($0.effectiveFrom)" } ?? "") + "."
            } else {
                msg += " No price in the book reproduces the claimed \(Format.usd(amount)) for this plan."
            }
        }
        if let expected = e.dynamo.expectedCost, let ceiling = e.dynamo.ceilingCost {
            msg +=
                " On \(input.asOf) the ceiling is \(Format.usd(ceiling, places: 4)), but the queue empties after \(Show.n(e.traffic.drainTime, 0)) s, so the expected \(Show.n(e.dynamo.expectedWrites)) writes cost \(Format.usd(expected, places: 4))."
        }
        return [
            Finding(
                id: "dynamodb-ceiling", severity: .info, title: "DynamoDB write cost: ceiling vs expected",
                message: msg, claim: claim?.text)
        ]
    }

    /// Graviton vs x86 by same-size pairs in the plan's region.
    static func graviton(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        guard let claim = input.plan.claim(.redisGravitonSaving), let claimed = claim.value else { return [] }
        let region = input.plan.event.region
        func price(_ service: Service, _ type: String, _ os: String) -> Money? {
            input.book.sheet.quote(
                PriceKey(
                    service: service, region: region, product: type, engineOS: os, purchaseOption: "on-demand",
                    unit: "hour"))?.usd
        }
        func pct(_ arm: Money, _ x86: Money) -> Double { ((arm.amount - x86.amount) / x86.amount).doubleValue * 100 }
        var cache: [String] = []
        var cacheSavings: [Double] = []
        for (arm, x86) in [
            ("cache.m7g.xlarge", "cache.m5.xlarge"), ("cache.m6g.xlarge", "cache.m5.xlarge"),
            ("cache.r7g.xlarge", "cache.r5.xlarge"),
        ] {
            if let a = price(.elasticache, arm, "redis"), let x = price(.elasticache, x86, "redis") {
                cacheSavings.append(-pct(a, x))
                cache.append(
                    "\(arm) \(Format.unitPrice(a))/h vs \(x86) \(Format.unitPrice(x))/h: \(signed(pct(a, x))) %")
            }
        }
        var ec2: [String] = []
        for (arm, x86) in [
            ("m7g.xlarge", "m7i.xlarge"), ("c7g.xlarge", "c7i.xlarge"), ("m6g.xlarge", "m6i.xlarge"),
            ("c6g.xlarge", "c6i.xlarge"), ("m7g.xlarge", "m6i.xlarge"),
        ] {
            if let a = price(.ec2, arm, "linux"), let x = price(.ec2, x86, "linux") {
                ec2.append("\(arm) vs \(x86): \(signed(pct(a, x))) %")
            }
        }
        var valkey = ""
        if let c = e.redis.chosen?.nodeType, let r = price(.elasticache, c, "redis"),
            let v = price(.elasticache, c, "valkey")
        {
            valkey =
                " On ElastiCache the saving comes from the engine: \(c) Valkey \(Format.unitPrice(v))/h vs Redis OSS \(Format.unitPrice(r))/h = \(signed(pct(v, r))) %."
        }
        guard !cache.isEmpty || !ec2.isEmpty else { return [] }
        let msg =
            "EC2 (\(region)): " + (ec2.isEmpty ? "no pairs priced" : ec2.joined(separator: "; ")) + ". ElastiCache: "
            + (cache.isEmpty ? "no pairs priced" : cache.joined(separator: "; ")) + "." + valkey
        let computed =
            cacheSavings.isEmpty
            ? "no ElastiCache pair priced"
            : "ElastiCache Graviton saves \(Show.n(cacheSavings.reduce(0, +) / Double(cacheSavings.count), 1)) % on average"
        return [
            Finding(
                id: "graviton", severity: .info,
                title: "Graviton saving: claimed \(Show.n(claimed, 0)) %, \(computed)", message: msg, claim: claim.text)
        ]
    }

    /// Graviton vs x86 for this plan's gateway: cost per 1,000 RPS at the same HPA target (MODEL §6).
    static func gatewayArchitecture(_ e: EstimateParts) -> [Finding] {
        func cheapest(_ arch: String) -> GatewaySizing.NodeOption? {
            e.gateway.options.filter { $0.architecture == arch && $0.feasible && $0.hourly != nil }
                .min { ($0.hourly?.amount ?? 0, $0.nodeType) < ($1.hourly?.amount ?? 0, $1.nodeType) }
        }
        guard let arm = cheapest("arm64"), let x86 = cheapest("x86_64"), let a = arm.hourly, let x = x86.hourly,
            e.traffic.gatewayRate > 0
        else { return [] }
        let per1k = Decimal(exactly: e.traffic.gatewayRate / 1000)
        let armPer1k = Money(a.amount / per1k)
        let x86Per1k = Money(x.amount / per1k)
        let delta = ((a.amount - x.amount) / x.amount).doubleValue * 100
        let msg =
            "Cheapest arm64 option \(arm.nodeType) × \(arm.nodes): \(Format.usd(a, places: 4))/h = \(Format.usd(armPer1k, places: 4)) per 1,000 RPS-hour; cheapest x86_64 option \(x86.nodeType) × \(x86.nodes): \(Format.usd(x, places: 4))/h = \(Format.usd(x86Per1k, places: 4)) per 1,000 RPS-hour (\(signed(delta)) % for Graviton, same pods and HPA target; Spot split and interruption limits applied to both)."
        return [
            Finding(
                id: "gateway-architecture", severity: .info, title: "Gateway: Graviton vs x86 per 1,000 RPS",
                message: msg, claim: nil)
        ]
    }

    static func memoryVsShards(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        guard let c = e.redis.chosen, let shards = c.shards else { return [] }
        let usableTotal = c.usableMemoryGiB * Double(shards)
        // Memory drives the count when its shard need alone is the largest of memory, engine CPU and the floor; it
        // ties when another need is as large; otherwise it does not set the count.
        let others = max(e.redis.engineShards ?? 0, input.plan.redis.minShards)
        let needs =
            "\(c.memoryShards) shard(s) for memory, \(e.redis.engineShards.map(String.init) ?? "—") for engine CPU, floor \(input.plan.redis.minShards)"
        let (title, verdict): (String, String) =
            c.memoryShards > others
            ? ("Memory drives the shard count", "memory sets the shard count (\(needs))")
            : c.memoryShards == others
                ? (
                    "Memory ties for the shard count",
                    "memory needs as many shards as the largest other need (\(needs))"
                )
                : ("Memory does not drive the shard count", "memory does not set the shard count (\(needs))")
        let msg =
            "The cluster's \(shards) shards hold \(Show.n(usableTotal)) GiB of usable memory for \(Show.mb(e.redis.memory.required)) required (\(Show.n(e.redis.memory.required / (usableTotal * Bytes.gib) * 100, 1)) %). Memory needs \(c.memoryShards) shard(s), engine CPU \(e.redis.engineShards.map(String.init) ?? "—"), the plan floor \(input.plan.redis.minShards): \(c.note). "
            + (input.plan.claim(.redisMemory).flatMap { c in
                c.value.map {
                    "The claimed \"\(c.text)\" is \(Show.n($0 / e.redis.memory.queueData, 1))× the queue data. "
                }
            } ?? "") + "Here \(verdict)."
        return [
            Finding(
                id: "memory-not-driver", severity: .info,
                title: title, message: msg,
                claim: input.plan.claim(.redisShards)?.text)
        ]
    }

    static func keysVsZrank(_ input: EstimateInput) -> [Finding] {
        guard let claim = input.plan.claim(.keysToZrankSpeedup), let claimed = claim.value else { return [] }
        let n = Double(input.plan.event.users)
        let engine = input.plan.redis.engine
        guard let keys = input.costs.cost("KEYS_queue", n: n, engine: engine),
            let zrank = input.costs.cost("ZRANK", n: n, engine: engine)
        else { return [] }
        let ratio = keys.totalMicros / zrank.totalMicros
        // The title states only what the ratio supports: orders of magnitude only at ≥ 100×.
        let magnitude = ratio >= 100 ? "\(Show.n(log10(ratio), 0)) orders of magnitude" : "\(Show.n(ratio, 1))×"
        let msg =
            "At N = \(Show.n(n)) waiting users one KEYS queue:* costs \(Show.n(keys.totalMicros, 0)) µs of engine CPU (one core saturates at \(Show.n(keys.saturationRate, 1)) calls/s) vs ZRANK \(Show.n(zrank.totalMicros)) µs: \(Show.n(ratio, 0))× per request, not the claimed \(Show.n(claimed, 0))× (costs: \(keys.citation); \(zrank.citation))."
        return [
            Finding(
                id: "keys-vs-zrank", severity: .info,
                title: "KEYS → ZRANK is \(magnitude) per request, not the claimed \(Show.n(claimed, 0))×",
                message: msg, claim: claim.text)
        ]
    }

    static func beyondLoadTest(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        guard let claim = input.plan.claim(.loadTestPeakRPS), let peak = claim.value else { return [] }
        let rate = e.traffic.gatewayRate
        guard rate > peak else { return [] }
        let msg =
            "The plan's peak is \(Show.rate(rate)) at the gateway (status alone \(Show.rate(e.traffic.statusRate))), \(Show.n(rate / peak, 2))× the \(Show.n(peak, 0)) RPS the claimed load test reached: this sizing extrapolates beyond measured load (run `tacoplan validate`)."
        return [
            Finding(
                id: "beyond-load-test", severity: .warning,
                title: "Peak load exceeds the claimed load test's \(Show.n(peak, 0)) RPS", message: msg,
                claim: claim.text)
        ]
    }

    static func spot(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        var out: [Finding] = []
        let g = input.plan.gateway
        if let asked = g.requestedInterruption {
            out.append(
                Finding(
                    id: "spot-interruption-bucket", severity: .warning,
                    title: "\"\(asked)\" interruption cannot be expressed",
                    message:
                        "The Spot Advisor's lowest interruption bucket is \"<5%\" (buckets <5, 5-10, 10-15, 15-20, >20 %; real maxima 5/11/16/22/100). The plan asked for \(asked); tacoplan uses \"<5%\".",
                    claim: input.plan.claim(.gatewaySpotInterruption)?.text))
        }
        let advice = g.nodeCandidates.compactMap { input.book.spot[$0] }
        if !advice.isEmpty, let claim = input.plan.claim(.gatewaySpotSaving), let claimed = claim.value {
            let mean = Double(advice.map(\.savingsPercent).reduce(0, +)) / Double(advice.count)
            let dates = Set(advice.map { $0.capturedOn.description }).sorted().joined(separator: ", ")
            out.append(
                Finding(
                    id: "spot-savings", severity: .info, title: "Spot savings in \(input.plan.event.region)",
                    message:
                        "Mean Spot Advisor saving over the \(advice.count) candidate types: \(Show.n(mean, 1)) % (range \(advice.map(\.savingsPercent).min() ?? 0)–\(advice.map(\.savingsPercent).max() ?? 0) %; snapshot captured \(dates); a 30-day trailing average that changes daily) vs the claimed \(Show.n(claimed, 0)) %.",
                    claim: claim.text))
        }
        if g.spotShare > 0 && e.gateway.spotEligibleTypes < 15 {
            out.append(
                Finding(
                    id: "spot-flexibility", severity: .warning, title: "Too few Spot instance types",
                    message:
                        "Only \(e.gateway.spotEligibleTypes) candidate type(s) are allowed for Spot (interruption ≤ \(g.interruptionLimit.label)); Karpenter's Spot-to-Spot consolidation needs at least 15 to reach the modelled savings.",
                    claim: nil))
        }
        return out
    }

    static func linearCommands(_ e: EstimateParts) -> [Finding] {
        e.redis.linearCommands.map { f in
            let severe = f.requestedRate > f.saturationRate
            return Finding(
                id: "linear-command-\(f.api)-\(f.command)", severity: severe ? .error : .warning,
                title: "\(f.command) in \(f.api) is O(N)",
                message:
                    "At N = \(Show.n(f.n)) one call costs \(Show.n(f.microsPerCall, 0)) µs: one engine core saturates at \(Show.n(f.saturationRate, 1)) calls/s; the plan issues \(Show.rate(f.requestedRate)) → \(Show.n(f.coresNeeded, 1)) cores.",
                claim: nil)
        }
    }

    /// A cap that pushes the rate below the seat-drain floor, or a fixed rate beyond the backend cap.
    static func admissionLimits(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        var out: [Finding] = []
        let seat = e.admission.criteria.first { $0.name == "seat_drain" }?.rate ?? 0
        if e.admission.rate < seat {
            out.append(
                Finding(
                    id: "admission-below-seat-drain", severity: .warning,
                    title: "Admission rate below the seat-drain floor",
                    message:
                        "\(Show.rate(e.admission.rate)) (binding: \(e.admission.binding)) is below seats ÷ window = \(Show.rate(seat)): seats will remain unsold when the window closes.",
                    claim: nil))
        }
        if e.admission.backendUtilization > input.plan.admission.maxBackendUtilization {
            out.append(
                Finding(
                    id: "admission-over-backend", severity: e.admission.backendUtilization > 1 ? .error : .warning,
                    title: "Admission rate overloads the backend",
                    message:
                        "\(Show.rate(e.admission.rate)) puts the backend at \(Show.pct(e.admission.backendUtilization)), above the \(Show.pct(input.plan.admission.maxBackendUtilization)) the plan allows.",
                    claim: nil))
        }
        return out
    }

    static func prewarm(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        guard e.gateway.preWarm.needed else { return [] }
        return [
            Finding(
                id: "prewarm", severity: .warning, title: "Pre-warm the gateway",
                message: e.gateway.preWarm.reason + ".", claim: input.plan.claim(.gatewayScaleOut)?.text)
        ]
    }

    static func unpriced(_ e: EstimateParts) -> [Finding] {
        let lines = e.costs.filter(\.unpriced)
        guard !lines.isEmpty else { return [] }
        return [
            Finding(
                id: "unpriced", severity: .warning, title: "\(lines.count) cost line(s) UNPRICED",
                message: "No price in force for: " + lines.map(\.component).joined(separator: "; ")
                    + ". Totals exclude them. Import an AWS price list (`tacoplan pricing import FILE`) or add a row to pricing/prices.csv.",
                claim: nil)
        ]
    }

    static func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + Format.number(v, maxDecimals: 1) }
}
