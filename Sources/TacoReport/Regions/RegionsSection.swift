import TacoCore

/// The multi-region part of the report: the planned deployment and the topologies side by side.
public struct RegionsSection: Codable, Hashable, Sendable {
    public var deployment: RegionalDeployment
    public var topologies: [RegionalDeployment]
    /// The whole deployment's cheapest fix (the assessment's `RegionsAssessment.fix`).
    public var fix: DeploymentFixResult?
    /// The deployment's figures, verdict and fix in the answer's shape (`DeploymentAnswer`).
    public var answer: DeploymentAnswer?
    public init(deployment: RegionalDeployment, topologies: [RegionalDeployment], fix: DeploymentFixResult? = nil) {
        self.deployment = deployment
        self.topologies = topologies
        self.fix = fix
        self.answer = DeploymentAnswer(deployment, fix: fix)
    }
}

/// "To reach 100k RPS": the plan in one region at the goal rate (read off the same `--rps` sweep as
/// `tacoplan sweep --rps 10k..100k`), and each multi-region topology at the same crowd.
public struct ReachSection: Codable, Hashable, Sendable {
    public var single: RPSReach
    public var topologies: [RegionalDeployment]
    /// Each topology's fix at the same crowd (`DeploymentFixSearch`, the deployment fix's own search).
    public var fixes: [DeploymentFix]?
    public init(single: RPSReach, topologies: [RegionalDeployment], fixes: [DeploymentFix]? = nil) {
        self.single = single
        self.topologies = topologies
        self.fixes = fixes
    }
}

/// The answer's multi-region part, the figures a script reads first: per region and in total, the
/// topology, the inter-region transfer, the deployment's verdict and its one fix. Selected from the assessment's
/// deployment and fix, never re-added (the totals are `RegionalDeployment.totals`).
public struct DeploymentAnswer: Codable, Hashable, Sendable {
    public struct Region: Codable, Hashable, Sendable {
        public var region: String
        public var priceRegion: String
        public var users: Int
        public var share: Double
        /// Σ of the region's priced cost lines per month; `unpriced` names the lines left out.
        public var perMonth: Money
        public var unpriced: [String]
    }

    public var topology: String
    public var store: String
    public var home: String
    public var regions: [Region]
    public var perEvent: Money
    public var perMonth: Money
    /// Lines left out of the totals (UNPRICED or failing at no price): the totals are then lower bounds.
    public var unpricedLines: Int
    /// Inter-region transfer per month (priced lines only); `transferUnpriced` when a flow has no price.
    public var transferPerMonth: Money
    public var transferUnpriced: Bool
    /// FEASIBLE / AT RISK / INFEASIBLE of the whole deployment, and its reasons.
    public var verdict: String
    public var reasons: [String]
    /// `pricing fetch` command per region with UNPRICED lines.
    public var fetch: [String]
    /// The whole deployment's cheapest fix (`RegionsAssessment.fix`): its summary, topology, verdict, totals and
    /// difference to the deployment as planned (nil when either is incomplete); `fixText` says why there is none.
    public var fix: String?
    public var fixTopology: String?
    public var fixStatus: String?
    public var fixPerEvent: Money?
    public var fixPerMonth: Money?
    public var fixDeltaPerMonth: Money?
    public var fixText: String

    public init(_ d: RegionalDeployment, fix: DeploymentFixResult?) {
        topology = d.topology.rawValue
        store = d.store.rawValue
        home = d.home
        regions = d.sites.map {
            Region(
                region: $0.region, priceRegion: $0.priceRegion, users: $0.users, share: $0.share,
                perMonth: $0.perMonth, unpriced: $0.unpriced.map(\.component))
        }
        perEvent = d.totals.perEvent
        perMonth = d.totals.perMonth
        unpricedLines = d.totals.missing.count
        let transfer = d.costs.filter { $0.resource == .transfer }
        transferPerMonth = transfer.compactMap(\.perMonth).reduce(.zero, +)
        transferUnpriced = transfer.contains { $0.perMonth == nil }
        verdict = d.status.rawValue
        reasons = d.reasons
        fetch = d.unpricedRegions.map(\.fetch)
        let f = fix?.fix ?? fix?.unpriced
        self.fix = f?.summary
        fixTopology = f?.topology.rawValue
        fixStatus = f?.status.rawValue
        fixPerEvent = f?.deployment.totals.perEvent
        fixPerMonth = f?.deployment.totals.perMonth
        fixDeltaPerMonth = f?.deltaPerMonth
        fixText = fix?.sentence ?? "no fix searched"
    }
}
