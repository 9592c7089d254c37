import Foundation

/// Validation's view of the core model (Docs/Model.md §3 and §8; Docs/Benchmarks.md §3): the plan's traffic at a benchmark
/// step's load, admitted by `AdmissionModel` and routed by `RedisLoad` exactly as `estimate` routes it, on the
/// benchmark's shards and replicas with the benchmark's waiting users as N.
public struct ValidationModel: Sendable {
    public var input: EstimateInput
    /// The plan's own estimate: its traffic, admission rate and chosen shard count.
    public var estimate: Estimate
    public var environment: BenchmarkEnvironment

    public init(input: EstimateInput, environment: BenchmarkEnvironment) {
        self.input = input
        self.estimate = Estimate.compute(input)
        self.environment = environment
    }

    /// Shards of the load test's cluster (the plan's shard count when the benchmark does not say).
    public var benchmarkShards: Int { max(environment.shards ?? planShards, 1) }
    public var benchmarkReplicas: Int { max(environment.replicasPerShard ?? input.plan.redis.replicas, 0) }
    /// Waiting users during the load test: the N of O(log N) and O(N) commands.
    public var benchmarkKeyspace: Double { Double(environment.waitingUsers ?? input.plan.event.users) }
    /// The shard count `estimate` chose for the plan, else the plan's floor.
    public var planShards: Int { max(estimate.redis.chosen?.shards ?? input.plan.redis.minShards, 1) }

    /// The plan with its status API (driver `poll`) run by `implementation`: for `keys` the position lookup (ZRANK on
    /// the queue) becomes `KEYS_queue` on the primary (KEYS walks the node's own keyspace); for `position_index` a
    /// `KEYS_queue` becomes a ZRANK read.
    public static func plan(_ plan: Plan, implementation: StatusImplementation) -> Plan {
        var p = plan
        p.apis = plan.apis.map { api in
            guard api.driver == .poll else { return api }
            var a = api
            a.commands = api.commands.map { use in
                var u = use
                switch (implementation, use.command) {
                case (.keys, "ZRANK"):
                    u.command = "KEYS_queue"
                    u.isRead = false
                case (.positionIndex, "KEYS_queue"):
                    u.command = "ZRANK"
                    u.isRead = true
                default: break
                }
                return u
            }
            return a
        }
        return p
    }

    /// The plan's traffic with `statusRPS` status requests/s: the crowd-driven rates (join, status, heartbeat) scaled
    /// by statusRPS ÷ the plan's status rate (the same crowd, smaller or larger); admission and reservation as the
    /// plan's estimate derives them (AdmissionModel: set by the admission rate, not the crowd).
    public func traffic(statusRPS: Double) -> Traffic {
        var t = estimate.traffic
        let k = t.statusRate > 0 ? statusRPS / t.statusRate : 0
        t.arrivalRate *= k
        t.heartbeatRate *= k
        t.statusRate = statusRPS
        for i in t.apis.indices { t.apis[i].rate = t.rate(of: t.apis[i].driver) }
        t.gatewayRate = t.apis.reduce(0) { $0 + $1.rate }
        t.responseBandwidth = t.apis.reduce(0) { $0 + $1.rate * $1.responseBytes }
        return t
    }

    /// The Redis load of one benchmark step: the plan's traffic at the step's RPS, with the step's status
    /// implementation, the benchmark's replicas and waiting users.
    public func stepLoad(rps: Double, implementation: StatusImplementation) -> Result<RedisLoad, PlanProblem> {
        load(
            traffic: traffic(statusRPS: rps), implementation: implementation, keyspace: benchmarkKeyspace,
            replicas: benchmarkReplicas)
    }

    /// The plan's own operating point: its estimated traffic, replicas and users.
    public func operatingLoad(implementation: StatusImplementation) -> Result<RedisLoad, PlanProblem> {
        load(
            traffic: estimate.traffic, implementation: implementation, keyspace: Double(input.plan.event.users),
            replicas: input.plan.redis.replicas)
    }

    func load(traffic: Traffic, implementation: StatusImplementation, keyspace: Double, replicas: Int) -> Result<
        RedisLoad, PlanProblem
    > {
        var variant = input
        variant.plan = Self.plan(input.plan, implementation: implementation)
        guard variant.plan.apis.contains(where: { $0.driver == .poll && !$0.commands.isEmpty }) else {
            return .failure(
                PlanProblem(
                    file: input.plan.name, location: nil, path: "apis",
                    message:
                        "the plan has no status API (an API with `driver: poll`) to validate against the load test",
                    fix: "add the status API and its Redis commands (see plans/traffic-tacos.yaml)"))
        }
        var (load, missing) = RedisLoad.build(variant, traffic: traffic, keyspace: keyspace)
        if let command = missing.first {
            return .failure(
                PlanProblem(
                    file: input.plan.name, location: nil, path: "apis",
                    message: "no measured cost for command '\(command)' in redis-command-costs.csv",
                    fix:
                        "use a command from the reference benchmark, or measure it with `\(input.spelling(.run(.benchRedis)))`"
                ))
        }
        load.replicas = replicas
        return .success(load)
    }

    /// "replica: ZRANK 10,000/s @ 2.35 µs + …": the commands on the node `busiestNode` picks, for the report.
    public static func breakdown(_ load: RedisLoad, shards: Int, overheadMicros: Double?) -> String {
        let node = load.busiestNode(shards: shards, overheadMicros: overheadMicros)
        var order: [String] = []
        var calls: [String: Double] = [:]
        for c in load.commands {
            var one = load
            one.commands = [c]
            let w = one.nodeWork(shards: shards)
            let n = node.role == .replica ? w.replica.callsPerSecond : w.primary.callsPerSecond
            guard n > 0 else { continue }
            let label = "\(c.command) @ \(Format.number(c.cost.executionMicros, maxDecimals: 2)) µs"
            if calls[label] == nil { order.append(label) }
            calls[label, default: 0] += n
        }
        let parts = order.map { label -> String in
            let (command, cost) = label.split(separator: "@", maxSplits: 1).map(String.init).pair
            return "\(command)\(Format.grouped(calls[label] ?? 0))/s @\(cost)"
        }
        return "\(node.role): " + (parts.isEmpty ? "idle" : parts.joined(separator: " + "))
    }
}

extension Array where Element == String {
    /// The first two elements (empty strings where missing).
    fileprivate var pair: (String, String) { (first ?? "", count > 1 ? self[1] : "") }
}
