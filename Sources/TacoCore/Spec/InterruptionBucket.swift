/// Spot Advisor interruption-frequency buckets (`ranges` in spot-advisor-data.json).
public enum InterruptionBucket: Int, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case under5 = 0, from5to10, from10to15, from15to20, over20
    public var label: String { ["<5%", "5-10%", "10-15%", "15-20%", ">20%"][rawValue] }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public static func parse(_ text: String) -> InterruptionBucket? {
        let t = text.replacingOccurrences(of: " ", with: "")
        return allCases.first { $0.label == t }
    }
}
