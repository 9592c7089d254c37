import Foundation

/// The report model as JSON (`report --format json`): pretty, keys sorted, money as decimal strings, NaN as "nan".
public enum ReportJSON {
    /// The observability model stays out: `tacoplan observe` writes it in the formats its tools read.
    public static func encode(_ report: Report) throws -> String {
        var report = report
        report.observability = nil
        return try StableJSON.encode(report)
    }

    public static func decode(_ text: String) throws -> Report {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(Report.self, from: Data(text.utf8))
    }
}
