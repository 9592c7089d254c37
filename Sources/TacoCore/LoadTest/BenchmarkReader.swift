import Yams

/// Reads a benchmark YAML file (`benchmarks/seed-load-test.yaml`; schema in Docs/Benchmarks.md) into a
/// `ReferenceBenchmark`, collecting every problem with its file:line:column like the plan decoder does.
public enum BenchmarkReader {
    public static let schema = "tacoplan-benchmark/1"

    public static func read(text: String, file: String) -> Result<ReferenceBenchmark, PlanErrors> {
        let node: Node
        switch PlanText.compose(text, file: file) {
        case .failure(let e): return .failure(e)
        case .success(let n): node = n
        }
        let ctx = ReadContext(file: file)
        guard case .mapping = node else {
            ctx.problem(
                node, "", "expected a mapping of fields, found \(FieldReader.describe(node))",
                fix: "a benchmark file is a YAML mapping (`schema:`, `name:`, `steps:`); see Docs/Benchmarks.md")
            return .failure(PlanErrors(ctx.problems))
        }
        let root = FieldReader(node, path: "", ctx: ctx)
        let schema = root.required("schema", "the schema name", example: Self.schema) { t, n -> String? in
            guard t == Self.schema else {
                ctx.problem(
                    n, "schema", "expected '\(Self.schema)', found '\(t)'", fix: "write `schema: \(Self.schema)`")
                return nil
            }
            return t
        }
        let name = root.required("name", "a name", example: "my-load-test") { t, _ in t }
        let title = root.optional("title", "a title", default: "", note: "none") { t, _ in t }
        let source = root.optional("source", "where the figures come from", default: file, note: "the file") { t, _ in t
        }
        let environment = readEnvironment(root.raw("environment"), ctx: ctx)
        let steps = readSteps(root, ctx: ctx)
        let events = readEvents(root.raw("scale_events"), ctx: ctx)
        let workload = readWorkload(root.raw("workload"), ctx: ctx)
        _ = root.raw("spot")
        root.finish()
        guard ctx.problems.isEmpty, schema != nil, let name else {
            return .failure(PlanErrors(inFileOrder: ctx.problems))
        }
        return .success(
            ReferenceBenchmark(
                name: name, title: title, source: source, file: file, environment: environment, steps: steps,
                scaleEvents: events, workload: workload))
    }

    /// `workload:` — the request mix the load test drove (Docs/Benchmarks.md "workload").
    static func readWorkload(_ node: Node?, ctx: ReadContext) -> BenchmarkWorkload? {
        guard let node else { return nil }
        let r = FieldReader(node, path: "workload", ctx: ctx)
        let source = r.optional("source", "a citation", default: "", note: "none") { t, _ in t }
        let partitions = r.optional("queue_partitions", "a count", default: 1, note: "one queue ZSET") { t, n in
            r.positiveInt(t, n, "queue_partitions", max: 1_000)
        }
        let replicasRead = r.optional("read_from_replicas", "true or false", default: false, note: "reads on primaries")
        {
            r.bool($0, $1, "read_from_replicas")
        }
        let users = r.required("waiting_users", "a count", example: "300000") { t, n in
            r.positiveInt(t, n, "waiting_users", max: 1_000_000_000)
        }
        var apis: [BenchmarkWorkload.Api] = []
        if let apisNode = r.raw("apis") {
            let top = FieldReader(apisNode, path: "workload.apis", ctx: ctx)
            for pair in top.pairs {
                let a = FieldReader(top.raw(pair.key), path: "workload.apis.\(pair.key)", ctx: ctx)
                let rate = a.required("rps", "`step` or requests/s", example: "step") { t, n -> Double?? in
                    if t == "step" { return .some(nil) }
                    return a.number(t, n, "rps", range: 0...1e9).map { .some($0) }
                }
                let commands = ApiReader.readCommands(
                    a.raw("commands"), path: a.fieldPath("commands"), ctx: ctx, parent: a.node)
                a.finish()
                if let rate, let commands {
                    apis.append(BenchmarkWorkload.Api(name: pair.key, fixedRPS: rate, commands: commands))
                }
            }
        } else {
            ctx.problem(node, "workload.apis", "is required (the APIs the load test drove and their Redis commands)")
        }
        r.finish()
        guard let users else { return nil }
        return BenchmarkWorkload(
            source: source, queuePartitions: partitions, readFromReplicas: replicasRead,
            waitingUsers: users, apis: apis)
    }

