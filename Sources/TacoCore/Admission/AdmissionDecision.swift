import Foundation

/// The admission rate and the four criteria behind it (Docs/Model.md §2, the seed's "왜 1,000 RPS로 입장 제어?").
public struct AdmissionDecision: Codable, Hashable, Sendable {
    public struct Criterion: Codable, Hashable, Sendable {
        public var name: AdmissionCriterion
        /// Whether it is a floor, a target or a cap on the rate.
        public var role: CriterionRole
        public var rate: Double?
        public var binding: Bool
        public var note: String
    }
    public var rate: Double
    public var binding: AdmissionBinding
    public var criteria: [Criterion]
    public var backendUtilization: Double
    /// users ÷ rate: how long the last user waits.
    public var impliedWait: Double
}
