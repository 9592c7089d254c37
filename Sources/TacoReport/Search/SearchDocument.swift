import TacoCore

/// The JSON form of a search: versioned, money as decimal strings, keys sorted, deterministic.
public struct SearchDocument: Codable, Sendable {
    public static let currentSchema = "tacoplan.search/1"

    public struct Option: Codable, Sendable {
        public var configuration: String
        public var nodes: Int
        public var hourly: Money?
        public var cost: Money?
        /// Cost minus the chosen configuration's cost (negative for a cheaper rejected one).
        public var versusChosen: Money?
        public var rejectedBy: String?
        public var detail: String
    }

    public struct Resource: Codable, Sendable {
        public var resource: String
        public var evaluated: Int
        public var chosen: Option?
        public var alternatives: [Option]
        public var rejectedCheaper: [Option]
    }

    public var schema = SearchDocument.currentSchema
    public var plan: String
    public var file: String
    public var variant: String?
    public var asOf: String
    public var objective: String
    public var space: SearchSpace
    public var evaluated: Int
    public var combinations: Double
    public var feasible: Bool
    /// The fixed cost of the objective (the EKS control plane).
    public var fixed: Money
    public var total: Money?
    public var resources: [Resource]
    public var warnings: [String]
    /// The plan's one assessment: verdict, exit, as-planned and fix totals. The search's per-resource
    /// tables list configurations; the verdict and the exit are the assessment's, never the table's.
    public var assessment: AssessmentDigest?
    /// The cheapest fix across shards, replicas, queue partitions, node types, engine and Spot share.
    public var fix: PlanAssessment.Fix?
    /// Configurations that pass the verdict but lack a price, each with the `tacoplan pricing fetch` command.
    public var feasibleUnpriced: [PlanAssessment.UnpricedOption] = []

    /// The document of one search of `input` (from `file`, optionally a variant), listing `top` alternatives.
    public init(
        _ input: EstimateInput, file: String, variant: String?, space: SearchSpace, result: SearchResult, top: Int
    ) {
        plan = input.plan.name
        self.file = file
        self.variant = variant
        asOf = input.asOf.description
        objective = result.objective.rawValue
        self.space = space
        evaluated = result.evaluated
        combinations = result.combinations
        fixed = result.fixed
        total = result.total
        warnings = result.warnings
        resources = [ResourceKind.redis, .gateway, .dynamodb].map { kind in
            let pick = result.chosen(kind)
            func option(_ o: SearchOption) -> Option {
                var versus: Money?
                if let c = o.cost, let best = pick?.cost { versus = c - best }
                return Option(
                    configuration: o.configuration, nodes: o.nodes, hourly: o.hourly, cost: o.cost,
                    versusChosen: versus, rejectedBy: o.rejectedBy, detail: o.detail)
            }
            return Resource(
                resource: kind.rawValue, evaluated: result.all(kind).count, chosen: pick.map(option),
                alternatives: result.top(kind, top).map(option),
                rejectedCheaper: result.rejectedCheaper(kind).map(option))
        }
        feasible = resources.allSatisfy { $0.chosen != nil }
    }

    public func json() throws -> String {
        try StableJSON.encode(self)
    }
}
