/// The AWS resources the plan sizes and prices (Docs/Model.md §6). The raw value is the name reports print and
/// JSON carries.
public enum ResourceKind: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case redis
    case gateway
    case eks
    case dynamodb
    /// Inter-region data transfer of a multi-region deployment: billed per GB at the source region.
    case transfer

    /// The name reports print: the raw value.
    public var description: String { rawValue }
}
