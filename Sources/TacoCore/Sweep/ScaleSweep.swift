import Foundation

/// The scale sweep (Docs/Model.md §9 "Scale sweep"): the plan re-sized by `Estimate.compute` at each point of
/// a range of crowd sizes, with the plan's own price book, per-command costs and calibration (only
/// `event.users` changes), and the break points between points located by bisection on users.
public enum ScaleSweep {
    /// Bisection halves the bracket each step, so 40 steps resolve any bracket up to 2⁴⁰ ≈ 1.1 × 10¹² users to
    /// one user; `SweepRange.maxValue` (10⁸) needs at most 27.
    public static let maxBisectionSteps = 40
    /// Break points are exact to one user.
    public static let resolutionUsers = 1
    /// A hot-key remedy adds at most this many queue partitions or read replicas: 16 more copies of the hot key
    /// is past the shard and replica counts the reference benchmark covers (ElastiCache allows 5 replicas).
    public static let maxRemedySteps = 16
    /// ElastiCache allows at most 5 read replicas per shard (node group), so a replica remedy stops there.
    public static let maxReplicasPerShard = 5

    /// `estimate`, when the caller has it (the plan's one assessment), is the plan's own estimate: the gateway
    /// axis reads its requests per user from it and a point at the plan's own crowd is it, not computed again.
    public static func run(_ input: EstimateInput, range: SweepRange, estimate: Estimate? = nil) -> SweepResult {
        let poll = input.plan.clients.statusPoll.value
        var own = estimate
        let users = range.values.map { v in
            switch range.axis {
            case .users: return max(1, Int(v.rounded(.toNearestOrAwayFromZero)))
            case .statusRPS: return max(1, Int((v * poll).rounded(.up)))
            case .gatewayRPS:
                let e = own ?? Estimate.compute(input)
                own = e
                return ScaleSweep.users(forGatewayRPS: v, input, ownRate: e.traffic.gatewayRate)
            }
        }
        let points = users.map { point(input, users: $0, own: own) }
        var breaks: [BreakPoint] = []
        for i in 0..<(points.count - 1) {
            let (a, b) = (points[i], points[i + 1])
            for ra in a.resources {
                guard let rb = b.resources.first(where: { $0.resource == ra.resource }), ra.shapeKey != rb.shapeKey
                else { continue }
                var (first, at) = locate(input, resource: ra.resource, below: a, above: b, toUpper: false)
                if range.axis == .gatewayRPS {
                    first.gatewayRPS = at.gatewayRPS
                    first.summary += " = \(Format.number(at.gatewayRPS, maxDecimals: 0)) gateway req/s"
                }
                breaks.append(first)
                if at.resources.first(where: { $0.resource == ra.resource })?.shapeKey != rb.shapeKey {
                    breaks.append(locate(input, resource: ra.resource, below: at, above: b, toUpper: true).0)
                }
            }
        }
        breaks.sort { ($0.users, $0.resource) < ($1.users, $1.resource) }
        return SweepResult(
            plan: input.plan.name, axis: range.axis, from: range.from, to: range.to, points: points, breaks: breaks,
            resolutionUsers: resolutionUsers)
    }

    /// Fixed-point steps from users to a gateway rate: the rate is users × (1 ÷ poll + 1 ÷ ramp + …) plus an
    /// admission part capped by the backend, so it is nearly linear in users and 8 rescalings settle it.
    public static let maxRateSteps = 8

    /// The users whose peak gateway rate is `rps` (within one user's requests): start from the plan's requests per
    /// user and rescale users by target ÷ rate until the count stops changing (monotone, nearly linear). `ownRate`
    /// is the plan's own gateway rate when the caller has it.
    public static func users(forGatewayRPS rps: Double, _ input: EstimateInput, ownRate: Double? = nil) -> Int {
        func rate(_ users: Int) -> Double {
            var i = input
            i.plan.event.users = users
            return Estimate.compute(i).traffic.gatewayRate
        }
        let base = max(1, input.plan.event.users)
        let known = input.plan.event.users == base ? ownRate : nil
        let perUser = (known ?? rate(base)) / Double(base)
        guard perUser > 0 else { return base }
        var users = max(1, Int((rps / perUser).rounded()))
        for _ in 0..<maxRateSteps {
            let r = rate(users)
            guard r > 0 else { break }
            let next = max(1, Int((Double(users) * rps / r).rounded()))
            if next == users { break }
            users = next
        }
        return users
    }

