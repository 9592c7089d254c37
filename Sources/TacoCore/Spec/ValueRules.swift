/// One rule per kind of value read from evidence (price files, Spot data, plans): the ranges every reader uses, with
/// the reason each bound is where it is. Money ranges per unit are `PriceRange` (TacoStore, where prices are parsed);
/// region codes are `AWSRegion`; text is `PrintableText`.
public enum ValueRules {
    /// Spot Instance Advisor savings over On-Demand, in whole per cent: 0 ≤ s < 100. 100 % would make Spot free and
    /// more would make it negative; AWS's published figures run from single digits to about 90 %.
    public static let spotSavingsPercent = 0..<100

    /// Spot Instance Advisor interruption buckets: the advisor's `ranges` list has exactly indexes 0–4
    /// (<5 %, 5–10 %, 10–15 %, 15–20 %, >20 %); any other index is not a bucket AWS publishes.
    public static let spotBuckets = 0...4

    /// The one currency AWS price lists for the commercial Regions use, and the only one the model adds up.
    public static let currency = "USD"

    /// The earliest plausible price effective date: 2006-01-01, the year AWS began selling (S3 in March 2006, EC2 in
    /// August 2006); an earlier day (1900-01-01) is a placeholder, not a price's start.
    public static let earliestEffectiveDate = Day(year: 2006, month: 1, day: 1) ?? .epoch

    /// How far after today a price may take effect: 731 days (two years). AWS announces price changes weeks to
    /// months ahead; a date like 9999-12-31 is a placeholder, and such a price would never be in force.
    public static let effectiveDateLeadDays = 731

    /// Whether `day` is a plausible price effective date when read on `today`.
    public static func plausibleEffectiveDate(_ day: Day, today: Day) -> Bool {
        day >= earliestEffectiveDate && day.ordinal <= today.ordinal + effectiveDateLeadDays
    }

    /// k6 sample timestamps (Unix seconds): 2017-01-01 (1,483,228,800; k6's first release was in 2017) to
    /// 2100-01-01 (4,102,444,800). A negative or zero timestamp would place a step in 1969; a larger one is not a
    /// clock reading.
    public static let k6Timestamps: ClosedRange<Double> = 1_483_228_800...4_102_444_800

    /// DynamoDB's maximum item size, attribute names and values included: 400 KB
    /// (docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html, "Item size"). A larger item
    /// cannot be written, so a plan that assumes one is refused rather than priced.
    public static let dynamoItemBytes = 400 * 1024
}

/// Text from an input that will be printed (a plan or variant name, a claim): printable characters only. Line
/// feeds and tabs are allowed where `multiline` says so; every other control character (ESC, BEL, C1 controls,
/// DEL) and the Unicode bidirectional overrides are refused, because they would drive the terminal or reorder what
/// the reader sees.
public enum PrintableText {
    /// The first character that is not allowed, escaped (`\u{1B}`), or nil when the text is printable.
    public static func firstProblem(_ text: String, multiline: Bool = false) -> String? {
        for scalar in text.unicodeScalars where !allowed(scalar, multiline: multiline) {
            return Excerpt.quoted(String(scalar))
        }
        return nil
    }

    static func allowed(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: multiline
        case 0x00..<0x20, 0x7F...0x9F: false
        default: !isBidiControl(scalar)
        }
    }

    /// The Unicode bidirectional marks, embeddings, overrides and isolates (U+200E–F, U+202A–E, U+2066–9).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
