import Foundation

extension Estimate {
    /// The verdict's INFEASIBLE reasons as compare, sweep and levers show them (feasibility is decided
    /// once, by the verdict; this only reads it). Empty unless the verdict is INFEASIBLE.
    public var infeasibilities: [Comparison.Infeasibility] {
        guard verdict.status == .infeasible else { return [] }
        return verdict.reasons.filter { !$0.hasPrefix("the evidence rungs") }.map { reason in
            let resource: ResourceKind =
                reason.hasPrefix("Gateway") ? .gateway : reason.hasPrefix("Redis") ? .redis : .dynamodb
            let constraint: String
            switch resource {
            case .redis:
                constraint =
                    reason.contains("hot queue key")
                    ? "engine CPU ceiling on the busiest (queue) node" : "no candidate node type fits"
            case .gateway: constraint = "pod packing"
            default:
                constraint = reason.hasPrefix("Backend") ? "backend capacity" : "partition-key write limit"
            }
            // A command whose cost grows with N (the seed's KEYS lesson) is named with the rate that fills a core.
            let linear = redis.linearCommands.filter { $0.requestedRate > $0.saturationRate }.map {
                "\($0.command) in \($0.api) at N = \(Format.number($0.n, maxDecimals: 0)) costs \(Format.number($0.microsPerCall, maxDecimals: 0)) µs: one core saturates at \(Format.number($0.saturationRate, maxDecimals: 1)) calls/s, the plan issues \(Format.rate($0.requestedRate))"
            }
            let message =
                resource == .redis && !linear.isEmpty ? reason + "; " + linear.joined(separator: "; ") : reason
            return Comparison.Infeasibility(
                resource: resource, constraint: constraint, needed: 0, limit: 0, unit: "", factor: 0,
                message: message)
        }
    }
}
