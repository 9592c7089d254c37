import Foundation

/// The likely cause of a resource's planned-vs-billed difference, computed from the numbers
/// (Docs/Model.md §12 "Reconciliation").
public struct VarianceCause: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// More node-hours (or cluster-hours) than the plan's hours in the window: nodes ran past the event.
        case moreHours = "more-hours"
        case fewerHours = "fewer-hours"
        /// Spot node-hours were a smaller share of the gateway's than the plan's Spot split.
        case lowerSpotShare = "lower-spot-share"
        /// More request units than the plan's expected writes.
        case moreUnits = "more-units"
        case fewerUnits = "fewer-units"
        /// The paid unit price differs from the price the plan used.
        case priceChanged = "price-changed"
        /// Node-hours covered by a Reserved Instance or Savings Plan, which the plan did not assume.
        case commitment
        /// Billed, but the plan's cost model does not price this resource.
        case notModelled = "not-modelled"
        /// Planned, but nothing was billed in the window.
        case notBilled = "not-billed"
        /// The plan has no price for this resource (UNPRICED), so no cost variance can be named.
        case unpricedPlan = "unpriced-plan"
    }

    /// A relative difference below this (1 %) is treated as "as planned": hourly usage records and unit prices
    /// with 8–10 decimals differ from a plan by rounding alone (a judgement, Docs/Model.md §12).
    public static let tolerance: Decimal = 0.01

    public var kind: Kind
    public var message: String

    /// True when `a` differs from `b` by more than the tolerance (relative to `b`; any nonzero when `b` is 0).
    static func differs(_ a: Decimal, _ b: Decimal) -> Bool {
        guard b != 0 else { return a != 0 }
        let d = (a - b) / b
        return d > tolerance || d < -tolerance
    }
}
