import Yams

/// One named variant of a plan: the base plan with the variant's overrides merged in, decoded and validated
/// exactly like a plan.
public struct PlanVariant: Sendable {
    public var name: String
    /// The variant's `about:` text, if any.
    public var about: String?
    /// The overridden field paths, in the order written.
    public var overrides: [String]
    public var plan: Plan
    public var provenance: PlanProvenance
}
