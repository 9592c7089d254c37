/// The AWS services tacoplan prices.
public enum Service: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case ec2, elasticache, dynamodb, eks
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
