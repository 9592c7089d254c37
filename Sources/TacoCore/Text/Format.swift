import Foundation

/// Fixed-locale number formatting (en_US_POSIX digits, comma grouping) so reports are byte-identical everywhere.
public enum Format {
    /// Shortest form: 5 → "5", 0.25 → "0.25".
    public static func plain(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// Grouped with a fixed number of decimals: 300000 → "300,000"; 5.5555, 2 → "5.56".
    public static func grouped(_ v: Double, decimals: Int = 0) -> String {
        guard v.isFinite else { return v.isNaN ? "n/a" : (v > 0 ? "∞" : "-∞") }
        let text = decimalText(Decimal(exactly: v), decimals: decimals)
        return group(text)
    }

    /// A number with up to `maxDecimals`, trailing zeros dropped: 5.5555 → "5.56", 1000 → "1,000".
    public static func number(_ v: Double, maxDecimals: Int = 2) -> String {
        var s = grouped(v, decimals: maxDecimals)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
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

    public static func percent(_ fraction: Double, decimals: Int = 0) -> String {
        grouped(fraction * 100, decimals: decimals) + " %"
    }

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
        var sign = ""
        var body = Substring(s)
        if body.hasPrefix("-") {
            sign = "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let intPart = Array(parts[0])
        var out = ""
        for (i, c) in intPart.enumerated() {
            if i > 0 && (intPart.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return sign + out + (parts.count > 1 ? "." + parts[1] : "")
    }
}
