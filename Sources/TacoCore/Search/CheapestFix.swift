import Foundation

/// The cheapest configuration that is FEASIBLE on the plan's own evidence: one search across the Redis
/// node types, engine, read replicas (reads on replicas), queue partitions — the shard count follows from each, as
/// in `estimate` — and the gateway's Spot share. Every point is `Estimate.compute` of the plan with those settings
/// and the plan's price book, per-command costs and calibration, so no formula is repeated here and each point's
/// verdict is the one every command prints.
public enum CheapestFix {
    /// ElastiCache allows 0–5 replicas per shard (AWS ElastiCache quotas, "Replicas per shard": 5).
    public static let maxReplicas = 5
    /// Queue partitions tried besides the plan's and the search bounds': 1, 2, 4, 8 (Docs/Model.md §3 "Hot key").
    public static let queuePartitions = [1, 2, 4, 8]

    /// One changed setting: "read replicas per shard: 1 → 2".
    public struct Change: Codable, Hashable, Sendable {
        public var field: String
        public var from: String
        public var to: String
        public var text: String { "\(field): \(from) → \(to)" }
    }

    /// A configuration tried: its settings, its estimate's verdict status and totals.
    public struct Point: Sendable {
        public var plan: Plan
        public var estimate: Estimate
        public var status: VerdictStatus
    }

    public enum Outcome: Sendable {
        /// A configuration at least as good as `target` and fully priced: the cheapest such.
        case found(Point)
        /// No configuration in the bounds reaches better than INFEASIBLE; `constraint` names what none can meet.
        case unreachable(constraint: String)
    }

    public struct Result: Sendable {
        /// nil when every configuration that passes lacks a price (`feasibleUnpriced` lists them).
        public var outcome: Outcome?
        /// Configurations that pass the verdict but lack a price (their UNPRICED lines name what is missing).
        public var feasibleUnpriced: [Point]
        /// How many configurations were estimated.
        public var evaluated: Int
    }

    /// Searches the space around `input`'s plan. `status` reads a point's verdict (the one accessor the assessment
    /// passes in); the target is FEASIBLE, or AT RISK when no point is FEASIBLE.
    ///
    /// `rung` turns a changed plan into its input on the evidence ladder (the application layer re-selects the
    /// rung, so a Valkey or x86 point is not sized with a calibration its hardware lacks); nil skips the point.
    /// Without it the plan's own input is reused. `estimate` is the plan's own estimate when the caller has it: a point
    /// that is the plan unchanged reuses it instead of computing it again.
    public static func search(
        _ input: EstimateInput, estimate: Estimate? = nil, rung: ((Plan) -> EstimateInput?)? = nil,
        status: (Estimate) -> VerdictStatus
    ) -> Result {
        let rung =
            rung ?? { plan in
                var i = input
                i.plan = plan
                return i
            }
        let plan = input.plan
        let own = estimate.map { (plan, $0) }
        let space = SearchSpace.of(plan, book: input.book)
        let types = space.cacheTypes
        let replicas = Array(
            min(plan.redis.replicas, space.replicas.lowerBound)...max(maxReplicas, space.replicas.upperBound))
        let partitions = Array(Set(queuePartitions + space.queuePartitions + [plan.redis.queuePartitions])).sorted()
        var engines = [plan.redis.engine]
        for e in Engine.allCases where e != plan.redis.engine { engines.append(e) }
        let reads = plan.redis.readFromReplicas ? [true] : [false, true]
        var points: [Point] = []
        for engine in engines {
            for p in partitions {
                for rep in replicas {
                    for toReplicas in reads where rep > 0 || !toReplicas {
                        var next = plan
                        next.redis.engine = engine
                        next.redis.candidates = types
                        next.redis.queuePartitions = p
                        next.redis.replicas = rep
                        next.redis.readFromReplicas = toReplicas || plan.redis.readFromReplicas
                        if let p = point(next, rung, status, own: own) { points.append(p) }
                    }
                }
            }
        }
        // Spot share moves only the gateway's cost: tried on the best Redis configuration found.
        let redisBest = best(points)
        var shares = AutomaticLevers.spotShares
        if !shares.contains(plan.gateway.spotShare) { shares.append(plan.gateway.spotShare) }
        if let b = redisBest {
            for share in shares where share != b.plan.gateway.spotShare {
                var next = b.plan
                next.gateway.spotShare = share
                if let p = point(next, rung, status, own: own) { points.append(p) }
            }
        }
        let unpriced = points.filter { $0.status != .infeasible && !$0.estimate.totals.complete }
            .sorted { $0.status < $1.status }
        let outcome: Outcome?
        if let b = best(points) {
            outcome = .found(b)
        } else if unpriced.isEmpty {
            outcome = .unreachable(constraint: constraint(points))
        } else {
            outcome = nil
        }
        return Result(outcome: outcome, feasibleUnpriced: unpriced, evaluated: points.count)
    }

