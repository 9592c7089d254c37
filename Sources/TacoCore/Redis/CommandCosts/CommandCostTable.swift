import Foundation

/// Per-command costs measured on a real server (the reference benchmark), used to compute engine CPU.
/// Uses the busy-server rows (50 clients, no pipelining): the planning figure redis-bench.md recommends.
public struct CommandCostTable: Codable, Hashable, Sendable {
    public var measurements: [CommandMeasurement] { didSet { byCommand = Self.group(measurements) } }

    /// The rows of each command, built with the table: `cost` runs for every command at every load step
    /// (`validate` on 30,000 steps), where filtering all rows per call would cost a quarter of the run. Derived, so it is
    /// neither encoded nor compared.
    private var byCommand: [String: [CommandMeasurement]] = [:]

    /// The JSON keeps the name `evidence` for the basis (Docs/JSON.md).
    private enum CodingKeys: String, CodingKey {
        case measurements, calibratedOverhead
        case basis = "evidence"
    }

    static func group(_ rows: [CommandMeasurement]) -> [String: [CommandMeasurement]] {
        Dictionary(grouping: rows, by: \.command)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        measurements = try c.decode([CommandMeasurement].self, forKey: .measurements)
        calibratedOverhead = try c.decodeIfPresent(CalibratedOverhead.self, forKey: .calibratedOverhead)
        basis = try c.decodeIfPresent(CostBasis.self, forKey: .basis) ?? .unstated
        byCommand = Self.group(measurements)
    }

