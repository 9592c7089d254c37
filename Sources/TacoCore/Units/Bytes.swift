import Foundation

/// A size in bytes. `KB`/`MB`/`GB` are decimal (1 KB = 1,000 B, the seed's "1KB per user" arithmetic);
/// `KiB`/`MiB`/`GiB` are binary (AWS node memory is quoted in GiB).
public struct Bytes: Codable, Hashable, Comparable, Sendable {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func < (a: Bytes, b: Bytes) -> Bool { a.value < b.value }
    public static let gib = 1_073_741_824.0
    public var gib: Double { value / Bytes.gib }
    public var megabytes: Double { value / 1_000_000 }
}

extension Bytes {
    /// Parses `1KB`, `200B`, `2GiB`; `1K`, `1kb`, `1Mb` are rejected as ambiguous.
    public static func parse(_ text: String) -> Result<Bytes, UnitError> { UnitParser.bytes(text) }
}