    static func point(
        _ plan: Plan, _ rung: (Plan) -> EstimateInput?, _ status: (Estimate) -> VerdictStatus,
        own: (plan: Plan, estimate: Estimate)? = nil
    ) -> Point? {
        if let own, own.plan == plan { return Point(plan: plan, estimate: own.estimate, status: status(own.estimate)) }
        guard let i = rung(plan) else { return nil }
        let e = Estimate.compute(i)
        return Point(plan: plan, estimate: e, status: status(e))
    }

    /// The cheapest fully priced point of the best status reached (FEASIBLE, else AT RISK); ties go to the point
    /// found first (the plan's engine, fewer partitions, fewer replicas).
    static func best(_ points: [Point]) -> Point? {
        let priced = points.filter { $0.status != .infeasible && $0.estimate.totals.complete }
        guard let target = priced.map(\.status).min() else { return nil }
        var out: Point?
        for p in priced where p.status == target {
            if let o = out, o.estimate.totals.perMonth.amount <= p.estimate.totals.perMonth.amount { continue }
            out = p
        }
        return out
    }

    /// The constraint no point meets: the reason shared by every point, else the first reason of the point with
    /// the fewest.
    static func constraint(_ points: [Point]) -> String {
        let reasons = points.map { $0.estimate.verdict.reasons }
        if let first = reasons.first {
            let common = first.filter { r in reasons.allSatisfy { $0.contains(r) } }
            if let c = common.first { return c }
        }
        return reasons.min { $0.count < $1.count }?.first ?? "no configuration was evaluated"
    }

    /// The settings that differ between the plan as written (and its as-planned cluster) and `fix`, in reading
    /// order: engine, node type, queue partitions, replicas (with the node count), reads on replicas, Spot share.
    public static func changes(from base: Estimate, plan: Plan, to fix: Point) -> [Change] {
        var out: [Change] = []
        let f = fix.plan
        let planned = base.redis.chosen ?? base.redis.asPlanned
        let fixed = fix.estimate.redis.chosen
        if f.redis.engine != plan.redis.engine {
            out.append(Change(field: "engine", from: plan.redis.engine.displayName, to: f.redis.engine.displayName))
        }
        if let a = planned?.nodeType, let b = fixed?.nodeType, a != b {
            out.append(Change(field: "node type", from: a, to: b))
        }
        if f.redis.queuePartitions != plan.redis.queuePartitions {
            out.append(
                Change(
                    field: "queue partitions", from: "\(plan.redis.queuePartitions)",
                    to: "\(f.redis.queuePartitions)"))
        }
        let nodes = "\(planned?.nodes ?? 0) → \(fixed?.nodes ?? 0) nodes"
        if f.redis.replicas != plan.redis.replicas {
            let d = f.redis.replicas - plan.redis.replicas
            let word = abs(d) == 1 ? "read replica" : "read replicas"
            out.append(
                Change(
                    field: "\(d > 0 ? "+" : "−")\(abs(d)) \(word) per shard", from: "\(plan.redis.replicas)",
                    to: "\(f.redis.replicas) (\(nodes))"))
        } else if let a = planned?.shards, let b = fixed?.shards, a != b {
            out.append(Change(field: "shards", from: "\(a)", to: "\(b) (\(nodes))"))
        }
        if f.redis.readFromReplicas != plan.redis.readFromReplicas {
            out.append(Change(field: "reads on replicas", from: "\(plan.redis.readFromReplicas)", to: "true"))
        }
        if f.gateway.spotShare != plan.gateway.spotShare {
            out.append(
                Change(
                    field: "gateway Spot share", from: Format.percent(plan.gateway.spotShare),
                    to: Format.percent(f.gateway.spotShare)))
        }
        return out
    }
}
