import Foundation

/// A UTC instant of a bill, in whole seconds since 1970-01-01T00:00:00Z. FOCUS ChargePeriodStart/End are UTC
/// (start inclusive, end exclusive); CUR 2.0 `line_item_usage_start_date`/`_end_date` are ISO-8601 in UTC.
public struct BillInstant: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    /// Reads `2024-09-01 00:00:00`, `2024-09-01T00:00:00Z`, `2024-09-01T00:00:00.000Z`, `…+00:00` or a bare date
    /// (midnight). Any offset other than UTC is refused: bills are UTC (FOCUS 1.2, ChargePeriodStart).
    public init?(text raw: String) {
        if let fast = BillInstant.fixed(raw) {
            self = fast
            return
        }
        let untrimmed = raw.utf8.first == 0x20 || raw.utf8.last == 0x20
        var t = Substring(untrimmed ? raw.trimmingCharacters(in: .whitespaces) : raw)
        for suffix in ["Z", "z", "+00:00", "+0000", "-00:00", " UTC"] where t.hasSuffix(suffix) {
            t = t.dropLast(suffix.count)
            break
        }
        let parts = t.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 1 || parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
        var clock: Int64 = 0
        if parts.count == 2 {
            let hms = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard hms.count == 2 || hms.count == 3, let h = Int64(hms[0]), let m = Int64(hms[1]),
                (0..<24).contains(h), (0..<60).contains(m)
            else { return nil }
            var s: Int64 = 0
            if hms.count == 3 {
                let whole = hms[2].split(separator: ".", maxSplits: 1)
                guard let first = whole.first, let sec = Int64(first), (0..<60).contains(sec),
                    whole.count == 1 || whole[1].allSatisfy(\.isNumber)
                else { return nil }
                s = sec
            }
            clock = h * 3600 + m * 60 + s
        }
        seconds = Int64(day.ordinal) * 86_400 + clock
    }

    /// The common shapes `2024-09-01 00:00:00` and `2024-09-01T00:00:00Z` read from their bytes; nil for any other
    /// shape (then the general reader above decides).
    static func fixed(_ raw: String) -> BillInstant? {
        var text = raw
        return text.withUTF8 { fixed(UnsafeRawBufferPointer($0)) }
    }

    /// `fixed` on a cell's bytes.
    static func fixed(_ b: UnsafeRawBufferPointer) -> BillInstant? {
        guard b.count == 19 || (b.count == 20 && b[19] == UInt8(ascii: "Z")) else { return nil }
        guard b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x20 || b[10] == UInt8(ascii: "T"), b[13] == 0x3A, b[16] == 0x3A
        else { return nil }
        func num(_ i: Int, _ n: Int) -> Int? {
            var v = 0
            for k in i..<(i + n) {
                let c = b[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
            let s = num(17, 2), h < 24, mi < 60, s < 60, let day = Day(year: y, month: mo, day: d)
        else { return nil }
        return BillInstant(seconds: Int64(day.ordinal) * 86_400 + Int64(h * 3600 + mi * 60 + s))
    }

    /// `2024-09-01T00:00:00Z`.
    public var description: String {
        let split = seconds.quotientAndRemainderFloor(86_400)
        let rest = Int(split.remainder)
        let hms = [rest / 3600, rest % 3600 / 60, rest % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(BillInstant.civil(Int(split.quotient)))T\(hms.joined(separator: ":"))Z"
    }

    /// The calendar day `days` after 1970-01-01 (`Day(ordinal:)`: bill instants are within the years it accepts).
    static func civil(_ days: Int) -> Day { Day(ordinal: days) }

    /// Hours from `a` to `b` (exact).
    public static func hours(from a: BillInstant, to b: BillInstant) -> Decimal {
        Decimal(b.seconds - a.seconds) / 3600
    }

    public static func < (a: BillInstant, b: BillInstant) -> Bool { a.seconds < b.seconds }
}

extension Int64 {
    fileprivate func quotientAndRemainderFloor(_ d: Int64) -> (quotient: Int64, remainder: Int64) {
        let q = self / d
        let r = self % d
        return r < 0 ? (q - 1, r + d) : (q, r)
    }
}
