/// Reads a price as AWS prints it (`0.1632000000`, `438`) straight from its UTF-8 bytes: no regular expression, no
/// Foundation number parsing, no allocation. Only `digits[.digits]` is a price; the exact text is what gets stored,
/// the `Double` is only for range checks.
enum PriceText {
    enum Parsed: Equatable {
        case value(Double)
        /// `-digits[.digits]`.
        case negative
        case notANumber
    }

    /// Longer text is not a price AWS prints (they use at most 10 decimals and 7 integer digits).
    static let maxLength = 40

    static func parse(_ text: String) -> Parsed {
        var copy = text
        return copy.withUTF8 { parse(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        guard !bytes.isEmpty, bytes.count <= maxLength else { return .notANumber }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var value = 0.0
        var digits = 0
        while index < bytes.count, let digit = Self.digit(bytes[index]) {
            value = value * 10 + Double(digit)
            digits += 1
            index += 1
        }
        guard digits > 0 else { return .notANumber }
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: ".") else { return .notANumber }
            index += 1
            var scale = 0.1
            var decimals = 0
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                value += Double(digit) * scale
                scale /= 10
                decimals += 1
                index += 1
            }
            guard decimals > 0, index == bytes.count else { return .notANumber }
        }
        return negative ? .negative : .value(value)
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// The text without trailing fractional zeros (`0.1632000000` → `0.1632`, `438.00` → `438`), so two spellings of
    /// one price do not count as a conflict.
    static func canonical(_ text: String) -> Substring {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: ".")) else { return text[...] }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "0") {
            end = utf8.index(before: end)
        }
        if end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: ".") { end = utf8.index(before: end) }
        return text[..<end]
    }
}

/// The sane range of one unit price, by planner unit. A price outside it is refused (`RejectReason.outOfRange`):
/// the bounds are generous multiples of the dearest real price so no genuine price is refused, yet a misplaced column
/// or an overflowed number is.
enum PriceRange {
    /// USD per instance or node hour. The dearest on-demand EC2 instances (the 24–32 TB high-memory `u7i`/`u7in`
    /// types) cost a few hundred USD an hour on the AWS EC2 pricing page; 1,000 leaves headroom for any region.
    static let maxHourly = 1_000.0
    /// USD paid once for a reserved term. A 3-year All Upfront reservation of the largest high-memory instances is a
    /// few million USD (a few hundred USD an hour × 26,280 hours); 50 million is far above any real fee.
    static let maxUpfront = 50_000_000.0
    /// USD per DynamoDB request unit. On-demand writes cost 0.625–1.25 USD per million WRU in us-east-1 before and
    /// after the 2024-11-01 cut (1.25e-6 a unit; Docs/Pricing.md); 1e-3 is 800× that.
    static let maxRequestUnit = 0.001
    /// USD per DynamoDB provisioned capacity-unit hour. A WCU-hour costs 0.00065 USD in us-east-1 (AWS DynamoDB
    /// pricing page); 0.1 is 150× that.
    static let maxCapacityUnitHour = 0.1

    /// The range for a planner unit and purchase option; nil for a unit the planner does not know. On-demand and
    /// DynamoDB prices must be above zero; a reserved hourly rate or fee may be zero (All Upfront has a 0 hourly rate,
    /// No Upfront a 0 fee).
    static func bounds(unit: String, reserved: Bool) -> (min: Double, minInclusive: Bool, max: Double)? {
        switch unit {
        case "hour": (0, reserved, maxHourly)
        case "upfront": (0, true, maxUpfront)
        case "request-unit": (0, false, maxRequestUnit)
        case "capacity-unit-hour": (0, false, maxCapacityUnitHour)
        default: nil
        }
    }

    static func contains(_ value: Double, unit: String, reserved: Bool) -> Bool {
        guard let bounds = bounds(unit: unit, reserved: reserved), value.isFinite else { return false }
        let aboveMin = bounds.minInclusive ? value >= bounds.min : value > bounds.min
        return aboveMin && value <= bounds.max
    }
}

/// What an EC2 instance type or ElastiCache node type looks like: `family.size` (`m7g.xlarge`, `u-24tb1.112xlarge`)
/// or `cache.family.size`; lowercase letters, digits and `-` only, at most `maxLength` bytes. `../../etc` is not one.
enum ProductName {
    /// Longer than any instance type AWS has named (`u7in-32tb.224xlarge` is 19 bytes).
    static let maxLength = 48

    static func isInstanceType(_ text: String, nodeType: Bool) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maxLength else { return false }
        var parts = 1
        var partLength = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                partLength += 1
            case UInt8(ascii: "."):
                guard partLength > 0 else { return false }
                parts += 1
                partLength = 0
            default:
                return false
            }
        }
        guard partLength > 0 else { return false }
        return nodeType ? parts == 3 && text.hasPrefix("cache.") : parts == 2
    }
}
