import Foundation

/// What to minimize.
public enum SearchObjective: String, Codable, Hashable, Sendable, CaseIterable {
    case perMonth = "month"
    case perEvent = "event"
}
