/// A plan resource a billed AWS usage row can be attributed to (Docs/Model.md §12 "Reconciliation").
public enum BillResource: Hashable, Comparable, Sendable {
    /// How an EC2 gateway node was bought (FOCUS PricingCategory).
    public enum Purchase: String, Codable, Hashable, Comparable, Sendable, CaseIterable {
        case onDemand = "On-Demand", spot = "Spot", committed = "Reserved/Savings Plan"
        public static func < (a: Purchase, b: Purchase) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    case cacheNodes(nodeType: String)
    case gatewayNodes(nodeType: String, purchase: Purchase)
    case eksControlPlane
    case dynamoWrites
    case dynamoWriteCapacity
    /// DynamoDB reads: billed, but the plan's cost model does not price them (Docs/Model.md §10).
    case dynamoReads
    /// Data transfer: billed, but the plan's cost model does not price it (Docs/Model.md §10).
    case dataTransfer

    /// Whether the plan's cost model prices this resource at all.
    public var modelled: Bool { self != .dynamoReads && self != .dataTransfer }

    /// The resource column of the reconciliation.
    public var resource: String {
        switch self {
        case .cacheNodes: "redis"
        case .gatewayNodes: "gateway"
        case .eksControlPlane: "eks"
        case .dynamoWrites, .dynamoWriteCapacity, .dynamoReads: "dynamodb"
        case .dataTransfer: "data transfer"
        }
    }

    public var label: String {
        switch self {
        case .cacheNodes(let t): "\(t) nodes"
        case .gatewayNodes(let t, let p): "\(t) \(p.rawValue) nodes"
        case .eksControlPlane: "EKS control plane"
        case .dynamoWrites: "write request units"
        case .dynamoWriteCapacity: "provisioned write capacity"
        case .dynamoReads: "read request units (not in the plan's cost model)"
        case .dataTransfer: "all transfer (not in the plan's cost model)"
        }
    }

    /// What one unit of quantity is.
    public var unit: String {
        switch self {
        case .cacheNodes, .gatewayNodes: "node-hour"
        case .eksControlPlane: "cluster-hour"
        case .dynamoWrites: "WRU"
        case .dynamoWriteCapacity: "WCU-hour"
        case .dynamoReads: "RRU"
        case .dataTransfer: "GB"
        }
    }

    var order: Int {
        switch self {
        case .cacheNodes: 0
        case .eksControlPlane: 1
        case .gatewayNodes: 2
        case .dynamoWrites: 3
        case .dynamoWriteCapacity: 4
        case .dynamoReads: 5
        case .dataTransfer: 6
        }
    }

    public static func < (a: BillResource, b: BillResource) -> Bool {
        if a.order != b.order { return a.order < b.order }
        switch (a, b) {
        case (.cacheNodes(let x), .cacheNodes(let y)): return x < y
        case (.gatewayNodes(let x, let p), .gatewayNodes(let y, let q)): return (x, p) < (y, q)
        default: return false
        }
    }

    /// The resource an AWS usage row is for, or nil when it matches nothing the plan runs (unplanned spend).
    /// EC2 and ElastiCache rows must name an instance type the plan uses (`nodeTypes`).
    public static func of(_ row: BillCharge, nodeTypes: Set<String>) -> BillResource? {
        let service = (row.serviceCode ?? "") + " " + row.serviceName
        let usage = row.usageType ?? ""
        let units = [row.pricingUnit, row.consumedUnit, Optional(usage)].compactMap { $0 }.joined(separator: " ")
        let description = (row.chargeDescription ?? "").lowercased()
        if usage.contains("DataTransfer") || service.contains("AWSDataTransfer") || service.contains("Data Transfer")
            || description.contains("data transfer")
        {
            return .dataTransfer
        }
        if service.contains("ElastiCache") {
            guard let t = row.instanceType, nodeTypes.contains(t) else { return nil }
            return .cacheNodes(nodeType: t)
        }
        if service.contains("Elastic Compute Cloud") || service.contains("AmazonEC2") {
            guard let t = row.instanceType, nodeTypes.contains(t) else { return nil }
            let purchase: Purchase =
                switch row.pricing {
                case .dynamic: .spot
                case .committed: .committed
                default: row.committed ? .committed : .onDemand
                }
            return .gatewayNodes(nodeType: t, purchase: purchase)
        }
        if service.contains("Kubernetes") || service.contains("AmazonEKS") {
            return .eksControlPlane
        }
        if service.contains("DynamoDB") {
            if units.contains("WriteRequestUnits") { return .dynamoWrites }
            if units.contains("WriteCapacityUnit") { return .dynamoWriteCapacity }
            if units.contains("ReadRequestUnits") { return .dynamoReads }
        }
        return nil
    }
}
