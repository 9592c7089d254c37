import Foundation

/// The report model as JSON (`report --format json`): pretty, keys sorted, money as decimal strings, NaN as "nan".
public enum ReportJSON {
    public static func encode(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (String(data: try encoder.encode(report), encoding: .utf8) ?? "") + "\n"
    }

    public static func decode(_ text: String) throws -> Report {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(Report.self, from: Data(text.utf8))
    }
}
