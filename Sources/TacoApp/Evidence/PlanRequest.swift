import TacoCore

/// What a command asks to estimate: a plan file and, optionally, one of its variants.
public struct PlanRequest: Sendable {
    public var path: String
    public var variant: String?
    /// Which verdict fails the run (`--fail-on`).
    public var failOn: FailOn

    public init(path: String, variant: String? = nil, failOn: FailOn = .infeasible) {
        self.path = path
        self.variant = variant
        self.failOn = failOn
    }
}
