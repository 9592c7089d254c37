/// Reads the three bundled price-book files (`pricing/prices.csv`, `pricing/instance-specs.csv`,
/// `pricing/spot-advisor.csv`) from their text. Pure: the caller hands in the text and the file name used in errors.
public enum BundledPriceBook {
    /// A row the bundled book cannot use, located as `file:line` with the offending column.
    public struct Problem: Error, CustomStringConvertible, Sendable, Equatable {
        public var file: String
        public var line: Int
        /// The column name, or empty when the problem is the row's shape.
        public var field: String
        public var message: String
        public var description: String {
            field.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(field): \(message)"
        }
    }

    /// Every price row of `pricing/prices.csv`.
    public static func prices(csv text: String, file: String = "pricing/prices.csv") throws(Problem) -> [PriceQuote] {
        let table = try Rows(text: text, file: file)
        var quotes: [PriceQuote] = []
        for row in table.rows {
            let service = try row.parse("service", "ec2, elasticache, dynamodb or eks") { Service(rawValue: $0) }
            let key = PriceKey(
                service: service, region: try row.text("region"), product: try row.text("product"),
                engineOS: try row.text("engine_os"),
                purchaseOption: try row.parse("purchase_option", "on-demand, spot, provisioned or reserved-…") {
                    PurchaseOption(rawValue: $0)
                },
                unit: try row.text("unit"))
            var quote = PriceQuote(
                key: key, usd: try row.parse("usd", "a plain decimal such as 0.315") { Money(string: $0) },
                effectiveFrom: try row.parse("effective_from", "a YYYY-MM-DD date") { Day(iso: $0) },
                source: try row.text("source"), confidence: try row.text("confidence"))
            // `start`: `documented` when effective_from is the announced start, `evidence` (the default) when it is
            // the earliest evidence found (Docs/Pricing.md "Effective dates").
            quote.startDocumented = try row.parse("start", "documented or evidence", default: "evidence") {
                $0 == "documented" ? true : ($0 == "evidence" || $0.isEmpty ? false : nil)
            }
            quotes.append(quote)
        }
        return quotes
    }

    /// Every row of `pricing/instance-specs.csv`.
    public static func specs(csv text: String, file: String = "pricing/instance-specs.csv") throws(Problem)
        -> [InstanceSpec]
    {
        let table = try Rows(text: text, file: file)
        var specs: [InstanceSpec] = []
        for row in table.rows {
            specs.append(
                InstanceSpec(
                    service: try row.parse("service", "ec2 or elasticache") { Service(rawValue: $0) },
                    product: try row.text("product"),
                    architecture: try row.parse("architecture", "arm64 or x86_64") {
                        InstanceSpec.Architecture(rawValue: $0)
                    },
                    vcpu: try row.parse("vcpu", "a whole number of vCPUs") { Int($0) },
                    memoryGiB: try row.parse("memory_gib", "a number of GiB") { Double($0) },
                    baselineGbps: try row.parse("baseline_gbps", "a number of Gbit/s") { Double($0) },
                    burstGbps: try row.parse("burst_gbps", "a number of Gbit/s") { Double($0) },
                    enhancedIO: try row.text("enhanced_io"), source: try row.text("source")))
        }
        return specs
    }

    /// Every row of `pricing/spot-advisor.csv`.
    public static func spotAdvice(csv text: String, file: String = "pricing/spot-advisor.csv") throws(Problem)
        -> [SpotAdvice]
    {
        let table = try Rows(text: text, file: file)
        var advice: [SpotAdvice] = []
        for row in table.rows {
            advice.append(
                SpotAdvice(
                    region: try row.text("region"), instanceType: try row.text("instance_type"),
                    savingsPercent: try row.parse("savings_pct", "a whole percentage") { Int($0) },
                    bucket: try row.parse("interruption_bucket", "a bucket index 0-4") {
                        Int($0).flatMap(InterruptionBucket.init(rawValue:))
                    },
                    capturedOn: try row.parse("captured_on", "a YYYY-MM-DD date") { Day(iso: $0) },
                    source: try row.text("source")))
        }
        return advice
    }
}

extension BundledPriceBook {
    /// A parsed CSV whose rows look their fields up by column name.
    struct Rows {
        var rows: [Row]

        init(text: String, file: String) throws(Problem) {
            let table: CSVTable
            do {
                table = try CSVTable(text: text)
            } catch {
                throw Problem(file: file, line: error.line, field: "", message: error.message)
            }
            let columns = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            rows = table.rows.map { Row(file: file, line: $0.line, fields: $0.fields, columns: columns) }
        }
    }

    /// One data row with its location, for error messages.
    struct Row {
        var file: String
        var line: Int
        var fields: [String]
        var columns: [String: Int]

        /// The field's text; a missing column or an empty value is a problem.
        func text(_ column: String) throws(Problem) -> String {
            guard let index = columns[column], index < fields.count else {
                throw Problem(file: file, line: line, field: column, message: "the header has no '\(column)' column")
            }
            let value = fields[index]
            guard !value.isEmpty else { throw Problem(file: file, line: line, field: column, message: "is empty") }
            return value
        }

        /// An optional column: `fallback` when the header lacks it or the field is empty, else converted.
        func parse<T>(_ column: String, _ expected: String, default fallback: String, _ convert: (String) -> T?)
            throws(Problem) -> T
        {
            let value = columns[column].flatMap { $0 < fields.count ? fields[$0] : nil } ?? ""
            let text = value.isEmpty ? fallback : value
            guard let result = convert(text) else {
                throw Problem(file: file, line: line, field: column, message: "'\(text)' is not \(expected)")
            }
            return result
        }

        /// The field converted by `convert`; a value it rejects is reported with what was `expected`.
        func parse<T>(_ column: String, _ expected: String, _ convert: (String) -> T?) throws(Problem) -> T {
            let value = try text(column)
            guard let result = convert(value) else {
                throw Problem(file: file, line: line, field: column, message: "'\(value)' is not \(expected)")
            }
            return result
        }
    }
}
