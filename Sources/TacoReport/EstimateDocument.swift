import Foundation
import TacoCore

/// The JSON form of an estimate (`--format json`): versioned, money as decimal strings, keys sorted.
public struct EstimateDocument: Codable, Sendable {
    public static let currentSchema = "tacoplan.estimate/1"
    public var schema: String
    public var estimate: Estimate

    public init(_ estimate: Estimate) {
        schema = EstimateDocument.currentSchema
        self.estimate = estimate
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(self)
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }
}
