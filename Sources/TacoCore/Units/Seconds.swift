import Foundation

/// A duration in seconds, as written in a plan (`30m`, `5s`, `1h`, `250ms`).
public struct Seconds: Codable, Hashable, Comparable, Sendable {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func < (a: Seconds, b: Seconds) -> Bool { a.value < b.value }
    public var hours: Double { value / TimeUnits.secondsPerHour }
}

extension Seconds {
    /// Parses `30m`, `5s`, `1h`, `250ms`, `2d`; a bare number is rejected (seconds or minutes?).
    public static func parse(_ text: String) -> Result<Seconds, UnitError> { UnitParser.duration(text) }
}
