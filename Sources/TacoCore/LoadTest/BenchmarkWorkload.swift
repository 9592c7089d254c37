/// The request mix a load test drove, declared in the benchmark file (`workload:`, Docs/Benchmarks.md): the APIs and
/// their Redis commands, read routing, queue partitions and waiting users. With it a calibration is a property of the
/// benchmark and its hardware: `LoadTestCalibration` replays this mix, never the plan being judged.
public struct BenchmarkWorkload: Hashable, Sendable {
    public struct Api: Hashable, Sendable {
        public var name: String
        /// Requests/s at every step; nil: the step's RPS (the API the load test stepped, e.g. status).
        public var fixedRPS: Double?
        public var commands: [CommandUse]

        public init(name: String, fixedRPS: Double?, commands: [CommandUse]) {
            self.name = name
            self.fixedRPS = fixedRPS
            self.commands = commands
        }
    }

    public var source: String
    public var queuePartitions: Int
    public var readFromReplicas: Bool
    /// Users in the queue at a step that does not say (the N of O(log N) and O(N) commands).
    public var waitingUsers: Int
    public var apis: [Api]

    /// A command of the workload with no row in the cost table.
    public struct MissingCommand: Error, Hashable, Sendable {
        public var command: String
    }

    public init(source: String, queuePartitions: Int, readFromReplicas: Bool, waitingUsers: Int, apis: [Api]) {
        self.source = source
        self.queuePartitions = queuePartitions
        self.readFromReplicas = readFromReplicas
        self.waitingUsers = waitingUsers
        self.apis = apis
    }

    /// The Redis load of one step: each API at its rate, the stepped API at the step's RPS; a `keys` step runs its
    /// position lookup (ZRANK on the queue) as `KEYS_queue` on the primary (ValidationModel.plan's rule). Costs from
    /// `costs` at N = the step's waiting users (÷ partitions for O(log N) commands). The failure names a command
    /// `costs` lacks.
    public func load(step: BenchmarkStep, replicas: Int, costs: CommandCostTable, engine: Engine) -> Result<
        RedisLoad, MissingCommand
    > {
        let users = Double(step.waitingUsers ?? waitingUsers)
        var loads: [RedisLoad.CommandLoad] = []
        for api in apis {
            let rate = api.fixedRPS ?? step.rps
            for use in api.commands {
                var command = use.command
                var isRead = use.isRead
                if api.fixedRPS == nil {
                    switch (step.status, use.command) {
                    case (.keys?, "ZRANK"): (command, isRead) = ("KEYS_queue", false)
                    case (.positionIndex?, "KEYS_queue"): (command, isRead) = ("ZRANK", true)
                    default: break
                    }
                }
                let perRequest = use.count * (use.fanOut == .otherPartitions ? Double(queuePartitions - 1) : 1)
                guard perRequest > 0, rate > 0 else { continue }
                let complexity = CommandCostTable.complexity[command] ?? .constant
                let n = complexity == .linear ? users : users / Double(queuePartitions)
                guard let cost = costs.cost(command, n: n, engine: engine) else {
                    return .failure(MissingCommand(command: command))
                }
                loads.append(
                    RedisLoad.CommandLoad(
                        api: api.name, command: command, key: use.key, isRead: isRead,
                        callsPerSecond: rate * perRequest, cost: cost,
                        bytesPerCall: CommandBytes.perCall(command, keyspace: users)))
            }
        }
        return .success(
            RedisLoad(
                commands: loads, partitions: queuePartitions, replicas: replicas, readFromReplicas: readFromReplicas))
    }
}
