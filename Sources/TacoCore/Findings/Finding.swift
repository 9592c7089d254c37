/// Something the data says about the plan or the claims it declares.
public struct Finding: Codable, Hashable, Sendable {
    public enum Severity: String, Codable, Hashable, Sendable, Comparable {
        case info, warning, error
        public static func < (a: Self, b: Self) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
        }
    }
    public var id: String
    public var severity: Severity
    public var title: String
    public var message: String
    /// The text of the plan's claim this finding checks (from its `claims:` section), if any.
    public var claim: String?
}