    public static func == (a: CommandCostTable, b: CommandCostTable) -> Bool {
        a.measurements == b.measurements && a.calibratedOverhead == b.calibratedOverhead && a.basis == b.basis
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(measurements)
        hasher.combine(calibratedOverhead)
        hasher.combine(basis)
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
    /// Where these costs come from, the fitted baseline, the transfer steps and the band (Docs/Model.md §14). Every
    /// cost `cost(_:n:engine:)` returns is multiplied by `basis.factor`.
    public var basis: CostBasis = .unstated

    /// Largest plausible CPU or command time of one call, µs: 10 s, twice Redis's default `lua-time-limit` / `busy-reply-threshold`
    /// of 5 s (redis.conf) — a row above it measured a stalled server, not a command.
    public static let maxMicrosPerCall = 10_000_000.0
    /// Largest N (keys in the ZSET or keyspace) a row may name: 10⁹, beyond any keyspace one node holds.
    public static let maxN = 1_000_000_000
    /// Largest client count a row may name: ElastiCache's `maxclients` of 65,000 (ElastiCache parameter docs).
    public static let maxClients = 65_000

    public static let complexity: [String: Complexity] = [
        "ZRANK": .logarithmic, "ZRANK_P16": .logarithmic, "ZADD_NX": .logarithmic, "EVALSHA_admit10": .logarithmic,
        "ZCARD": .constant, "GET": .constant, "GET_P16": .constant, "EVALSHA_ratelimit": .constant,
        "SCAN_1call": .constant, "KEYS_queue": .linear, "KEYS_nomatch": .linear,
    ]

    public init(measurements: [CommandMeasurement]) {
        self.measurements = measurements
        byCommand = Self.group(measurements)
    }

    /// Parses the bundled CSV text (columns by name); `spelling` names the benchmark command in a fix.
    public init(csv text: String, file: String = "benchmarks/redis-command-costs.csv", spelling: StepSpelling = .plain)
        throws
    {
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
        let hardwareColumn = table.column("hardware")
        let cpuModelColumn = table.column("cpu_model")
        let coresColumn = table.column("cores")
        let archColumn = table.column("arch")
        func bad(_ line: Int, _ column: Int, _ name: String, _ expected: String, _ found: String) -> CommandCostError {
            CommandCostError(
                Diagnostic(
                    "expected \(expected), found '\(found)'",
                    at: Diagnostic.Location(file: file, line: line, column: column + 1), subject: name,
                    fix:
                        "write the value `\(spelling(.run(.benchRedis)))` measured (columns as benchmarks/redis-command-costs.csv)"
                ))
        }
        func micros(_ line: Int, _ f: [String], _ i: Int, _ name: String) throws(CommandCostError) -> Double {
            guard let v = Double(f[i]), v.isFinite, v > 0, v <= Self.maxMicrosPerCall else {
                throw bad(
                    line, i, name,
                    "a finite number of µs per call above 0 and at most \(Format.grouped(Self.maxMicrosPerCall)) (CommandCostTable.maxMicrosPerCall)",
                    f[i])
            }
            return v
        }
        var rows: [CommandMeasurement] = []
        struct Key: Hashable {
            var engine: Engine, version: String, run: String, command: String, n: Int, clients: Int
        }
        var seen: [Key: CommandMeasurement] = [:]
        for (line, f) in table.rows {
            guard let engine = Engine(rawValue: f[e]) else {
                throw bad(line, e, "engine", "redis or valkey", f[e])
            }
            guard !f[c].isEmpty else { throw bad(line, c, "command", "a command name (ZRANK, GET, …)", f[c]) }
            guard let nn = Int(f[n]), (1...Self.maxN).contains(nn) else {
                throw bad(line, n, "N", "a whole number from 1 to \(Format.grouped(Double(Self.maxN)))", f[n])
            }
            guard let clients = Int(f[cl]), (1...Self.maxClients).contains(clients) else {
                throw bad(
                    line, cl, "clients", "a whole number from 1 to \(Format.grouped(Double(Self.maxClients)))", f[cl])
            }
            let usec = try micros(line, f, u, "usec_per_call")
            let cpuv = try micros(line, f, cpu, "cpu_us_per_call")
            let row = CommandMeasurement(
                engine: engine, version: f[v], run: f[r], command: f[c], n: nn, clients: clients, usecPerCall: usec,
                cpuMicrosPerCall: cpuv, line: line, host: host.map { f[$0] } ?? "", file: file)
            let key = Key(engine: engine, version: f[v], run: f[r], command: f[c], n: nn, clients: clients)
            if let first = seen[key], (first.usecPerCall, first.cpuMicrosPerCall) != (usec, cpuv) {
                throw CommandCostError(
                    Diagnostic(
                        "\(f[c]) at N=\(nn), \(clients) clients (\(engine.rawValue) \(f[v]), run '\(f[r])') "
                            + "is measured twice at different costs (line \(first.line): \(first.usecPerCall) / \(first.cpuMicrosPerCall) µs; "
                            + "line \(line): \(usec) / \(cpuv) µs); expected one row per command, N, clients and run",
                        at: Diagnostic.Location(file: file, line: line, column: u + 1),
                        fix: "keep one of the two rows, or give the runs different labels in the `run` column"))
            }
            seen[key] = row
            rows.append(row)
        }
        measurements = rows
        byCommand = Self.group(rows)
        if let first = table.rows.first?.fields {
            let stated = hardwareColumn.map { first[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            basis = CostBasis(
                baseline: 0, fitError: 0,
                hardware: CostHardware(
                    nodeType: stated, cpuModel: cpuModelColumn.map { first[$0] } ?? host.map { first[$0] } ?? "",
                    cores: coresColumn.flatMap { Int(first[$0]) }, architecture: archColumn.map { first[$0] } ?? "",
                    engine: rows.first?.engine, version: rows.first?.version ?? ""),
                origin: "measured rows of \(file)", steps: [])
        }
    }

    public var commands: [String] { Array(Set(measurements.map(\.command))).sorted() }

    /// The cost of `command` at size `n` on `engine`: the busy-server row whose N is nearest in log scale (the
    /// engine's own rows first; Redis rows stand in for Valkey where Valkey was not measured, noted in the citation).
    public func cost(_ command: String, n: Double, engine: Engine) -> CommandCost? {
        // Unlabelled rows first (a label marks a special paired run in the reference); a user's own file labels
        // every row with its run, and those rows are then the ones to use.
        // The same narrowing as filtering the rows step by step (unlabelled, busy server, own engine), done with
        // predicates in one pass and no copies: validation calls this for every command of every load-test step.
        let all = byCommand[command] ?? []
        let anyUnlabelled = all.contains { $0.run.isEmpty }
        func named(_ r: CommandMeasurement) -> Bool { !anyUnlabelled || r.run.isEmpty }
        let anyBusy = all.contains { named($0) && $0.clients == 50 }
        func candidate(_ r: CommandMeasurement) -> Bool { named(r) && (!anyBusy || r.clients == 50) }
        let anyOwn = all.contains { candidate($0) && $0.engine == engine }
        let logN = log(max(n, 1))
        var best: (index: Int, distance: Double, n: Int)?
        for i in all.indices {
            let r = all[i]
            guard candidate(r), anyOwn ? r.engine == engine : r.engine == .redis else { continue }
            let d = abs(log(Double(r.n)) - logN)
            if let b = best, (b.distance, b.n) <= (d, r.n) { continue }
            best = (i, d, r.n)
        }
        guard let index = best?.index else { return nil }
        let ref = all[index]
        let complexity = CommandCostTable.complexity[command] ?? .constant
        let refOverhead = max(0, ref.cpuMicrosPerCall - ref.usecPerCall)
        let execRef = ref.cpuMicrosPerCall - refOverhead
        let exec = execRef * complexity.scale(n) / complexity.scale(Double(ref.n))
        let factor = basis.factor
        return CommandCost(
            command: command, complexity: complexity, n: n,
            overheadMicros: (calibratedOverhead?.micros ?? refOverhead) * factor, executionMicros: exec * factor,
            reference: ref,
            overheadSource: calibratedOverhead?.source)
    }
}