    static func readEnvironment(_ node: Node?, ctx: ReadContext) -> BenchmarkEnvironment {
        var env = BenchmarkEnvironment()
        guard let node else { return env }
        let r = FieldReader(node, path: "environment", ctx: ctx)
        _ = r.raw("source")
        _ = r.raw("load_generator")
        if let redisNode = r.raw("redis") {
            let redis = FieldReader(redisNode, path: "environment.redis", ctx: ctx)
            env.engine = redis.optional("engine", "redis or valkey", default: nil, note: "unknown") { t, n in
                redis.choice(t, n, "engine", Engine.self)
            }
            env.nodeType = redis.optional("node_type", "a node type", default: nil, note: "unknown") { t, _ in t }
            env.engineVersion = redis.optional("version", "an engine version", default: nil, note: "not stated") {
                t, _ in t
            }
            env.nodes = redis.optional("nodes", "a count", default: nil, note: "unknown") { t, n in
                redis.positiveInt(t, n, "nodes")
            }
            env.shards = redis.optional("shards", "a count", default: nil, note: "unknown") { t, n in
                redis.positiveInt(t, n, "shards")
            }
            env.replicasPerShard = redis.optional("replicas_per_shard", "a count", default: nil, note: "unknown") {
                t, n in
                redis.positiveInt(t, n, "replicas_per_shard", min: 0)
            }
            redis.finish()
        }
        if let gatewayNode = r.raw("gateway") {
            let gateway = FieldReader(gatewayNode, path: "environment.gateway", ctx: ctx)
            for key in ["platform", "autoscaler", "purchase"] { _ = gateway.raw(key) }
            env.hpaTargetCPU = gateway.optional("hpa_target_cpu", "percent", default: nil, note: "unknown") { t, n in
                gateway.number(t, n, "hpa_target_cpu", range: 0...100, exclusiveLow: true)
            }
            gateway.finish()
        }
        if let scenarioNode = r.raw("scenario") {
            let s = FieldReader(scenarioNode, path: "environment.scenario", ctx: ctx)
            env.waitingUsers = s.optional("waiting_users", "a count", default: nil, note: "unknown") { t, n in
                s.positiveInt(t, n, "waiting_users")
            }
            env.statusPollSeconds = s.optional("status_poll_seconds", "seconds", default: nil, note: "unknown") {
                t, n in
                s.number(t, n, "status_poll_seconds", range: 0...TimeUnits.secondsPerDay, exclusiveLow: true)
            }
            for key in ["admission_rps", "reservation_rps"] { _ = s.raw(key) }
            s.finish()
        }
        r.finish()
        return env
    }

    static func readSteps(_ root: FieldReader, ctx: ReadContext) -> [BenchmarkStep] {
        guard let node = root.raw("steps") else {
            ctx.problem(
                root.node, "steps", "is required (a list of load steps)", fix: "add `steps:` with at least one step")
            return []
        }
        guard case .sequence(let items) = node else {
            ctx.problem(node, "steps", "expected a list of steps, found \(FieldReader.describe(node))")
            return []
        }
        if items.isEmpty {
            ctx.problem(node, "steps", "the step list is empty", fix: "add at least one step with `rps` and `measured`")
        }
        guard items.count <= InputLimits.loadTestSteps else {
            ctx.problem(
                node, "steps",
                "\(Format.grouped(Double(items.count))) steps, over the limit of "
                    + "\(Format.grouped(Double(InputLimits.loadTestSteps))) load-test steps (InputLimits.loadTestSteps)",
                fix: "split the load test into several files")
            return []
        }
        var steps: [BenchmarkStep] = []
        // Step names seen so far: a set, so a long load test is checked for duplicates in linear time.
        var names: Set<String> = []
        for (i, item) in items.enumerated() {
            let path = "steps[\(i)]"
            let r = FieldReader(item, path: path, ctx: ctx)
            let name = r.required("name", "a step name", example: "index-10k") { t, _ in t }
            let rps = r.required("rps", "offered requests/s", example: "10000") { t, n in
                r.number(t, n, "rps", range: 0...1e9, exclusiveLow: true)
            }
            let status = r.required("status_implementation", "keys or position_index", example: "position_index") {
                t, n in
                r.choice(t, n, "status_implementation", StatusImplementation.self)
            }
            let pods = r.optional("pods", "a pod count", default: nil, note: "unknown") { t, n in
                r.number(t, n, "pods", range: 0...100_000)
            }
            let source = r.optional("source", "a citation", default: "", note: "none") { t, _ in t }
            let waiting = r.optional("waiting_users", "a count", default: nil, note: "the workload's") { t, n in
                r.positiveInt(t, n, "waiting_users", max: 1_000_000_000)
            }
            let measured = readMeasured(r.raw("measured"), path: "\(path).measured", ctx: ctx)
            r.finish()
            if let name, !names.insert(name).inserted {
                ctx.problem(
                    item, "\(path).name", "step name '\(name)' is used twice", fix: "give each step its own name")
            }
            if let name, let rps, let status {
                var step = BenchmarkStep(
                    name: name, rps: rps, status: status, measured: measured, pods: pods, source: source,
                    location: ctx.location(item))
                step.waitingUsers = waiting ?? nil
                steps.append(step)
            }
        }
        return steps
    }

