import TacoCore

/// The multi-region part of the report: the planned deployment and the topologies side by side.
public struct RegionsSection: Codable, Hashable, Sendable {
    public var deployment: RegionalDeployment
    public var topologies: [RegionalDeployment]
    public init(deployment: RegionalDeployment, topologies: [RegionalDeployment]) {
        self.deployment = deployment
        self.topologies = topologies
    }
}

/// "To reach 100k RPS": the plan in one region at the goal rate (read off the same `--rps` sweep as
/// `tacoplan sweep --rps 10k..100k`), and each multi-region topology at the same crowd.
public struct ReachSection: Codable, Hashable, Sendable {
    public var single: RPSReach
    public var topologies: [RegionalDeployment]
    public init(single: RPSReach, topologies: [RegionalDeployment]) {
        self.single = single
        self.topologies = topologies
    }
}
