/// How a criterion bounds the admission rate (Docs/Model.md §2).
public enum CriterionRole: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case floor, target, cap
    public var description: String { rawValue }
}
