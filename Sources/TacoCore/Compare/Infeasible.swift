import Foundation

/// Why an estimate has no configuration, as constraint, need, limit and factor.
enum Infeasible {
    static func reasons(_ e: Estimate, _ input: EstimateInput) -> [Comparison.Infeasibility] {
        var out: [Comparison.Infeasibility] = []
        let r = input.plan.redis
        if e.redis.chosen == nil {
            if e.redis.engineShards == nil {
                let linear = e.redis.linearCommands.filter { $0.requestedRate > $0.saturationRate }
                    .map {
                        "\($0.command) in \($0.api) at N = \(Show.n($0.n, 0)) costs \(Show.n($0.microsPerCall, 0)) µs: one core saturates at \(Show.n($0.saturationRate, 1)) calls/s, the plan issues \(Show.rate($0.requestedRate))"
                    }
                let factor = e.redis.hotKeyLoad / r.engineCPUCeiling
                out.append(
                    Comparison.Infeasibility(
                        resource: .redis, constraint: "engine CPU ceiling on the busiest (queue) node",
                        needed: e.redis.hotKeyLoad, limit: r.engineCPUCeiling, unit: "cores", factor: factor,
                        message:
                            "the hot queue key needs \(Show.n(e.redis.hotKeyLoad, 2)) cores on one node, ceiling \(Show.pct(r.engineCPUCeiling)) of one core (\(Show.n(factor, 1))× over); more shards cannot spread one key"
                            + (linear.isEmpty ? "" : "; " + linear.joined(separator: "; "))))
            } else {
                out.append(
                    Comparison.Infeasibility(
                        resource: .redis, constraint: "no candidate node type fits", needed: 0, limit: 0, unit: "",
                        factor: 0, message: e.redis.infeasibleReason ?? "no candidate"))
            }
        }
        if e.gateway.chosen == nil {
            out.append(
                Comparison.Infeasibility(
                    resource: .gateway, constraint: "pod packing", needed: 0, limit: 0, unit: "", factor: 0,
                    message: e.gateway.options.map { "\($0.nodeType): \($0.note)" }.joined(separator: "; ")))
        }
        return out
    }
}
