import TacoCore

/// The JSON form of a comparison: versioned, money as decimal strings, keys sorted.
public struct CompareDocument: Codable, Sendable {
    public static let currentSchema = "tacoplan.compare/1"
    public var schema = CompareDocument.currentSchema
    public var comparison: Comparison

    public init(_ comparison: Comparison) { self.comparison = comparison }

    public func json() throws -> String {
        try StableJSON.encode(self)
    }
}
