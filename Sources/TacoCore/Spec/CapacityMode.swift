public enum CapacityMode: String, Codable, Hashable, Sendable {
    case onDemand = "on-demand"
    case provisioned
}
