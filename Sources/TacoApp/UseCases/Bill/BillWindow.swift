import TacoCore

/// The part of the imported bill a plan is reconciled with: a UTC window, tags, an account, how many sales the window
/// holds and, optionally, how many users were really admitted (Docs/Model.md §12).
public struct BillWindow: Sendable {
    public var from: BillInstant
    public var to: BillInstant
    public var tags: [(key: String, value: String)]
    public var account: String?
    /// Sales in the window; nil = the plan's events per month over the window (`ReconcileUseCase.defaultEvents`).
    public var events: Int?
    public var admitted: Int?

    public init(
        from: BillInstant, to: BillInstant, tags: [(key: String, value: String)], account: String?, events: Int?,
        admitted: Int?
    ) {
        self.from = from
        self.to = to
        self.tags = tags
        self.account = account
        self.events = events
        self.admitted = admitted
    }
}
