/// One line of `bill list`: what is loaded per provider, account and currency.
public struct BillSummary: Codable, Hashable, Sendable {
    public var provider: String
    public var accountId: String
    public var currency: String
    /// The earliest charge-period start and the latest end.
    public var from: BillInstant
    public var to: BillInstant
    public var rows = 0
    /// Σ BilledCost, exact (summed as Decimal, never as floating point).
    public var billedCost = Money.zero
    public var files = 0

    public init(provider: String, accountId: String, currency: String, from: BillInstant, to: BillInstant) {
        self.provider = provider
        self.accountId = accountId
        self.currency = currency
        self.from = from
        self.to = to
    }
}
