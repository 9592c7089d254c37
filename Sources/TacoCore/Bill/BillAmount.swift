import Foundation

/// An exact decimal amount of a bill (cost or quantity) as written in the file: an integer `units` times 10^−`scale`.
/// Read from bytes without Foundation's string parser; values outside `BillAmount.limits` are refused, never rounded.
public struct BillAmount: Codable, Hashable, Sendable {
    /// The value's digits as an integer (sign included) when they fit in 58 bits, else nil (see `text`).
    public var units: Int64?
    /// Decimal places: the value is `units` × 10^−scale.
    public var scale: Int
    /// The exact value when the digits need more than 58 bits (`units` nil); else nil and `decimal` is computed from
    /// `units` and `scale` (no Foundation `Decimal` is built per amount while importing).
    var exact: Decimal?
    /// The exact value.
    public var decimal: Decimal {
        if let units { return BillAmount.decimal(units: units, scale: scale) }
        return exact ?? 0
    }
    /// True below zero.
    public var isNegative: Bool {
        if let units { return units < 0 }
        return (exact ?? 0) < 0
    }

    /// The range a bill amount must lie in (a FinOps judgement, Docs/Billing.md "Limits"): at most 38 significant
    /// digits (Foundation `Decimal`'s precision, so a sum never rounds silently), at most 24 decimal places (CUR and
    /// FOCUS write 8–11) and a magnitude below 10^15 (a quadrillion dollars or units on one line is no bill).
    public enum Limits {
        public static let significantDigits = 38
        public static let decimalPlaces = 24
        public static let integerDigits = 15
    }

    /// Most units that pack with a 5-bit scale into one SQLite INTEGER (`packed`): |units| < 2^58.
    static let packableUnits: UInt64 = 1 << 58

    /// The amount as one Int64 (units × 32 + scale), exact and summable in SQL by scale (`packed >> 5`,
    /// `packed & 31`); nil when the digits need more than 58 bits (stored as text instead).
    public var packed: Int64? { units.map { $0 &* 32 &+ Int64(scale) } }

    /// The amount of a packed Int64 (`packed`).
    public init(packed: Int64) {
        let units = packed >> 5
        let scale = Int(packed & 31)
        self.units = units
        self.scale = scale
    }

    /// Why a text is not a bill amount.
    public enum Problem: Error, Sendable, Equatable {
        case notANumber
        case outOfRange(String)
    }

    /// Reads `-0.00001605990`, `12`, `1.5E-4`: digits with an optional sign, point and exponent; nothing else.
    public static func parse(_ text: String) -> Result<BillAmount, Problem> {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<BillAmount, Problem> {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var fraction = 0
        var point = false
        var overflow = false
        /// Trailing zeros seen after the last nonzero significant digit, not yet multiplied in.
        var zeros = 0
        while i < n {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                digits += 1
                if point { fraction += 1 }
                let d = UInt64(c - 0x30)
                if d == 0 {
                    if significant > 0 { zeros += 1 }
                } else {
                    for _ in 0..<zeros { mul(&mantissa, 10, &overflow) }
                    significant += zeros + 1
                    zeros = 0
                    mul(&mantissa, 10, &overflow)
                    let (s, o) = mantissa.addingReportingOverflow(d)
                    mantissa = s
                    overflow = overflow || o
                }
            } else if c == UInt8(ascii: ".") {
                guard !point else { return .failure(.notANumber) }
                point = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return .failure(.notANumber) }
        var exponent = 0
        if i < n {
            guard bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { return .failure(.notANumber) }
            i += 1
            var expNegative = false
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var expDigits = 0
            while i < n, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                if exponent < 10_000 { exponent = exponent * 10 + Int(bytes[i] - 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0, i == n else { return .failure(.notANumber) }
            if expNegative { exponent = -exponent }
        }
        // value = mantissa × 10^(zeros − fraction + exponent), with `zeros` trailing zeros not multiplied in.
        var power = zeros - fraction + exponent
        if significant == 0 {
            return .success(BillAmount(units: 0, scale: 0, exact: nil))
        }
        guard significant <= Limits.significantDigits else {
            return .failure(.outOfRange("\(significant) significant digits, more than \(Limits.significantDigits)"))
        }
        let integerDigits = significant + power
        guard integerDigits <= Limits.integerDigits else {
            return .failure(
                .outOfRange("a magnitude of 10^\(integerDigits - 1) or more, at most 10^\(Limits.integerDigits)"))
        }
        guard -power <= Limits.decimalPlaces else {
            return .failure(.outOfRange("\(-power) decimal places, more than \(Limits.decimalPlaces)"))
        }
        // Whole numbers are written with scale 0: multiply the trailing zeros back in.
        var units: UInt64? = overflow ? nil : mantissa
        while power > 0, let u = units {
            let (m, o) = u.multipliedReportingOverflow(by: 10)
            units = o ? nil : m
            power -= 1
        }
        let scale = max(0, -power)
        if let u = units, u < packableUnits {
            let signed = negative ? -Int64(u) : Int64(u)
            return .success(BillAmount(units: signed, scale: scale, exact: nil))
        }
        // More than 58 bits of digits: Foundation's parser is exact up to 38 significant digits.
        let text = String(decoding: bytes, as: UTF8.self)
        guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            return .failure(.notANumber)
        }
        return .success(BillAmount(units: nil, scale: scale, exact: d))
    }

    init(units: Int64?, scale: Int, exact: Decimal?) {
        self.units = units
        self.scale = scale
        self.exact = exact
    }

    /// An amount from an exact Decimal (as stored by an older tacoplan), packed when it fits.
    public init(_ d: Decimal) {
        let text = NSDecimalNumber(decimal: d).stringValue
        let parsed = try? BillAmount.parse(text).get()
        units = parsed?.units
        scale = parsed?.scale ?? 0
        exact = units == nil ? d : nil
    }

    /// units × 10^−scale as a Decimal, exactly.
    public static func decimal(units: Int64, scale: Int) -> Decimal {
        let magnitude = Decimal(units.magnitude)
        return Decimal(sign: units < 0 ? .minus : .plus, exponent: -scale, significand: magnitude)
    }

    private static func mul(_ m: inout UInt64, _ k: UInt64, _ overflow: inout Bool) {
        let (r, o) = m.multipliedReportingOverflow(by: k)
        m = r
        overflow = overflow || o
    }
}
