/// Which billed rows a reconciliation looks at: a charge period starting in [from, to), and optionally tags and an
/// account (billing or sub-account).
public struct BillSelection: Sendable {
    public var from: BillInstant
    public var to: BillInstant
    /// KEY=VALUE pairs that must all be on the row. A CUR 2.0 key `user:KEY` also matches KEY.
    public var tags: [(key: String, value: String)]
    public var account: String?

    public init(from: BillInstant, to: BillInstant, tags: [(key: String, value: String)] = [], account: String? = nil) {
        self.from = from
        self.to = to
        self.tags = tags
        self.account = account
    }

    public func matches(_ row: BillRow) -> Bool {
        guard row.chargeStart >= from, row.chargeStart < to else { return false }
        if let account, row.accountId != account, row.subAccountId != account { return false }
        guard !tags.isEmpty else { return true }
        let map = row.tagMap
        return tags.allSatisfy { t in map[t.key] == t.value || map["user:" + t.key] == t.value }
    }
}
