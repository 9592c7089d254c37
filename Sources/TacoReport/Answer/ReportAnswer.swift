import Foundation
import TacoCore

/// The answer slide's content: the verdict line, what the event costs per event, per month, per
/// admitted user and per seat sold, the constraints that set the size, the top risks and the top levers. Every
/// number is selected or divided from the estimate's totals (Docs/Model.md §6); no second cost formula.
public struct ReportAnswer: Codable, Hashable, Sendable {
    /// The answer shows at most this many risks and levers: one slide of 720 px holds three lines of each beside
    /// the four cost figures (checked by scripts/check-slides).
    public static let maxItems = 3

    /// FEASIBLE / AT RISK / INFEASIBLE.
    public enum Feasibility: String, Codable, Hashable, Sendable {
        case feasible = "FEASIBLE"
        case atRisk = "AT RISK"
        case infeasible = "INFEASIBLE"
    }

    /// A lever with the money it saves against the plan as written (positive).
    public struct Lever: Codable, Hashable, Sendable {
        public var name: String
        public var savingPerMonth: Money
        public var percent: Double?
    }

    public var feasibility: Feasibility
    /// One sentence: the feasibility and why, e.g. "FEASIBLE: every resource has a configuration that fits".
    public var verdict: String
    public var perEvent: Money
    public var perMonth: Money
    /// Lines left out of the totals because their price is missing (the totals then read "+ UNPRICED").
    public var unpricedLines: Int
    /// Users admitted on the event timeline (Docs/Model.md §6.0), as the unit economics count them.
    public var admittedUsers: Int?
    /// Seats sold: min(seats, admitted users).
    public var seats: Int?
    /// One event's share of the month ÷ admitted users (the estimate's unit economics, Docs/Model.md §6.2).
    public var perAdmittedUser: Money?
    /// One event's share of the month ÷ seats sold.
    public var perSeat: Money?
    /// "admission: backend_capacity", "Redis: engine CPU" — what sets each resource's size.
    public var binding: [String]
    public var risks: [String]
    /// The levers that save, largest saving first, at most `maxItems`.
    public var topLevers: [Lever]
    /// "redis INFEASIBLE (priced as planned)" when the totals include failing resources at their as-planned cost.
    public var failing: String? = nil
    /// The cheapest configuration that passes the verdict, as a diff against the plan ("+1 read replica per shard:
    /// 1 → 2 (10 → 15 nodes)"), its status, per-month price and change against the plan as written.
    public var fix: String? = nil
    public var fixStatus: String? = nil
    public var fixPerMonth: Money? = nil
    public var fixDeltaPerMonth: Money? = nil
    /// When no configuration in the search bounds passes: the constraint none meets.
    public var unreachable: String? = nil
    /// A multi-region plan's whole deployment: per region and total, topology, inter-region transfer,
    /// the deployment's verdict and fix. The figures above are the home region's (the shared queue's sizing).
    public var deployment: DeploymentAnswer? = nil
}
