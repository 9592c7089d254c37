import Foundation

/// The one formatter of numbers, money, rates, durations, sizes and percentages: fixed-locale (en_US_POSIX digits,
/// comma grouping) so reports are byte-identical everywhere.
public enum Format {
    /// Shortest form: 5 → "5", 0.25 → "0.25".
    public static func plain(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// Grouped with a fixed number of decimals: 300000 → "300,000"; 5.5555, 2 → "5.56".
    public static func grouped(_ v: Double, decimals: Int = 0) -> String {
        guard v.isFinite else { return v.isNaN ? "n/a" : (v > 0 ? "∞" : "-∞") }
        let text = roundedDigits(v, decimals: decimals) ?? decimalText(Decimal(exactly: v), decimals: decimals)
        return group(text)
    }

    /// `decimalText(Decimal(exactly: v), decimals:)` without Foundation's Decimal: the same shortest round-trip digits
    /// (`"\(v)"`, which `Decimal(exactly:)` parses) rounded half away from zero (`NSDecimalRound` `.plain`) on the
    /// digit string. About 20× faster, which matters when a validation prints 30,000 steps; nil for the exponent
    /// forms (`1e-05`, `1e+16`), which take the Decimal path. `FormatTests` checks both paths agree.
    static func roundedDigits(_ v: Double, decimals: Int) -> String? {
        let zero = UInt8(ascii: "0")
        var bytes = Array("\(v)".utf8)
        guard decimals >= 0, !bytes.contains(UInt8(ascii: "e")) else { return nil }
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let dot = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        var digits = Array(bytes[0..<dot])
        var fraction = dot < bytes.count ? Array(bytes[(dot + 1)...]) : []
        if fraction.count > decimals {
            let up = fraction[decimals] >= UInt8(ascii: "5")
            fraction.removeSubrange(decimals...)
            if up {
                var all = digits + fraction
                var i = all.count - 1
                while i >= 0 && all[i] == UInt8(ascii: "9") {
                    all[i] = zero
                    i -= 1
                }
                if i >= 0 { all[i] += 1 } else { all.insert(UInt8(ascii: "1"), at: 0) }
                digits = Array(all[0..<(all.count - fraction.count)])
                fraction = Array(all[(all.count - fraction.count)...])
            }
        }
        while fraction.count < decimals { fraction.append(zero) }
        while digits.count > 1 && digits[0] == zero { digits.removeFirst() }
        if digits.isEmpty { digits = [zero] }
        let isZero = digits.allSatisfy { $0 == zero } && fraction.allSatisfy { $0 == zero }
        var out = negative && !isZero ? "-" : ""
        out += String(decoding: digits, as: UTF8.self)
        if decimals > 0 { out += "." + String(decoding: fraction, as: UTF8.self) }
        return out
    }

    /// A number with up to `maxDecimals`, trailing zeros dropped: 5.5555 → "5.56", 1000 → "1,000".
    public static func number(_ v: Double, maxDecimals: Int = 2) -> String {
        // Trailing zeros and a bare point dropped on UTF-8 bytes (Character-level `removeLast` is slow per call).
        var bytes = Array(grouped(v, decimals: maxDecimals).utf8)
        if bytes.contains(UInt8(ascii: ".")) {
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "$2,299.50"; `places` defaults to cents, more for unit prices.
    public static func usd(_ m: Money, places: Int = 2) -> String {
        let v = m.rounded(places)
        let negative = v < 0
        let text = group(decimalText(negative ? -v : v, decimals: places))
        return (negative ? "-$" : "$") + text
    }

    /// A unit price shown with all its significant digits (0.00000125 stays so).
    public static func unitPrice(_ m: Money) -> String { "$" + m.description }

    /// The one percent rule: a fraction shown as a percentage with at most one decimal, a trailing zero dropped
    /// (0.333 → "33.3 %", 0.5 → "50 %", 0.7962 → "79.6 %"). One decimal because ceilings and shares are planned in
    /// whole or tenth percents: a whole-percent rounding would print a 79.6 % utilization as "80 %" beside its
    /// 80 % ceiling, and a second decimal is noise the model's inputs do not carry.
    public static func percent(_ fraction: Double) -> String { number(fraction * 100, maxDecimals: 1) + " %" }

    /// The same rule for a value already in percent points (a measured CPU %, a Spot saving %): 56.24 → "56.2 %".
    public static func percent(points: Double) -> String { number(points, maxDecimals: 1) + " %" }

    /// A rate per second with up to two decimals: 1000 → "1,000/s", 8.404 → "8.4/s".
    public static func rate(_ perSecond: Double) -> String { number(perSecond, maxDecimals: 2) + "/s" }

    /// A duration: below a second in milliseconds (up to three decimals), else in seconds (up to two).
    public static func seconds(_ s: Seconds) -> String {
        s.value < 1 ? number(s.value * 1000, maxDecimals: 3) + " ms" : number(s.value, maxDecimals: 2) + " s"
    }

    /// Bytes in decimal megabytes (10⁶ bytes), up to two decimals.
    public static func megabytes(_ bytes: Double) -> String { number(bytes / 1_000_000, maxDecimals: 2) + " MB" }

    /// Bytes in gibibytes (2³⁰ bytes, as ElastiCache sizes nodes), up to two decimals.
    public static func gibibytes(_ bytes: Double) -> String { number(bytes / Bytes.gib, maxDecimals: 2) + " GiB" }

    static func decimalText(_ d: Decimal, decimals: Int) -> String {
        var source = d
        var r = Decimal()
        NSDecimalRound(&r, &source, decimals, .plain)
        var s = NSDecimalNumber(decimal: r).stringValue
        if decimals > 0 {
            if !s.contains(".") { s += "." }
            let have = s.count - (s.firstIndex(of: ".").map { s.distance(from: s.startIndex, to: $0) } ?? 0) - 1
            if have < decimals { s += String(repeating: "0", count: decimals - have) }
        }
        return s
    }

    static func group(_ s: String) -> String {
        // On UTF-8 bytes: a validation prints tens of thousands of grouped numbers, and Character appends were a
        // tenth of such a run.
        var bytes = Array(s.utf8)
        var sign: [UInt8] = []
        if bytes.first == UInt8(ascii: "-") {
            sign = [UInt8(ascii: "-")]
            bytes.removeFirst()
        }
        let dot = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        var out = sign
        out.reserveCapacity(bytes.count + dot / 3 + 1)
        for i in 0..<dot {
            if i > 0 && (dot - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(bytes[i])
        }
        out.append(contentsOf: bytes[dot...])
        return String(decoding: out, as: UTF8.self)
    }
}
