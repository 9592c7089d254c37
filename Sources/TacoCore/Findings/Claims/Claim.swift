/// A statement the plan's authors made, with its source text, that tacoplan checks against its own figures
/// (Docs/PlanSpec.md `claims:`). Plans without claims get no claim findings.
public struct Claim: Codable, Hashable, Sendable {
    public var subject: ClaimSubject
    /// USD for cost and saving claims (exact).
    public var amount: Money?
    /// The number for percentage (in percent), ratio and capacity claims (bytes for `redis_memory`, seconds for
    /// `gateway_scale_out`).
    public var value: Double?
    /// The claim as its authors wrote it, quoted in findings.
    public var text: String
    /// Where it was written (document, section), if given.
    public var source: String?

    public init(subject: ClaimSubject, amount: Money?, value: Double?, text: String, source: String?) {
        self.subject = subject
        self.amount = amount
        self.value = value
        self.text = text
        self.source = source
    }
}

extension Plan {
    /// The plan's claim about `subject`, if it declares one.
    public func claim(_ subject: ClaimSubject) -> Claim? { claims.first { $0.subject == subject } }
}
