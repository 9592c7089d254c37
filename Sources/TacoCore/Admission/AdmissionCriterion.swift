/// The four criteria behind the admission rate (Docs/Model.md §2). The raw value is the name reports print.
public enum AdmissionCriterion: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// seats ÷ window: a floor.
    case seatDrain = "seat_drain"
    /// users ÷ target wait: the target.
    case userExperience = "user_experience"
    /// backend capacity × max utilization ÷ backend calls per admission: a cap.
    case backendCapacity = "backend_capacity"
    /// the DynamoDB write budget per event: a cap.
    case cost

    /// Whether the criterion is a floor, the target or a cap on the rate.
    public var role: CriterionRole {
        switch self {
        case .seatDrain: return .floor
        case .userExperience: return .target
        case .backendCapacity, .cost: return .cap
        }
    }

    /// The id of the figure that computes it (`explain --only admission`).
    public var figureID: String {
        switch self {
        case .seatDrain: return "admission.seat_drain"
        case .userExperience: return "admission.user_experience"
        case .backendCapacity: return "admission.backend_cap"
        case .cost: return "admission.budget_cap"
        }
    }

    public var description: String { rawValue }
}

/// How a criterion bounds the admission rate (Docs/Model.md §2).
public enum CriterionRole: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case floor, target, cap
    public var description: String { rawValue }
}
