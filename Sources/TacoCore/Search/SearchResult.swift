import Foundation

/// The cheapest feasible configuration, the top alternatives, and the cheaper ones rejected with why.
public struct SearchResult: Codable, Hashable, Sendable {
    public var objective: SearchObjective
    public var evaluated: Int
    /// Combinations covered: the resources are independent in cost and constraints, so the cheapest combination
    /// is the cheapest of each (the product is covered without enumerating it).
    public var combinations: Double
    public var redis: [SearchOption]
    public var gateway: [SearchOption]
    public var dynamodb: [SearchOption]
    public var chosenRedis: SearchOption?
    public var chosenGateway: SearchOption?
    public var chosenDynamo: SearchOption?
    /// Fixed cost of the objective (EKS control plane).
    public var fixed: Money
    public var total: Money?
    public var warnings: [String]

    /// The cheapest feasible options of one resource, best first.
    public func top(_ resource: ResourceKind, _ n: Int) -> [SearchOption] {
        Array(all(resource).filter { $0.rejectedBy == nil && $0.cost != nil }.prefix(n))
    }

    /// Rejected options cheaper than the chosen one, cheapest first; every rejected option (UNPRICED ones too)
    /// when nothing is feasible, so the reason is always shown.
    public func rejectedCheaper(_ resource: ResourceKind) -> [SearchOption] {
        let chosen = chosen(resource)
        return all(resource).filter { o in
            guard o.rejectedBy != nil else { return false }
            guard let best = chosen?.cost else { return true }
            guard let c = o.cost else { return false }
            return c < best
        }
    }

    /// Every evaluated option of one resource, cheapest first; none for EKS (a fixed cost).
    public func all(_ resource: ResourceKind) -> [SearchOption] {
        switch resource {
        case .redis: return redis
        case .gateway: return gateway
        case .dynamodb: return dynamodb
        case .eks, .transfer: return []
        }
    }

    /// The chosen option of one resource; nil for EKS and when nothing is feasible.
    public func chosen(_ resource: ResourceKind) -> SearchOption? {
        switch resource {
        case .redis: return chosenRedis
        case .gateway: return chosenGateway
        case .dynamodb: return chosenDynamo
        case .eks, .transfer: return nil
        }
    }
}
