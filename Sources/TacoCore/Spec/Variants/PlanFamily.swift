import Yams

/// A plan with its `extends` chain resolved and its variants applied.
public struct PlanFamily: Sendable {
    /// The name the base plan goes by in comparisons.
    public static let baseName = "base"
    public var file: String
    /// The files merged, the plan itself first, then what it extends, and so on.
    public var chain: [String]
    public var base: Plan
    public var baseProvenance: PlanProvenance
    public var variants: [PlanVariant]
}
