import Foundation
import TacoCore

/// The event as the plan states it and the request rates derived from it (Docs/Model.md §1).
public struct TrafficSection: Codable, Hashable, Sendable {
    public struct ApiRow: Codable, Hashable, Sendable {
        public var name: String
        public var driver: String
        public var rate: String
        public var responseBytes: String
    }
    /// The plan inputs the model quotes (users, seats, window…) with where each came from.
    public var facts: [FigureInput]
    public var figures: [Figure]
    public var apis: [ApiRow]
}

/// The admission rate and its four criteria (Docs/Model.md §2; the seed's "왜 1,000 RPS로 입장 제어?").
public struct AdmissionSection: Codable, Hashable, Sendable {
    public struct Criterion: Codable, Hashable, Sendable {
        public var name: String
        public var role: String
        public var rate: String
        public var binding: Bool
        /// The criterion's arithmetic, or its note when it has no rate.
        public var arithmetic: String
        public var note: String
    }
    public var rate: String
    public var binding: String
    public var criteria: [Criterion]
    public var figures: [Figure]
}

/// The Redis/Valkey cluster: memory, network, engine CPU per node, hot key (Docs/Model.md §3).
public struct RedisSection: Codable, Hashable, Sendable {
    public struct CandidateRow: Codable, Hashable, Sendable {
        public var nodeType: String
        public var usableGiB: String
        public var baselineGbps: String
        public var shards: String
        public var nodes: String
        public var hourly: String
        public var chosen: Bool
        public var feasible: Bool
        public var note: String
    }
    public struct NodeRow: Codable, Hashable, Sendable {
        public var role: String
        public var count: Int
        /// Engine CPU in percent of one core (0–100+).
        public var engineCPUPercent: Double
        public var engineCPU: String
        public var network: String
    }
    public var engine: String
    public var figures: [Figure]
    public var candidates: [CandidateRow]
    public var nodes: [NodeRow]
    /// The plan's engine-CPU ceiling in percent, as quoted by the model.
    public var ceilingPercent: Double?
    public var ceiling: String?
    public var infeasible: String?
    /// The requirements that set the chosen cluster's shard count (`RedisSizing.Candidate.shardDrivers`); nil when
    /// no candidate is chosen.
    public var shardDrivers: [ShardDriver]?
}

/// Gateway pods, the nodes they pack onto, the Spot split and pre-warm (Docs/Model.md §4).
public struct GatewaySection: Codable, Hashable, Sendable {
    public struct OptionRow: Codable, Hashable, Sendable {
        public var nodeType: String
        public var architecture: String
        public var podsPerNode: Int
        public var nodes: String
        public var onDemand: Int
        public var spot: Int
        public var hourly: String
        public var chosen: Bool
        public var note: String
    }
    public var figures: [Figure]
    public var options: [OptionRow]
    public var preWarmNeeded: Bool
    public var preWarm: String
}

/// DynamoDB writes: the ceiling, the expected cost, the provisioned alternative (Docs/Model.md §5).
public struct DynamoSection: Codable, Hashable, Sendable {
    public var figures: [Figure]
    public var cheaperMode: String
    public var notes: [String]
}

/// Cost lines and totals (Docs/Model.md §6), plus the per-resource sums the cost chart plots. The totals are the
/// estimate's own, written flat beside the lines in JSON (`costs.perMonth`, `costs.missing`) and read the same way
/// (`r.costs.perMonth`).
@dynamicMemberLookup
public struct CostSection: Codable, Hashable, Sendable {
    /// The estimate's cost line and the seed-style arithmetic of its `cost.N.resource` figure, one JSON object.
    @dynamicMemberLookup
    public struct Line: Codable, Hashable, Sendable {
        public var line: CostLine
        public var arithmetic: String

        public init(_ line: CostLine, arithmetic: String) {
            self.line = line
            self.arithmetic = arithmetic
        }

        public subscript<T>(dynamicMember path: KeyPath<CostLine, T>) -> T { line[keyPath: path] }

        private enum CodingKeys: String, CodingKey { case arithmetic }

        public init(from decoder: any Decoder) throws {
            line = try CostLine(from: decoder)
            arithmetic = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .arithmetic)
        }

        public func encode(to encoder: any Encoder) throws {
            try line.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(arithmetic, forKey: .arithmetic)
        }
    }
    public struct ResourceTotal: Codable, Hashable, Sendable {
        public var resource: String
        public var perEvent: Money
        public var perMonth: Money
        public var unpricedLines: Int
        /// The resource fails as planned: its total is the as-planned cost, labelled INFEASIBLE.
        public var failing = false
    }
    public var lines: [Line]
    public var byResource: [ResourceTotal]
    /// Per hour, event and month; the lines every total excludes (`missing`) and those it includes at their
    /// as-planned cost although their resource fails (`failing`), Docs/Model.md §6.1.
    public var totals: CostTotals
    public var figures: [Figure]

    public init(lines: [Line], byResource: [ResourceTotal], totals: CostTotals, figures: [Figure]) {
        self.lines = lines
        self.byResource = byResource
        self.totals = totals
        self.figures = figures
    }

    public subscript<T>(dynamicMember path: KeyPath<CostTotals, T>) -> T { totals[keyPath: path] }

    private enum CodingKeys: String, CodingKey { case lines, byResource, figures }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lines = try c.decode([Line].self, forKey: .lines)
        byResource = try c.decode([ResourceTotal].self, forKey: .byResource)
        figures = try c.decode([Figure].self, forKey: .figures)
        totals = try CostTotals(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try totals.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lines, forKey: .lines)
        try c.encode(byResource, forKey: .byResource)
        try c.encode(figures, forKey: .figures)
    }
}

/// Savings per lever against a baseline plan (filled by `tacoplan compare`).
public struct LeverSection: Codable, Hashable, Sendable {
    public struct Lever: Codable, Hashable, Sendable {
        public var name: String
        public var description: String
        public var perMonth: Money
        public var percent: Double?

        public init(name: String, description: String, perMonth: Money, percent: Double?) {
            self.name = name
            self.description = description
            self.perMonth = perMonth
            self.percent = percent
        }
    }
    public var baseline: String
    public var baselinePerMonth: Money
    public var levers: [Lever]

    public init(baseline: String, baselinePerMonth: Money, levers: [Lever]) {
        self.baseline = baseline
        self.baselinePerMonth = baselinePerMonth
        self.levers = levers
    }
}

/// Predicted vs measured Redis engine CPU per load-test step (filled by `tacoplan validate`).
public struct ValidationSection: Codable, Hashable, Sendable {
    public struct Step: Codable, Hashable, Sendable {
        public var name: String
        public var rps: Double
        /// Percent of one core.
        public var predictedPercent: Double?
        public var measuredPercent: Double?
        public var measured: String

        public init(name: String, rps: Double, predictedPercent: Double?, measuredPercent: Double?, measured: String) {
            self.name = name
            self.rps = rps
            self.predictedPercent = predictedPercent
            self.measuredPercent = measuredPercent
            self.measured = measured
        }
    }
    public var benchmark: String
    public var steps: [Step]
    public var summary: String

    public init(benchmark: String, steps: [Step], summary: String) {
        self.benchmark = benchmark
        self.steps = steps
        self.summary = summary
    }
}