    /// The plan with `users` users, estimated; `own` (the plan's own estimate) is reused at its own crowd.
    public static func point(_ input: EstimateInput, users: Int, own: Estimate? = nil) -> SweepPoint {
        var i = input
        i.plan.event.users = users
        let e = (users == input.plan.event.users ? own : nil) ?? Estimate.compute(i)
        let feasible = e.verdict.status != .infeasible
        let remedy = e.redis.chosen == nil && e.redis.engineShards == nil ? remedy(i) : nil
        var resources = [SweepShapes.feasibility(e, i)] + SweepShapes.resources(e, i)
        if let remedy, let r = resources.firstIndex(where: { $0.resource == "redis" }) {
            resources[r].binding += "; \(SweepRemedy.label) \(remedy.change)"
            resources[r].shapeKey += "|\(remedy.change)"
        }
        return SweepPoint(
            users: users, statusRPS: e.traffic.statusRate, gatewayRPS: e.traffic.gatewayRate,
            admissionRate: e.admission.rate, feasible: feasible, verdict: e.verdict.status, perEvent: e.totals.perEvent,
            perMonth: e.totals.perMonth, unpricedLines: e.totals.unpricedLines, resources: resources, remedy: remedy)
    }

    /// The fewest extra queue partitions or read replicas (reads on replicas) with which the plan is feasible;
    /// at the same count the cheaper per month.
    static func remedy(_ input: EstimateInput) -> SweepRemedy? {
        let r = input.plan.redis
        for extra in 1...maxRemedySteps {
            var partitions = input
            partitions.plan.redis.queuePartitions += extra
            var replicas = input
            replicas.plan.redis.replicas += extra
            replicas.plan.redis.readFromReplicas = true
            var options: [(EstimateInput, String)] = [(partitions, "\(r.queuePartitions + extra) queue partitions")]
            if r.replicas + extra <= maxReplicasPerShard {
                options.append((replicas, "\(r.replicas + extra) read replicas per shard"))
            }
            let feasible = options.compactMap { i, change -> SweepRemedy? in
                let e = Estimate.compute(i)
                guard e.verdict.status != .infeasible else { return nil }
                return SweepRemedy(
                    change: change, queuePartitions: i.plan.redis.queuePartitions, replicas: i.plan.redis.replicas,
                    redis: SweepShapes.redis(e, i).shape, perEvent: e.totals.perEvent, perMonth: e.totals.perMonth)
            }
            if let best = feasible.min(by: { $0.perMonth < $1.perMonth }) { return best }
        }
        return nil
    }

    /// By bisection on users in (below, above]: the smallest user count whose `resource` shape differs from
    /// `below`'s (`toUpper` false: where the change starts), or the smallest from which it equals `above`'s
    /// (`toUpper` true: where the shape at the upper point begins, after shapes in between). Assumes the shape
    /// changes monotonically with users between the two points.
    static func locate(_ input: EstimateInput, resource: String, below: SweepPoint, above: SweepPoint, toUpper: Bool)
        -> (BreakPoint, SweepPoint)
    {
        func shape(_ p: SweepPoint) -> SweepResource? { p.resources.first { $0.resource == resource } }
        let start = shape(below)?.shapeKey
        let end = shape(above)?.shapeKey
        var lo = below
        var hi = above
        var steps = 0
        while hi.users - lo.users > resolutionUsers && steps < maxBisectionSteps {
            let p = point(input, users: lo.users + (hi.users - lo.users) / 2)
            let key = shape(p)?.shapeKey
            if toUpper ? key != end : key == start { lo = p } else { hi = p }
            steps += 1
        }
        let before = shape(lo)
        let after = shape(hi)
        let fromText = "\(resource): \(before?.shape ?? "—") (\(before?.binding ?? "—"))"
        let toText = "\(after?.shape ?? "—") (\(after?.binding ?? "—"))"
        let brk = BreakPoint(
            resource: resource, users: hi.users, statusRPS: hi.statusRPS, before: before?.shape ?? "—",
            after: after?.shape ?? "—", bindingBefore: before?.binding ?? "—", bindingAfter: after?.binding ?? "—",
            summary:
                "\(fromText) → \(toText) from \(Format.number(Double(hi.users))) users (\(Format.number(hi.statusRPS, maxDecimals: 0)) status/s)"
        )
        return (brk, hi)
    }
}
