/// What set the admission rate: one criterion (derive mode) or the plan's fixed rate (Docs/Model.md §2).
public enum AdmissionBinding: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case fixed
    case seatDrain = "seat_drain"
    case userExperience = "user_experience"
    case backendCapacity = "backend_capacity"
    case cost

    init(_ criterion: AdmissionCriterion) {
        switch criterion {
        case .seatDrain: self = .seatDrain
        case .userExperience: self = .userExperience
        case .backendCapacity: self = .backendCapacity
        case .cost: self = .cost
        }
    }

    public var description: String { rawValue }
}
