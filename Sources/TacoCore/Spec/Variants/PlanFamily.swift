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

/// A plan file's text as the CLI read it. `file` is the name problems are reported under; for `extends`
/// targets the loader returns a normalized path so that cycles are recognized.
public struct PlanSource: Sendable, Hashable {
    public var file: String
    public var text: String
    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}
