import Foundation

/// One measured row of benchmarks/redis-command-costs.csv.
public struct CommandMeasurement: Codable, Hashable, Sendable {
    public var engine: Engine
    public var version: String
    public var run: String
    public var command: String
    public var n: Int
    public var clients: Int
    /// Command execution only (INFO commandstats `usec_per_call`).
    public var usecPerCall: Double
    /// Everything the server process spent per call, including network syscalls (Δ INFO cpu ÷ calls).
    public var cpuMicrosPerCall: Double
    public var line: Int
    public var host: String
    /// The file the row was read from (the bundled `benchmarks/redis-command-costs.csv` or a user's own).
    public var file = "benchmarks/redis-command-costs.csv"
}
