import Foundation

/// The one JSON form every machine-readable output uses: pretty-printed, keys sorted (byte-identical for the same
/// input), slashes unescaped, money already a decimal string in the models, non-finite numbers as "nan"/"inf".
public enum StableJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (String(data: try encoder.encode(value), encoding: .utf8) ?? "") + "\n"
    }
}
