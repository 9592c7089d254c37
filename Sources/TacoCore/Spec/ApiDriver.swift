/// What drives an API's request rate (Docs/Model.md §1).
public enum ApiDriver: String, Codable, Hashable, Sendable, CaseIterable {
    /// users ÷ ramp: every user joins once while the crowd arrives.
    case arrival
    /// users ÷ status_poll: every waiting user polls its position.
    case poll
    /// users ÷ heartbeat.
    case heartbeat
    /// the admission rate: one call per admitted user.
    case admission
    /// admissions × attempts per admitted user.
    case reservation
}
