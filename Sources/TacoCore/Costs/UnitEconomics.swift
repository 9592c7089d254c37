import Foundation

/// What one event costs per unit of business (Docs/Model.md §6.2): per admitted user, per seat sold and per million status
/// requests. The cost is one event's share of the month — per-month total ÷ events per month — so always-on
/// resources count too. When a total is incomplete (UNPRICED or INFEASIBLE lines) the figures are lower bounds and
/// `complete` is false.
public struct UnitEconomics: Codable, Hashable, Sendable {
    /// per-month total ÷ events per month.
    public var costPerEvent: Money
    /// Users admitted on the event timeline (Docs/Model.md §6.0).
    public var admittedUsers: Double
    /// min(seats, admitted users): each admitted user buys at most one seat.
    public var seatsSold: Double
    /// ∫ queue length dt ÷ status_poll over the event: the queue falls from `users` at the admission rate.
    public var statusRequests: Double
    public var perAdmittedUser: Money?
    public var perSeatSold: Money?
    public var perMillionStatusRequests: Money?
    public var complete: Bool

    static func compute(_ input: EstimateInput, timeline t: EventTimeline, admissionRate r: Double, totals: CostTotals)
        -> UnitEconomics
    {
        let events = max(input.plan.event.eventsPerMonth, 1)
        let cost = Money(totals.perMonth.amount / Decimal(events))
        let sold = min(Double(input.plan.event.seats), t.admitted)
        // Queue length Q(t) = users − r·t until it drains at D = users ÷ r; over the event (T seconds) the
        // integral is users·T' − r·T'²/2 with T' = min(D, T). Each waiting user polls once per status_poll.
        let span = min(t.drain, t.eventSeconds)
        let waitingSeconds = t.users * span - r * span * span / 2
        let status = max(0, waitingSeconds) / input.plan.clients.statusPoll.value
        func per(_ n: Double) -> Money? {
            guard n > 0 else { return nil }
            return Money(cost.amount / Decimal(exactly: n))
        }
        return UnitEconomics(
            costPerEvent: cost, admittedUsers: t.admitted, seatsSold: sold, statusRequests: status,
            perAdmittedUser: per(t.admitted), perSeatSold: per(sold), perMillionStatusRequests: per(status / 1e6),
            complete: totals.complete)
    }
}