    static func readMeasured(_ node: Node?, path: String, ctx: ReadContext) -> [BenchmarkResource: MeasuredFigure] {
        guard let node else { return [:] }
        let r = FieldReader(node, path: path, ctx: ctx)
        var out: [BenchmarkResource: MeasuredFigure] = [:]
        for resource in BenchmarkResource.allCases {
            guard let value = r.raw(resource.rawValue) else { continue }
            if let figure = figure(value, path: r.fieldPath(resource.rawValue), ctx: ctx) { out[resource] = figure }
        }
        r.finish()
        return out
    }

    /// `40`, `ok`, `{below: 5}` or `{at_least: 100}`; percent in 0…100.
    static func figure(_ node: Node, path: String, ctx: ReadContext) -> MeasuredFigure? {
        func percent(_ n: Node, _ p: String) -> Double? {
            guard case .scalar(let s) = n, let v = Double(s.string), v.isFinite else {
                ctx.problem(n, p, "expected a percentage (a number from 0 to 100), found \(FieldReader.describe(n))")
                return nil
            }
            guard (0...100).contains(v) else {
                ctx.problem(
                    n, p, "a percentage must lie in 0…100, found \(s.string)", fix: "write percent, e.g. 40 for 40 %")
                return nil
            }
            return v
        }
        switch node {
        case .scalar(let s) where s.string == "ok": return .ok
        case .scalar: return percent(node, path).map(MeasuredFigure.point)
        case .mapping:
            let r = FieldReader(node, path: path, ctx: ctx)
            let below = r.raw("below").flatMap { percent($0, r.fieldPath("below")) }
            let atLeast = r.raw("at_least").flatMap { percent($0, r.fieldPath("at_least")) }
            r.finish()
            switch (below, atLeast) {
            case (let b?, nil): return .below(b)
            case (nil, let a?): return .atLeast(a)
            case (.some, .some):
                ctx.problem(node, path, "give either `below` or `at_least`, not both")
                return nil
            case (nil, nil):
                if ctx.problems.last?.path.hasPrefix(path) != true {
                    ctx.problem(node, path, "expected `{below: N}` or `{at_least: N}`")
                }
                return nil
            }
        default:
            ctx.problem(
                node, path,
                "expected a percentage, `ok`, `{below: N}` or `{at_least: N}`, found \(FieldReader.describe(node))")
            return nil
        }
    }

    static func readEvents(_ node: Node?, ctx: ReadContext) -> [ScaleEvent] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            ctx.problem(node, "scale_events", "expected a list, found \(FieldReader.describe(node))")
            return []
        }
        var events: [ScaleEvent] = []
        for (i, item) in items.enumerated() {
            let r = FieldReader(item, path: "scale_events[\(i)]", ctx: ctx)
            let direction = r.required("direction", "up or down", example: "up") { t, n in
                r.choice(t, n, "direction", ScaleEvent.Direction.self)
            }
            let from = r.required("from_rps", "requests/s", example: "5000") { t, n in
                r.number(t, n, "from_rps", range: 0...1e9)
            }
            let to = r.required("to_rps", "requests/s", example: "10000") { t, n in
                r.number(t, n, "to_rps", range: 0...1e9)
            }
            let duration = r.required("duration_seconds", "seconds", example: "30") { t, n in
                r.number(t, n, "duration_seconds", range: 0...TimeUnits.secondsPerDay)
            }
            let pods = r.required("pods", "pods added or removed", example: "5") { t, n in
                r.number(t, n, "pods", range: 0...100_000)
            }
            let source = r.optional("source", "a citation", default: "", note: "none") { t, _ in t }
            r.finish()
            if let direction, let from, let to, let duration, let pods {
                events.append(
                    ScaleEvent(
                        direction: direction, fromRPS: from, toRPS: to, durationSeconds: duration, pods: pods,
                        source: source))
            }
        }
        return events
    }
}
