import TacoCore

/// What a command asks to estimate: a plan file and, optionally, one of its variants.
public struct PlanRequest: Sendable {
    public var path: String
    public var variant: String?

    public init(path: String, variant: String? = nil) {
        self.path = path
        self.variant = variant
    }
}
