import Foundation

/// Engine work one status request puts on the busiest Redis node (MODEL §5: cost = per-command overhead +
/// execution; load = Σ calls routed to the node × cost). Validation fits the overhead, so it needs the two parts
/// separately: how many commands land on the node, and how much measured execution time they take.
public struct StatusWork: Hashable, Sendable {
    /// Commands per status request that run on the busiest node (hot-key commands count fully; keys spread by
    /// hash slot count 1 ÷ shards; reads served by replicas are divided among them).
    public var commandsPerRequest: Double
    /// Σ commands × execution µs (INFO commandstats `usec_per_call` at the queue size N) on that node.
    public var executionMicrosPerRequest: Double
    /// "ZRANK ×1 @ 2.09 µs + EVALSHA_ratelimit ×0.2 @ 7 µs": what the figure is made of, for the report.
    public var breakdown: String

    public init(commandsPerRequest: Double, executionMicrosPerRequest: Double, breakdown: String) {
        self.commandsPerRequest = commandsPerRequest
        self.executionMicrosPerRequest = executionMicrosPerRequest
        self.breakdown = breakdown
    }
}

/// Execution cost per command at a size N, from `benchmarks/redis-command-costs.csv`: busy-server rows (50 clients,
/// no paired-run label), the row whose N is nearest in log N, scaled by the command's complexity class.
public struct ExecutionCosts: Sendable {
    struct Row: Sendable {
        var engine: String
        var command: String
        var n: Double
        var usecPerCall: Double
    }
    var rows: [Row]

    /// How execution time grows with N (MODEL §5); commands not listed are O(1).
    static let linear: Set<String> = ["KEYS_queue", "KEYS_nomatch"]
    static let logarithmic: Set<String> = ["ZRANK", "ZRANK_P16", "ZADD_NX", "EVALSHA_admit10"]

    public init(csv text: String, file: String) throws(PlanErrors) {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            throw PlanErrors([
                PlanProblem(
                    file: file, location: SourceLocation(file: file, line: error.line, column: 1), path: "",
                    message: error.message)
            ])
        }
        var problems: [PlanProblem] = []
        var columns: [String: Int] = [:]
        for name in ["engine", "run", "command", "N", "clients", "usec_per_call"] {
            if let i = table.column(name) {
                columns[name] = i
            } else {
                problems.append(PlanProblem(file: file, location: nil, path: name, message: "missing column '\(name)'"))
            }
        }
        guard problems.isEmpty, let e = columns["engine"], let r = columns["run"], let c = columns["command"],
            let nc = columns["N"], let cl = columns["clients"], let u = columns["usec_per_call"]
        else { throw PlanErrors(problems) }
        var rows: [Row] = []
        for (line, f) in table.rows where f[cl] == "50" && f[r].isEmpty {
            guard let n = Double(f[nc]), n > 0, let usec = Double(f[u]), usec >= 0 else {
                problems.append(
                    PlanProblem(
                        file: file, location: SourceLocation(file: file, line: line, column: 1),
                        path: "N/usec_per_call",
                        message: "expected a positive N and a non-negative usec_per_call, found '\(f[nc])', '\(f[u])'"))
                continue
            }
            rows.append(Row(engine: f[e], command: f[c], n: n, usecPerCall: usec))
        }
        guard problems.isEmpty else { throw PlanErrors(problems) }
        self.rows = rows
    }

    /// Execution µs of one `command` call at size `n` on `engine` (Redis rows stand in where the engine has none).
    public func micros(_ command: String, n: Double, engine: Engine) -> Double? {
        let candidates = rows.filter { $0.command == command }
        let own = candidates.filter { $0.engine == engine.rawValue }
        let pool = own.isEmpty ? candidates.filter { $0.engine == Engine.redis.rawValue } : own
        guard let ref = pool.min(by: { (abs(log($0.n / n)), $0.n) < (abs(log($1.n / n)), $1.n) }) else { return nil }
        if Self.linear.contains(command) { return ref.usecPerCall * n / ref.n }
        if Self.logarithmic.contains(command) { return ref.usecPerCall * log2(max(n, 2)) / log2(max(ref.n, 2)) }
        return ref.usecPerCall
    }
}

extension StatusWork {
    /// The plan's status API (driver `poll`) as run by `implementation` on a cluster of `shards` shards holding
    /// `users` waiting users. For `keys` the position lookup (ZRANK on the queue) becomes `KEYS_queue`; for
    /// `position_index` a plan's `KEYS_queue` becomes ZRANK. Returns the unknown commands when costs are missing.
    public static func estimate(
        plan: Plan, implementation: StatusImplementation, users: Double, shards: Int, costs: ExecutionCosts
    ) -> Result<StatusWork, PlanProblem> {
        let r = plan.redis
        let uses = plan.apis.filter { $0.driver == .poll }.flatMap(\.commands).map { use -> CommandUse in
            var u = use
            switch (implementation, use.command) {
            case (.keys, "ZRANK"):
                u.command = "KEYS_queue"
                u.isRead = false  // KEYS walks the keyspace of the node it runs on; modelled on the primary
            case (.positionIndex, "KEYS_queue"): u.command = "ZRANK"
            default: break
            }
            return u
        }
        guard !uses.isEmpty else {
            return .failure(
                PlanProblem(
                    file: plan.name, location: nil, path: "apis",
                    message:
                        "the plan has no status API (an API with `driver: poll`) to validate against the load test",
                    fix: "add the status API and its Redis commands (see plans/traffic-tacos.yaml)"))
        }
        var commands = 0.0
        var micros = 0.0
        var parts: [String] = []
        let partitions = Double(max(r.queuePartitions, 1))
        for use in uses {
            let n = use.command == "KEYS_queue" ? users : users / partitions
            guard let exec = costs.micros(use.command, n: n, engine: r.engine) else {
                return .failure(
                    PlanProblem(
                        file: plan.name, location: nil, path: "apis",
                        message: "no measured cost for command '\(use.command)' in redis-command-costs.csv",
                        fix: "use a command from the reference benchmark, or measure it with `tacoplan bench redis`"))
            }
            let perRequest = use.count * (use.fanOut == .otherPartitions ? partitions - 1 : 1)
            // A hot-key call lands on one partition (1 ÷ P of all calls each, with or without fan-out); a spread key
            // on one of `shards` shards. Reads served by replicas are shared among them.
            var share = use.key.isHotKey ? 1 / partitions : 1 / Double(max(shards, 1))
            if use.isRead && r.readFromReplicas && r.replicas > 0 { share /= Double(r.replicas) }
            share = min(share, 1)
            commands += perRequest * share
            micros += perRequest * share * exec
            parts.append(
                "\(use.command) ×\(Format.number(perRequest * share, maxDecimals: 3)) @ \(Format.number(exec, maxDecimals: 2)) µs"
            )
        }
        return .success(
            StatusWork(
                commandsPerRequest: commands, executionMicrosPerRequest: micros,
                breakdown: parts.joined(separator: " + ")))
    }
}
