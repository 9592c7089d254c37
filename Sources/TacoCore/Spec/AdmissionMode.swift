public enum AdmissionMode: Codable, Hashable, Sendable {
    /// Derive the rate from the four criteria (Docs/Model.md §2).
    case derive
    /// Use this rate (admissions/s) and check it against the criteria.
    case fixed(Double)
}
