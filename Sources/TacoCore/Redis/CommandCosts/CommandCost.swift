import Foundation

/// The cost of one call at a given N, split as Docs/Model.md §3 says: per-command overhead + execution by class.
public struct CommandCost: Codable, Hashable, Sendable {
    public var command: String
    public var complexity: Complexity
    public var n: Double
    /// Parsing, syscalls, event-loop wake-up: full CPU minus command time at the reference row.
    public var overheadMicros: Double
    /// Execution time scaled from the reference row to this N.
    public var executionMicros: Double
    public var totalMicros: Double { overheadMicros + executionMicros }
    public var reference: CommandMeasurement
    /// Where the overhead came from when it is not the reference row's (a calibration), else nil.
    public var overheadSource: String? = nil
    /// "benchmarks/redis-command-costs.csv:41 (redis 7.0.15 ZRANK N=300,000 c=50: 8.73 µs CPU, 2.09 µs command)".
    public var citation: String {
        "\(reference.file):\(reference.line) (\(reference.engine.rawValue) \(reference.version) "
            + "\(reference.command) N=\(Format.grouped(Double(reference.n))) c=\(reference.clients): "
            + "\(Format.number(reference.cpuMicrosPerCall)) µs CPU, \(Format.number(reference.usecPerCall)) µs command; "
            + "\(reference.host))"
            + (overheadSource.map { "; overhead \(Format.number(overheadMicros)) µs from \($0)" } ?? "")
    }
    /// Calls per second that fill one engine core.
    public var saturationRate: Double { 1_000_000 / totalMicros }
}
