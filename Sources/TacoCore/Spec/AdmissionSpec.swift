public struct AdmissionSpec: Codable, Hashable, Sendable {
    public var mode: AdmissionMode
    /// Requests/s the reservation backend sustains at 100 %.
    public var backendCapacity: Double
    /// Backend calls each admitted user makes per second of admission (1 in the seed).
    public var backendCallsPerAdmission: Double
    /// Highest backend utilization allowed (the seed keeps ≥ 30 % headroom → 0.7).
    public var maxBackendUtilization: Double
    /// DynamoDB write budget per event in USD (criterion 4); nil = no budget cap.
    public var writeBudget: Money?
}

public enum AdmissionMode: Codable, Hashable, Sendable {
    /// Derive the rate from the four criteria (Docs/Model.md §2).
    case derive
    /// Use this rate (admissions/s) and check it against the criteria.
    case fixed(Double)
}
