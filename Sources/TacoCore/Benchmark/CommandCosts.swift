import Foundation

/// How a command's execution time grows with N (MODEL §5).
public enum Complexity: String, Codable, Hashable, Sendable {
    /// O(1): GET, ZCARD, the rate-limit script.
    case constant = "O(1)"
    /// O(log N) in the queue ZSET size: ZRANK, ZADD, the admission script's ZRANGE/ZREM.
    case logarithmic = "O(log N)"
    /// O(N) over the keyspace: KEYS, a full SCAN.
    case linear = "O(N)"

    func scale(_ n: Double) -> Double {
        switch self {
        case .constant: return 1
        case .logarithmic: return log2(max(n, 2))
        case .linear: return max(n, 1)
        }
    }
}

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

/// The cost of one call at a given N, split as MODEL §5 says: per-command overhead + execution by class.
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

public struct CommandCostError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Per-command costs measured on a real server (the reference benchmark), used to compute engine CPU.
/// Uses the busy-server rows (50 clients, no pipelining): the planning figure redis-bench.md recommends.
public struct CommandCostTable: Codable, Hashable, Sendable {
    public var measurements: [CommandMeasurement] { didSet { byCommand = Self.group(measurements) } }

    /// The rows of each command, built with the table: `cost` runs for every command at every load step
    /// (`validate` on 30,000 steps), where filtering all rows per call was a quarter of the run. Derived, so it is
    /// neither encoded nor compared.
    private var byCommand: [String: [CommandMeasurement]] = [:]

    private enum CodingKeys: String, CodingKey { case measurements, calibratedOverhead }

    static func group(_ rows: [CommandMeasurement]) -> [String: [CommandMeasurement]] {
        Dictionary(grouping: rows, by: \.command)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        measurements = try c.decode([CommandMeasurement].self, forKey: .measurements)
        calibratedOverhead = try c.decodeIfPresent(CalibratedOverhead.self, forKey: .calibratedOverhead)
        byCommand = Self.group(measurements)
    }

    public static func == (a: CommandCostTable, b: CommandCostTable) -> Bool {
        a.measurements == b.measurements && a.calibratedOverhead == b.calibratedOverhead
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(measurements)
        hasher.combine(calibratedOverhead)
    }

    /// A per-command overhead fitted elsewhere (e.g. by `validate` to a load test on the target node type) that
    /// replaces each row's own overhead; execution times still come from the rows.
    public struct CalibratedOverhead: Codable, Hashable, Sendable {
        public var micros: Double
        public var source: String
        public init(micros: Double, source: String) {
            self.micros = micros
            self.source = source
        }
    }
    public var calibratedOverhead: CalibratedOverhead?

    public static let complexity: [String: Complexity] = [
        "ZRANK": .logarithmic, "ZRANK_P16": .logarithmic, "ZADD_NX": .logarithmic, "EVALSHA_admit10": .logarithmic,
        "ZCARD": .constant, "GET": .constant, "GET_P16": .constant, "EVALSHA_ratelimit": .constant,
        "SCAN_1call": .constant, "KEYS_queue": .linear, "KEYS_nomatch": .linear,
    ]

    public init(measurements: [CommandMeasurement]) {
        self.measurements = measurements
        byCommand = Self.group(measurements)
    }

    /// Parses the bundled CSV text (columns by name).
    public init(csv text: String, file: String = "benchmarks/redis-command-costs.csv") throws {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            throw CommandCostError(message: "\(file): \(error)")
        }
        func col(_ name: String) throws -> Int {
            guard let i = table.column(name) else {
                throw CommandCostError(message: "\(file): missing column '\(name)'")
            }
            return i
        }
        let (e, v, r, c, n, cl, u, cpu) = (
            try col("engine"), try col("version"), try col("run"), try col("command"), try col("N"),
            try col("clients"), try col("usec_per_call"), try col("cpu_us_per_call")
        )
        let host = table.column("host")
        var rows: [CommandMeasurement] = []
        for (line, f) in table.rows {
            guard let engine = Engine(rawValue: f[e]), let nn = Int(f[n]), let clients = Int(f[cl]),
                let usec = Double(f[u]), let cpuv = Double(f[cpu])
            else {
                throw CommandCostError(message: "\(file):\(line): a field is not a number or an engine (redis, valkey)")
            }
            rows.append(
                CommandMeasurement(
                    engine: engine, version: f[v], run: f[r], command: f[c], n: nn, clients: clients, usecPerCall: usec,
                    cpuMicrosPerCall: cpuv, line: line, host: host.map { f[$0] } ?? "", file: file))
        }
        measurements = rows
        byCommand = Self.group(rows)
    }

    public var commands: [String] { Array(Set(measurements.map(\.command))).sorted() }

    /// The cost of `command` at size `n` on `engine`: the busy-server row whose N is nearest in log scale (the
    /// engine's own rows first; Redis rows stand in for Valkey where Valkey was not measured, noted in the citation).
    public func cost(_ command: String, n: Double, engine: Engine) -> CommandCost? {
        // Unlabelled rows first (a label marks a special paired run in the reference); a user's own file labels
        // every row with its run, and those rows are then the ones to use.
        let all = byCommand[command] ?? []
        let unlabelled = all.filter { $0.run.isEmpty }
        let named = unlabelled.isEmpty ? all : unlabelled
        let busy = named.filter { $0.clients == 50 }
        let candidates = busy.isEmpty ? named : busy
        let own = candidates.filter { $0.engine == engine }
        let pool = own.isEmpty ? candidates.filter { $0.engine == .redis } : own
        guard
            let ref = pool.min(by: {
                (abs(log(Double($0.n)) - log(max(n, 1))), $0.n) < (abs(log(Double($1.n)) - log(max(n, 1))), $1.n)
            })
        else { return nil }
        let complexity = CommandCostTable.complexity[command] ?? .constant
        let refOverhead = max(0, ref.cpuMicrosPerCall - ref.usecPerCall)
        let execRef = ref.cpuMicrosPerCall - refOverhead
        let exec = execRef * complexity.scale(n) / complexity.scale(Double(ref.n))
        return CommandCost(
            command: command, complexity: complexity, n: n,
            overheadMicros: calibratedOverhead?.micros ?? refOverhead, executionMicros: exec, reference: ref,
            overheadSource: calibratedOverhead?.source)
    }
}
