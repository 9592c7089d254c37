import Foundation

/// The standard what-ifs a FinOps review asks of any plan, each a closed kind.
public enum LeverKind: String, Codable, Hashable, Sendable, CaseIterable {
    case cacheArchitecture = "cache-architecture"
    case gatewayArchitecture = "gateway-architecture"
    case spotShare = "spot-share"
    case engine
    case dynamoMode = "dynamodb-mode"
    case commitment
    case hotKey = "hot-key"
    /// A multi-region plan under another queue topology.
    case topology
}

/// What became of one automatic lever.
public enum LeverStatus: String, Codable, Hashable, Sendable {
    /// Estimated: the lever plan is feasible and every line priced; `saving` is set.
    case computed
    /// Estimated: the lever reaches only AT RISK (the evidence band crosses a ceiling; `reason` says which) from a
    /// plan that is FEASIBLE or INFEASIBLE. Never counted as a working lever: no saving is stated beside the
    /// FEASIBLE fix. A lever that leaves an AT RISK plan AT RISK is `computed` (like with like).
    case atRisk = "at-risk"
    /// Estimated, but no configuration meets every constraint (`reason` says which).
    case infeasible
    /// Estimated, but a cost line has no price, so no saving is stated (never $0).
    case unpriced
    /// Not estimated: the price book lacks what the lever needs, or the lever does not apply to this plan.
    case notAvailable = "not-available"
}

/// One automatic lever: the plan with one setting changed, estimated with the plan's own evidence (price book,
/// per-command costs, calibration), and the saving against the plan as written (Docs/Model.md §8 "Automatic levers").
public struct AutomaticLever: Codable, Hashable, Sendable {
    public var kind: LeverKind
    /// "Graviton vs x86 (ElastiCache)".
    public var name: String
    /// What changes, from → to: "cache.m7g.xlarge → cache.m5.xlarge (x86)".
    public var change: String
    /// Plan fields the lever overrides (as `variants:` paths).
    public var fields: [String]
    public var status: LeverStatus
    /// The lever plan's totals (nil when not estimated).
    public var perEvent: Money?
    public var perMonth: Money?
    /// Plan − lever per month and per event: positive when the lever is cheaper. nil unless `computed`.
    public var savingPerMonth: Money?
    public var savingPerEvent: Money?
    /// Why the lever is infeasible, unpriced or not available; or a note on a computed one.
    public var reason: String?

    public init(
        kind: LeverKind, name: String, change: String, fields: [String], status: LeverStatus, perEvent: Money?,
        perMonth: Money?, savingPerMonth: Money?, savingPerEvent: Money?, reason: String?
    ) {
        self.kind = kind
        self.name = name
        self.change = change
        self.fields = fields
        self.status = status
        self.perEvent = perEvent
        self.perMonth = perMonth
        self.savingPerMonth = savingPerMonth
        self.savingPerEvent = savingPerEvent
        self.reason = reason
    }
}
