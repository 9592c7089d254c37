/// One timeline for an event, used by every cost line and warning (Docs/Model.md §6.0): the sale window opens, users are
/// admitted at the admission rate until the queue drains, and the event lasts the window or, when the queue drains
/// after the window closes, until it drains — capped at `maxEventSeconds`. Compute hours and expected writes both
/// follow this one timeline.
public struct EventTimeline: Codable, Hashable, Sendable {
    /// The longest event tacoplan charges (24 h): a queue that would take longer to drain is charged for one day
    /// and the users beyond it are counted as never admitted (Docs/Model.md §6.0).
    public static let maxEventSeconds = 86_400.0

    /// The plan's sale window, seconds.
    public var window: Double
    /// users ÷ admission rate: when the last user would be admitted.
    public var drain: Double
    /// max(window, min(drain, 24 h)): how long the event's resources run and admit users.
    public var eventSeconds: Double
    /// min(users, admission rate × window): admitted while the window is open.
    public var admittedInWindow: Double
    /// min(users, admission rate × event seconds): admitted during the whole event (what expected writes use).
    public var admitted: Double
    /// users − admitted in the window: users still queued when the window closes.
    public var notAdmittedInWindow: Double
    public var users: Double

    public init(users: Int, window: Seconds, admissionRate rate: Double) {
        let u = Double(users)
        self.users = u
        self.window = window.value
        drain = rate > 0 ? u / rate : .infinity
        eventSeconds = max(window.value, min(drain, EventTimeline.maxEventSeconds))
        admittedInWindow = min(u, rate * window.value)
        admitted = min(u, rate * eventSeconds)
        notAdmittedInWindow = max(0, u - admittedInWindow)
    }

    public var eventHours: Double { eventSeconds / 3600 }
}
