/// A cost line a total could not include, and why (Docs/Model.md §6.1): its price is missing (UNPRICED) or no
/// configuration of its resource is feasible (INFEASIBLE). Totals list these so no total reads as complete when
/// it is not.
public struct MissingLine: Codable, Hashable, Sendable {
    public enum Reason: String, Codable, Hashable, Sendable {
        case unpriced = "UNPRICED"
        case infeasible = "INFEASIBLE"
    }
    public var resource: ResourceKind
    public var component: String
    public var reason: Reason
}

extension CostTotals {
    /// The lines each total leaves out: UNPRICED ones, then INFEASIBLE ones, in cost-line order.
    static func missing(_ lines: [CostLine]) -> [MissingLine] {
        lines.filter(\.unpriced).map { MissingLine(resource: $0.resource, component: $0.component, reason: .unpriced) }
            + lines.filter { $0.infeasible && $0.excluded && !$0.unpriced }.map {
                MissingLine(resource: $0.resource, component: $0.component, reason: .infeasible)
            }
    }

    /// The lines each total includes at their as-planned cost although their resource fails.
    static func failing(_ lines: [CostLine]) -> [MissingLine] {
        lines.filter { $0.infeasible && !$0.excluded }.map {
            MissingLine(resource: $0.resource, component: $0.component, reason: .infeasible)
        }
    }

    /// " (as planned; redis INFEASIBLE)" after a total that includes failing resources, or "".
    public var failingLabel: String {
        let names = Array(Set(failing.map(\.resource.rawValue))).sorted()
        return names.isEmpty ? "" : " (as planned; \(names.joined(separator: ", ")) INFEASIBLE)"
    }

    /// " + 2 UNPRICED + 1 INFEASIBLE" after a total, or "" when the total is complete; then the failing label.
    public var marker: String { MissingLine.marker(missing) }

    /// "Totals include redis (cache.m7g.xlarge Redis OSS node (as planned)) at its as-planned cost although it is
    /// INFEASIBLE.", or nil when no resource fails.
    public var failingSentence: String? {
        guard !failing.isEmpty else { return nil }
        return "Totals include "
            + failing.map { "\($0.resource) (\($0.component))" }.joined(separator: "; ")
            + " at the as-planned cost although it is INFEASIBLE."
    }

    /// "Totals exclude UNPRICED eks (EKS control plane); INFEASIBLE redis (…).", or nil when complete.
    public var missingSentence: String? { MissingLine.sentence(missing) }
}

extension MissingLine {
    /// " + 2 UNPRICED + 1 INFEASIBLE" after a total, or "" when nothing is missing.
    public static func marker(_ missing: [MissingLine]) -> String {
        let u = missing.filter { $0.reason == .unpriced }.count
        let i = missing.filter { $0.reason == .infeasible }.count
        return (u > 0 ? " + \(u) UNPRICED" : "") + (i > 0 ? " + \(i) INFEASIBLE" : "")
    }

    /// "Totals exclude UNPRICED eks (EKS control plane); INFEASIBLE redis (…).", or nil when nothing is missing.
    public static func sentence(_ missing: [MissingLine]) -> String? {
        guard !missing.isEmpty else { return nil }
        return "Totals exclude "
            + missing.map { "\($0.reason.rawValue) \($0.resource) (\($0.component))" }.joined(separator: "; ") + "."
    }
}

extension CostLine {
    /// The line of a resource no configuration fits: listed in the costs and totals as INFEASIBLE (Docs/Model.md §6.1).
    static func infeasible(resource: ResourceKind, component: String, unit: String) -> CostLine {
        CostLine(
            resource: resource, component: component, quantity: 0, unit: unit, unitPrice: nil, hourly: nil,
            perEvent: nil, perMonth: nil, basis: "no configuration meets every constraint",
            priceSource: "INFEASIBLE: not priced", effectiveFrom: nil, confidence: "none", infeasible: true)
    }
}

extension Estimate {
    /// More than half of the cost lines are UNPRICED: the estimate cannot stand as a price (exit 3, README).
    public var mostlyUnpriced: Bool { costs.filter(\.unpriced).count * 2 > costs.count }
}
