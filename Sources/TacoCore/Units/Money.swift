import Foundation

/// US dollars, exact. Prices and costs are `Decimal`; rounding happens only when a renderer displays them.
public struct Money: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var amount: Decimal
    public init(_ amount: Decimal) { self.amount = amount }
    public static let zero = Money(0)

    /// Reads a plain decimal string such as `0.315` or `0.00000125` exactly (no binary floating point).
    public init?(string: String) {
        let t = string.trimmingCharacters(in: .whitespaces)
        guard t.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
            let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        amount = d
    }

    public static func + (a: Money, b: Money) -> Money { Money(a.amount + b.amount) }
    public static func - (a: Money, b: Money) -> Money { Money(a.amount - b.amount) }
    public static func * (a: Money, n: Decimal) -> Money { Money(a.amount * n) }
    public static func < (a: Money, b: Money) -> Bool { a.amount < b.amount }

    /// The exact value as a plain decimal string (JSON carries money this way).
    public var description: String { NSDecimalNumber(decimal: amount).stringValue }

    /// Rounded to `places` decimals, half up (display only).
    public func rounded(_ places: Int) -> Decimal {
        var source = amount
        var result = Decimal()
        NSDecimalRound(&result, &source, places, .plain)
        return result
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let m = Money(string: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(s)' is not a decimal amount")
        }
        self = m
    }
}

extension Decimal {
    /// An exact decimal from a count or a measured quantity, going through its shortest text form so that
    /// 0.1 stays 0.1 (Decimal(Double) would carry binary noise).
    public init(exactly value: Double) {
        self = Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(value)
    }
}

extension Decimal {
    /// For physics and display only; money stays Decimal.
    public var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }
}
