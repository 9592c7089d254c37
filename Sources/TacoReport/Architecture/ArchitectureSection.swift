import Foundation
import TacoCore

/// The waiting room as a flow with its peak rates: clients → gateway → Redis queue → backend →
/// DynamoDB, each edge labelled with the peak rate the estimate derived (Docs/Model.md §1–§5).
public struct ArchitectureSection: Codable, Hashable, Sendable {
    /// One box of the flow: its id (Mermaid node id), its name and what it is sized to.
    public struct Node: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var detail: String
    }
    /// One edge with its peak rate per second.
    public struct Edge: Codable, Hashable, Sendable {
        public var from: String
        public var to: String
        /// Requests (or admissions, or writes) per second at the peak.
        public var rate: Double
        /// The rate as the table shows it: "2,250/s".
        public var display: String
        /// What flows along the edge: "requests", "queue calls", "admissions", "writes".
        public var what: String
        /// Where the rate comes from, e.g. "Σ API rates (Docs/Model.md §1)".
        public var source: String
    }
    public var nodes: [Node]
    public var edges: [Edge]
}

extension ArchitectureSection {
    /// The five boxes and four edges from the estimate: clients → gateway carries every API call (the gateway
    /// rate); gateway → queue the calls driven by the crowd (join, status poll, heartbeat); queue → backend the
    /// admission rate; backend → DynamoDB the peak reservation writes.
    static func build(_ e: Estimate, redis: RedisSection, gateway: GatewaySection) -> ArchitectureSection {
        let queueDrivers: Set<ApiDriver> = [.arrival, .poll, .heartbeat]
        let queueRate = e.traffic.apis.filter { queueDrivers.contains($0.driver) }.reduce(0) { $0 + $1.rate }
        func edge(_ from: String, _ to: String, _ rate: Double, _ what: String, _ source: String) -> Edge {
            Edge(
                from: from, to: to, rate: rate, display: Format.number(rate, maxDecimals: 0) + "/s", what: what,
                source: source)
        }
        let pods = gateway.figures.first { $0.id == "gateway.pods" }?.display
        let redisNodes = redis.candidates.first(where: \.chosen)?.nodes
        let nodes = [
            Node(id: "clients", name: "Clients", detail: "the crowd"),
            Node(id: "gateway", name: "Gateway", detail: pods.map { "\($0) pods" } ?? "no fit"),
            Node(id: "queue", name: "\(redis.engine) queue", detail: redisNodes.map { "\($0) nodes" } ?? "no fit"),
            Node(id: "backend", name: "Backend", detail: "admitted users"),
            Node(id: "dynamodb", name: "DynamoDB", detail: "reservations"),
        ]
        let edges = [
            edge("clients", "gateway", e.traffic.gatewayRate, "requests", "Σ API rates (Docs/Model.md §1)"),
            edge(
                "gateway", "queue", queueRate, "queue calls",
                "Σ join, status-poll and heartbeat API rates (Docs/Model.md §1)"),
            edge("queue", "backend", e.traffic.admissionRate, "admissions", "admission rate (Docs/Model.md §2)"),
            edge(
                "backend", "dynamodb", e.dynamodb.peakWritesPerSecond, "writes",
                "admissions × attempts, peak (Docs/Model.md §5)"),
        ]
        return ArchitectureSection(nodes: nodes, edges: edges)
    }
}
