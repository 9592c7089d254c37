/// The sale itself (Docs/PlanSpec.md `event`).
public struct EventSpec: Codable, Hashable, Sendable {
    public var region: String
    /// How long the sale is open; the seed's 30 minutes.
    public var window: Seconds
    public var seats: Int
    /// Peak number of users waiting in the queue at once.
    public var users: Int
    /// How fast the crowd arrives: all `users` join within this time.
    public var ramp: Seconds
    /// The longest wait the UX accepts; sets the user-experience admission rate.
    public var targetWait: Seconds
    public var eventsPerMonth: Int
}
