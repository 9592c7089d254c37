import Foundation

/// Every alarm, alerting rule, dashboard panel and pre-flight check `tacoplan observe` writes, with its threshold
/// and the estimate figure it comes from. This is the ONE place the estimate is mapped to thresholds: the
/// CloudFormation, Prometheus, Grafana and Markdown renderers only print it (Docs/Observability.md).
public struct ObservabilityModel: Codable, Hashable, Sendable {
    public var plan: String
    /// The plan variant (`--variant`) the files watch; nil for the plan itself.
    public var variant: String? = nil
    public var region: String
    public var asOf: Day
    public var verdict: PlanVerdict
    /// The assessment's cheapest fix (or the constraint none meets), named at the top of every file.
    public var fix = AssessedFix(kind: .none, summary: "")
    /// ElastiCache replication group id, DynamoDB table and EKS cluster the template's parameters default to.
    public var replicationGroup: String
    public var table: String
    public var cluster: String
    /// The cache nodes the ElastiCache alarms watch: `<group>-<shard 4 digits>-<node 3 digits>` suffixes.
    public var cacheNodes: [CacheNode]
    /// What the cluster is: "5 shards × (1 primary + 1 replica) cache.m7g.xlarge (as planned: no candidate fits)".
    public var cacheCluster: String
    public var alarms: [CloudWatchAlarm]
    public var recordingRules: [RecordingRule]
    public var alerts: [PrometheusAlert]
    public var rows: [DashboardRow]
    public var preflight: [PreflightCheck]
    /// What the plan cannot be watched for, and why (no figure, no metric).
    public var notes: [String]

    public struct CacheNode: Codable, Hashable, Sendable {
        /// "-0001-001".
        public var suffix: String
        public var shard: Int
        public var replica: Bool
    }

    // MARK: named constants (observability-facts.md keys in brackets)

    /// CloudWatch publishes ElastiCache and DynamoDB metrics once a minute [ECH, DDB]: the alarm period.
    public static let period = 60
    /// Consecutive breaching minutes before a capacity alarm fires: AWS's recommended 5 of 5 for EngineCPU and
    /// memory [RA]. A sale's queue drains in minutes, so the alarms that track the plan's own sized figures use
    /// this too: a shorter window pages on the ramp's first spike.
    public static let capacityMinutes = 5
    /// AWS's recommendation for CurrConnections: 10 of 10 [RA].
    public static let connectionMinutes = 10
    /// AWS's recommendation for ReplicationLag: 15 of 15 [RA].
    public static let replicationLagMinutes = 15
    /// A throttle is a lost reservation attempt during the sale: one minute with any throttle alarms (I, §7.3).
    public static let throttleMinutes = 1
    /// Connections ElastiCache itself keeps open to each node for monitoring: "4–6" [ECR]; the upper end.
    public static let monitoringConnections = 6
    /// Connections one ElastiCache node accepts at most: 65,000 [RA].
    public static let maxNodeConnections = 65_000
    /// `for:` of the gateway alerts that track a sized rate: two Prometheus evaluations of a 1-minute rate window.
    public static let rateForSeconds = 120
    /// `for:` of the HPA-at-max alert: the 15 s HPA sync period × 8 — HPA has had time to ask for more pods.
    public static let hpaForSeconds = 120
    /// Quantile of the latency objective.
    public static let latencyQuantile = 0.99

    /// Builds the model from the plan's one assessment (its verdict and cheapest fix), the estimate it was made
    /// from, the plan input (for provenance) and the relief levers estimated from the same input. Every alarm and
    /// alert expected to fire on a plan that is not FEASIBLE gets the assessment's fix as its first action.
    public static func build(
        _ a: PlanAssessment, estimate e: Estimate, input: EstimateInput, levers: [ReliefKind: ReliefLever]
    ) -> ObservabilityModel {
        var m = build(e, input: input, levers: levers)
        m.verdict = a.verdict
        m.fix = AssessedFix.from(a, spelling: input.spelling)
        guard a.verdict.status != .feasible, let first = m.fix.action else { return m }
        func lead(_ r: inout Relief) { r.action = first + " During the sale: " + r.action }
        for i in m.alarms.indices where m.alarms[i].expectedToBreach { lead(&m.alarms[i].relief) }
        for i in m.alerts.indices where m.alerts[i].expectedToBreach { lead(&m.alerts[i].relief) }
        return m
    }

    /// Builds the model from one estimate of the plan (the same evidence and verdict `estimate` prints), the plan
    /// input it was computed from (for provenance) and the relief levers estimated from the same input.
    public static func build(_ e: Estimate, input: EstimateInput, levers: [ReliefKind: ReliefLever])
        -> ObservabilityModel
    {
        var b = Builder(e: e, input: input, levers: levers)
        b.redis()
        b.dynamo()
        b.eks()
        b.gateway()
        b.checks()
        let o = input.plan.observability
        return ObservabilityModel(
            plan: e.plan, region: e.region, asOf: e.asOf, verdict: e.verdict, replicationGroup: b.group,
            table: o.table, cluster: o.cluster ?? slug(e.plan, max: 100), cacheNodes: b.nodes,
            cacheCluster: b.clusterText, alarms: b.alarms, recordingRules: b.records, alerts: b.alerts,
            rows: b.rows.filter { !$0.panels.isEmpty }, preflight: b.preflight, notes: b.notes)
    }

    /// Shards of the cluster as planned when no candidate fits: the first candidate's memory and network shard
    /// counts and `redis.min_shards` (the engine shard count does not exist: the hot key binds).
    static func plannedShards(_ e: Estimate, _ plan: Plan) -> Int {
        let c = e.redis.candidates.first
        return max(plan.redis.minShards, c?.memoryShards ?? 1, c?.networkShards ?? 1, e.redis.engineShards ?? 1)
    }

    /// Lower-case letters, digits and single hyphens from `text`, starting with a letter, at most `max` long.
    public static func slug(_ text: String, max: Int) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                out.append(ch)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.first?.isNumber == true { out.removeFirst() }
        out = String(out.prefix(max))
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "waiting-room" : out
    }
}

extension ObservabilityModel {
    /// Fills the model one resource at a time.
    struct Builder {
        let e: Estimate
        let input: EstimateInput
        let levers: [ReliefKind: ReliefLever]
        var alarms: [CloudWatchAlarm] = []
        var records: [RecordingRule] = []
        var alerts: [PrometheusAlert] = []
        var rows: [DashboardRow] = []
        var preflight: [PreflightCheck] = []
        var notes: [String] = []
        var nodes: [CacheNode] = []
        var clusterText = ""
        var group: String

        init(e: Estimate, input: EstimateInput, levers: [ReliefKind: ReliefLever]) {
            self.e = e
            self.input = input
            self.levers = levers
            group = input.plan.observability.replicationGroup ?? ObservabilityModel.slug(e.plan, max: 40)
        }

        var plan: Plan { input.plan }
        var spec: ObservabilitySpec { input.plan.observability }

        func figure(_ id: String) -> Figure? { e.figures.first { $0.id == id } }

        /// The source of a threshold that is a figure of the estimate; `origin` names the plan input behind it.
        func source(_ id: String, origin: String) -> ThresholdSource {
            let f = figure(id)
            return ThresholdSource(
                figure: id, label: f?.label ?? id, display: f?.display ?? "—",
                arithmetic: f.map { "\($0.formula): \($0.arithmetic)" } ?? "not computed for this plan", origin: origin)
        }

        /// The levers that relieve an alarm: those estimated feasible first, cheapest per month first (the
        /// cheapest fix leads), then unpriced, AT RISK, infeasible; ties keep the order given.
        func relief(_ action: String, _ kinds: [ReliefKind], note: String? = nil) -> Relief {
            func rank(_ l: ReliefLever) -> Int {
                switch l.status {
                case .computed: 0
                case .unpriced: 1
                case .atRisk: 2
                case .infeasible: 3
                case .notAvailable: 4
                }
            }
            let found = kinds.compactMap { levers[$0] }.enumerated().sorted { a, b in
                let (ra, rb) = (rank(a.element), rank(b.element))
                if ra != rb { return ra < rb }
                if ra == 0, let pa = a.element.perMonth, let pb = b.element.perMonth, pa != pb { return pa < pb }
                return a.offset < b.offset
            }.map(\.element)
            return Relief(action: action, levers: found, note: note)
        }

        // MARK: ElastiCache

        mutating func redis() {
            let r = plan.redis
            let chosen = e.redis.chosen
            let candidate = chosen ?? e.redis.candidates.first
            let shards = chosen?.shards ?? e.redis.asPlanned?.shards ?? ObservabilityModel.plannedShards(e, plan)
            let perShard = 1 + r.replicas
            let nodeType = candidate?.nodeType ?? r.candidates.first ?? "?"
            clusterText =
                "\(shards) shard(s) × (1 primary + \(r.replicas) replica(s)) = \(shards * perShard) \(nodeType) nodes"
                + (chosen == nil ? " (as planned: no candidate fits the plan, see the verdict)" : "")
            for s in 1...max(1, shards) {
                for n in 1...perShard {
                    nodes.append(
                        CacheNode(
                            suffix: "-" + pad(s, 4) + "-" + pad(n, 3), shard: s, replica: n > 1))
                }
            }
            var cpuPanel: [PanelQuery] = []
            var netPanel: [PanelQuery] = []
            var memPanel: [PanelQuery] = []
            var connPanel: [PanelQuery] = []
            var lagPanel: [PanelQuery] = []

            // Engine CPU: the plan's ceiling, on every node (the queue key's shard is decided by its hash slot).
            let ceiling = r.engineCPUCeiling * 100
            let loads = e.redis.nodeLoads
            let busiest = e.redis.busiestEngineCPU ?? e.redis.hotKeyLoad
            let sizedCPU =
                loads.isEmpty
                ? "the hot queue key alone needs \(Format.number(e.redis.hotKeyLoad * 100, maxDecimals: 1)) % of one engine core"
                : loads.map { "\($0.role.rawValue) \(Format.number($0.engineCPU * 100, maxDecimals: 1)) %" }
                    .joined(separator: "; ")
            let cpuSource = ThresholdSource(
                figure: "redis.engine_cpu_ceiling", label: "Engine-CPU ceiling",
                display: Format.percent(r.engineCPUCeiling),
                arithmetic: (figure("redis.busiest_engine_cpu") ?? figure("redis.engine_shards")).map {
                    "\($0.label): \($0.arithmetic)"
                } ?? "—", origin: input.from("redis.engine_cpu_ceiling"))
            let cpuRelief = relief(
                "Find the node: if it holds the queue key (its primary or replicas), the status polls' ZRANK load is on it — add a read replica or a queue partition, or slow the status poll; otherwise add a shard. During the sale, lower the admission rate cap only if the backend is also hot.",
                [.readReplica, .queuePartition, .slowerPoll, .shard])

            // Network: each node's baseline bandwidth (instance spec), bytes per second.
            let gbps = candidate?.baselineGbps ?? 0
            let baseline = gbps * 1e9 / 8
            let maxNet = loads.map(\.bandwidth).max()
            let netSource = ThresholdSource(
                figure: "instance-specs \(nodeType) baseline", label: "Baseline network bandwidth per node",
                display: "\(Format.number(gbps, maxDecimals: 3)) Gbps",
                arithmetic:
                    "\(Format.number(gbps, maxDecimals: 3)) Gbps × 10⁹ ÷ 8 = \(Format.number(baseline, maxDecimals: 0)) B/s",
                origin: "pricing/instance-specs.csv: \(input.book.specs[nodeType]?.source ?? nodeType)")
            let netRelief = relief(
                "Check NetworkBandwidthOutAllowanceExceeded on the node: above baseline it spends burst credits. Move reads to replicas or add a shard; a larger node type raises the baseline.",
                [.readReplica, .shard])

            // Memory: the plan keeps data at 1 ÷ buffer_factor of maxmemory (maxmemory excludes reserved memory).
            let memThreshold = 100 / r.bufferFactor
            let usable = candidate?.usableMemoryGiB ?? 0
            let memSized =
                usable > 0
                ? Format.number(
                    e.redis.memory.required / r.bufferFactor / Double(shards) / (usable * Bytes.gib) * 100,
                    maxDecimals: 1) + " % on average per shard (memory without the buffer ÷ shards ÷ usable per node)"
                : "—"
            let memSource = ThresholdSource(
                figure: "redis.buffer_factor", label: "Memory buffer factor",
                display:
                    "× \(Format.number(r.bufferFactor)) → \(Format.number(memThreshold, maxDecimals: 1)) % of maxmemory",
                arithmetic:
                    "100 % ÷ \(Format.number(r.bufferFactor)) = \(Format.number(memThreshold, maxDecimals: 1)) %; maxmemory = "
                    + (figure("redis.usable_memory_per_node").map { $0.arithmetic } ?? "\(Format.number(usable)) GiB")
                    + " (reserved memory \(Format.percent(r.reservedMemory)) kept out)",
                origin: input.from("redis.buffer_factor") + "; reserved_memory " + input.from("redis.reserved_memory"))
            let memRelief = relief(
                "Look for keys without a TTL (admission tokens, idempotency keys, rate-limit buckets) and for a crowd larger than planned; add a shard before usage reaches maxmemory (evictions or refused writes).",
                [.shard])

            // Connections: every gateway pod's pool to every node, plus ElastiCache's own monitoring connections.
            let pool = spec.pool(podCPU: plan.gateway.podCPU)
            let pods = e.gateway.pods
            let connThreshold = Double(pods * pool + ObservabilityModel.monitoringConnections)
            if connThreshold > Double(ObservabilityModel.maxNodeConnections) {
                notes.append(
                    "CurrConnections: \(pods) pods × \(pool) connections = \(pods * pool) exceeds the 65,000 connections one node accepts; shrink the pool (observability.pool_per_pod)"
                )
            }
            let connSource = ThresholdSource(
                figure: "gateway.pods", label: "Gateway pods × pool per pod + monitoring",
                display: Format.number(connThreshold, maxDecimals: 0),
                arithmetic:
                    "\(pods) pods × \(pool) connections + \(ObservabilityModel.monitoringConnections) (ElastiCache monitoring) = \(Format.number(connThreshold, maxDecimals: 0)); pods: "
                    + (figure("gateway.pods")?.arithmetic ?? "—"),
                origin: "pool_per_pod " + input.from("observability.pool_per_pod"))
            let connRelief = relief(
                "Compare with the pod count: more pods than sized means load above the plan; the same pods with more connections means a pool leak or a client without pooling. Fix the client, then shrink the pool.",
                [], note: "configuration only: no resource changes")

            // Replication lag: one status poll interval (a replica older than that serves stale positions).
            let lagSeconds = plan.clients.statusPoll.value
            let toReplicas = r.readFromReplicas && r.replicas > 0
            let lagSource = ThresholdSource(
                figure: "clients.status_poll", label: "Status poll interval",
                display: "\(Format.number(lagSeconds)) s",
                arithmetic:
                    "a replica behind by more than one poll (\(Format.number(lagSeconds)) s) answers a poll with a position older than the previous poll's",
                origin: input.from("clients.status_poll"))
            let lagRelief = relief(
                "Check the primary's engine CPU and network: a replica falls behind when its primary is saturated. Send reads to the primaries until it catches up.",
                [.readsToPrimary])

            for node in nodes {
                let id = node.suffix.replacingOccurrences(of: "-", with: "")
                let label = node.suffix.dropFirst()
                let dim = [AlarmDimension(name: "CacheClusterId", parameter: .replicationGroup, value: node.suffix)]
                alarms.append(
                    CloudWatchAlarm(
                        id: "RedisEngineCpu\(id)", suffix: "redis\(node.suffix)-engine-cpu", resource: .redis,
                        namespace: "AWS/ElastiCache", metric: "EngineCPUUtilization", dimensions: dim,
                        statistic: "Average", period: ObservabilityModel.period,
                        evaluationPeriods: ObservabilityModel.capacityMinutes,
                        datapointsToAlarm: ObservabilityModel.capacityMinutes, threshold: ceiling,
                        comparison: .greaterThan, perSecond: false, treatMissingData: "missing", unit: "%",
                        meaning:
                            "the node runs its engine thread above the plan's ceiling: queue commands slow down for every user of its shard",
                        sized: sizedCPU, expectedToBreach: busiest > r.engineCPUCeiling || e.redis.chosen == nil,
                        source: cpuSource, relief: cpuRelief))
                alarms.append(
                    CloudWatchAlarm(
                        id: "RedisNetworkOut\(id)", suffix: "redis\(node.suffix)-network-out", resource: .redis,
                        namespace: "AWS/ElastiCache", metric: "NetworkBytesOut", dimensions: dim, statistic: "Sum",
                        period: ObservabilityModel.period, evaluationPeriods: ObservabilityModel.capacityMinutes,
                        datapointsToAlarm: ObservabilityModel.capacityMinutes, threshold: baseline,
                        comparison: .greaterThan, perSecond: true, treatMissingData: "missing", unit: "B/s",
                        meaning:
                            "the node sends more than its baseline bandwidth: it is spending burst credits and will drop packets when they run out",
                        sized: maxNet.map { "busiest node \(Format.number($0, maxDecimals: 0)) B/s" } ?? "—",
                        expectedToBreach: (maxNet ?? 0) > baseline, source: netSource, relief: netRelief))
                alarms.append(
                    CloudWatchAlarm(
                        id: "RedisNetworkIn\(id)", suffix: "redis\(node.suffix)-network-in", resource: .redis,
                        namespace: "AWS/ElastiCache", metric: "NetworkBytesIn", dimensions: dim, statistic: "Sum",
                        period: ObservabilityModel.period, evaluationPeriods: ObservabilityModel.capacityMinutes,
                        datapointsToAlarm: ObservabilityModel.capacityMinutes, threshold: baseline,
                        comparison: .greaterThan, perSecond: true, treatMissingData: "missing", unit: "B/s",
                        meaning: "the node receives more than its baseline bandwidth: burst credits again",
                        sized: maxNet.map { "busiest node \(Format.number($0, maxDecimals: 0)) B/s (both directions)" }
                            ?? "—",
                        expectedToBreach: (maxNet ?? 0) > baseline, source: netSource, relief: netRelief))
                alarms.append(
                    CloudWatchAlarm(
                        id: "RedisMemory\(id)", suffix: "redis\(node.suffix)-memory", resource: .redis,
                        namespace: "AWS/ElastiCache", metric: "DatabaseMemoryUsagePercentage", dimensions: dim,
                        statistic: "Average", period: ObservabilityModel.period,
                        evaluationPeriods: ObservabilityModel.capacityMinutes,
                        datapointsToAlarm: ObservabilityModel.capacityMinutes, threshold: memThreshold,
                        comparison: .greaterThan, perSecond: false, treatMissingData: "missing", unit: "%",
                        meaning:
                            "the node holds more data than the plan sized: the ×\(Format.number(r.bufferFactor)) buffer is being used up",
                        sized: memSized, expectedToBreach: false, source: memSource, relief: memRelief))
                alarms.append(
                    CloudWatchAlarm(
                        id: "RedisConnections\(id)", suffix: "redis\(node.suffix)-connections", resource: .redis,
                        namespace: "AWS/ElastiCache", metric: "CurrConnections", dimensions: dim,
                        statistic: "Average", period: ObservabilityModel.period,
                        evaluationPeriods: ObservabilityModel.connectionMinutes,
                        datapointsToAlarm: ObservabilityModel.connectionMinutes, threshold: connThreshold,
                        comparison: .greaterThan, perSecond: false, treatMissingData: "missing", unit: "connections",
                        meaning: "more clients hold connections to the node than the sized gateway's pools open",
                        sized: "\(pods) pods × \(pool) = \(pods * pool)", expectedToBreach: false,
                        source: connSource, relief: connRelief))
                if node.replica && toReplicas {
                    alarms.append(
                        CloudWatchAlarm(
                            id: "RedisReplicationLag\(id)", suffix: "redis\(node.suffix)-replication-lag",
                            resource: .redis, namespace: "AWS/ElastiCache", metric: "ReplicationLag",
                            dimensions: dim, statistic: "Average", period: ObservabilityModel.period,
                            evaluationPeriods: ObservabilityModel.replicationLagMinutes,
                            datapointsToAlarm: ObservabilityModel.replicationLagMinutes, threshold: lagSeconds,
                            comparison: .greaterThan, perSecond: false, treatMissingData: "missing", unit: "s",
                            meaning:
                                "the replica serves status reads (read_from_replicas) with positions older than one poll",
                            sized: "reads go to replicas", expectedToBreach: false, source: lagSource,
                            relief: lagRelief))
                    lagPanel.append(cw("ReplicationLag", dim, "Average", false, String(label)))
                }
                cpuPanel.append(cw("EngineCPUUtilization", dim, "Average", false, String(label)))
                netPanel.append(cw("NetworkBytesOut", dim, "Sum", true, String(label)))
                memPanel.append(cw("DatabaseMemoryUsagePercentage", dim, "Average", false, String(label)))
                connPanel.append(cw("CurrConnections", dim, "Average", false, String(label)))
            }
            if !toReplicas {
                notes.append("ReplicationLag: no alarm — reads go to the primaries (redis.read_from_replicas false)")
            }
            var panels = [
                DashboardPanel(
                    title: "Engine CPU per node (ceiling \(Format.number(ceiling, maxDecimals: 1)) %)", unit: "percent",
                    queries: cpuPanel, sized: busiest * 100, ceiling: ceiling, alarm: "redis-*-engine-cpu",
                    capacity: 100),
                DashboardPanel(
                    title: "Network out per node (baseline \(Format.number(gbps, maxDecimals: 3)) Gbps)", unit: "Bps",
                    queries: netPanel, sized: maxNet, ceiling: baseline, alarm: "redis-*-network-out",
                    capacity: input.book.specs[nodeType].map { $0.burstGbps * 1e9 / 8 }),
                DashboardPanel(
                    title: "Memory used of maxmemory (buffer ×\(Format.number(r.bufferFactor)))", unit: "percent",
                    queries: memPanel, sized: nil, ceiling: memThreshold, alarm: "redis-*-memory", capacity: 100),
                DashboardPanel(
                    title: "Client connections per node", unit: "short", queries: connPanel,
                    sized: Double(pods * pool), ceiling: connThreshold, alarm: "redis-*-connections",
                    capacity: Double(ObservabilityModel.maxNodeConnections)),
            ]
            if toReplicas {
                panels.append(
                    DashboardPanel(
                        title: "Replication lag (one status poll)", unit: "s", queries: lagPanel, sized: nil,
                        ceiling: lagSeconds, alarm: "redis-*-replication-lag"))
            }
            rows.append(DashboardRow(title: "Redis / Valkey queue (ElastiCache)", panels: panels))
        }

        func cw(_ metric: String, _ dims: [AlarmDimension], _ stat: String, _ perSecond: Bool, _ legend: String)
            -> PanelQuery
        {
            .cloudwatch(
                namespace: metric.hasPrefix("Consumed") || metric.hasPrefix("Write")
                    ? "AWS/DynamoDB"
                    : (metric.hasPrefix("cluster_") || metric.hasPrefix("service_")
                        ? "ContainerInsights" : "AWS/ElastiCache"),
                metric: metric, dimensions: dims, statistic: stat, perSecond: perSecond, legend: legend)
        }

        // MARK: DynamoDB

        mutating func dynamo() {
            let d = e.dynamodb
            let dims = [AlarmDimension(name: "TableName", parameter: .table, value: "")]
            let reservations = figure("traffic.reservation_rate")
            let wruSource = ThresholdSource(
                figure: "dynamodb.peak_wru", label: "Peak write request units per second",
                display: "\(Format.number(d.peakWRUPerSecond)) WRU/s",
                arithmetic:
                    "\(Format.number(d.peakWritesPerSecond))/s writes × \(d.wruPerWrite) WRU = \(Format.number(d.peakWRUPerSecond)) WRU/s; writes: "
                    + (reservations.map { "\($0.formula): \($0.arithmetic)" } ?? "—") + "; WRU per write: "
                    + (figure("dynamodb.wru_per_write")?.arithmetic ?? "—"),
                origin: "admission.rate × dynamodb.attempts_per_user (\(input.from("dynamodb.attempts_per_user")))")
            let modeRelief = relief(
                "Check the admission rate: writes above the sized peak mean more reservations per second than admission allows (a retry storm or a bypass). Hold admissions at the chosen rate; for a larger sale switch capacity mode or pre-warm the table.",
                [.dynamoMode])
            alarms.append(
                CloudWatchAlarm(
                    id: "DynamoWriteUnits", suffix: "dynamodb-write-units", resource: .dynamodb,
                    namespace: "AWS/DynamoDB", metric: "ConsumedWriteCapacityUnits", dimensions: dims, statistic: "Sum",
                    period: ObservabilityModel.period, evaluationPeriods: ObservabilityModel.capacityMinutes,
                    datapointsToAlarm: ObservabilityModel.capacityMinutes, threshold: d.peakWRUPerSecond,
                    comparison: .greaterThan, perSecond: true, treatMissingData: "missing", unit: "WRU/s",
                    meaning: "the reservation table takes more writes per second than the admission rate allows",
                    sized: "\(Format.number(d.peakWRUPerSecond)) WRU/s at the peak", expectedToBreach: false,
                    source: wruSource, relief: modeRelief))
            let onDemand = plan.dynamodb.mode == .onDemand
            let throttleSource = ThresholdSource(
                figure: "dynamodb.peak_wru", label: "Peak WRU/s against on-demand and partition limits",
                display: "\(Format.number(d.peakWRUPerSecond)) WRU/s",
                arithmetic: d.limitNotes.joined(separator: "; "),
                origin:
                    "AWS limits: \(Format.number(AWSLimits.dynamoNewTableWRU, maxDecimals: 0)) WRU/s for a new on-demand table, \(Format.number(AWSLimits.dynamoPartitionWCU, maxDecimals: 0)) WRU/s per partition"
            )
            alarms.append(
                CloudWatchAlarm(
                    id: "DynamoWriteThrottles", suffix: "dynamodb-write-throttles", resource: .dynamodb,
                    namespace: "AWS/DynamoDB", metric: "WriteThrottleEvents", dimensions: dims, statistic: "Sum",
                    period: ObservabilityModel.period, evaluationPeriods: ObservabilityModel.throttleMinutes,
                    datapointsToAlarm: ObservabilityModel.throttleMinutes, threshold: 0, comparison: .greaterThan,
                    perSecond: false, treatMissingData: "notBreaching", unit: "events",
                    meaning: onDemand
                        ? "writes are throttled: the on-demand table met a peak above twice its previous one (or its 4,000 WRU/s start), or a partition's 1,000 WRU/s"
                        : "writes are throttled: provisioned capacity is below the peak",
                    sized: d.peakWRUPerSecond > AWSLimits.dynamoNewTableWRU && onDemand
                        ? "throttles unless the table is pre-warmed (see Before the sale): the peak exceeds a new table's start"
                        : "none expected", expectedToBreach: false,
                    source: throttleSource,
                    relief: relief(
                        onDemand
                            ? "Pre-warm the table before the next sale (switch to provisioned at the peak at least 24 h before, then back), and check the partition-key spread."
                            : "Raise provisioned write capacity to the peak before the sale.",
                        [.dynamoMode])))
            let partitionSource = ThresholdSource(
                figure: "dynamodb.partition_limit", label: "Write units one partition serves",
                display: "\(Format.number(AWSLimits.dynamoPartitionWCU, maxDecimals: 0)) WRU/s",
                arithmetic: d.partitionLimit ?? d.limitNotes.last ?? "—", origin: "AWSLimits.dynamoPartitionWCU")
            alarms.append(
                CloudWatchAlarm(
                    id: "DynamoHotPartition", suffix: "dynamodb-hot-partition", resource: .dynamodb,
                    namespace: "AWS/DynamoDB", metric: "WriteKeyRangeThroughputThrottleEvents", dimensions: dims,
                    statistic: "Sum", period: ObservabilityModel.period,
                    evaluationPeriods: ObservabilityModel.throttleMinutes,
                    datapointsToAlarm: ObservabilityModel.throttleMinutes, threshold: 0, comparison: .greaterThan,
                    perSecond: false, treatMissingData: "notBreaching", unit: "events",
                    meaning:
                        "one partition key takes more than 1,000 WRU/s: a hot key caps reservations whatever the capacity mode",
                    sized: d.partitionLimit
                        ?? "the peak spread over ≥ \(max(1, Int((d.peakWRUPerSecond / AWSLimits.dynamoPartitionWCU).rounded(.up)))) partition(s)",
                    expectedToBreach: d.partitionLimit != nil, source: partitionSource,
                    relief: relief(
                        "Spread the partition key (seat or reservation id, not the event id); until then hold the admission rate.",
                        [], note: "schema change only: no resource changes")))
            rows.append(
                DashboardRow(
                    title: "DynamoDB reservations",
                    panels: [
                        DashboardPanel(
                            title: "Write units per second (sized peak)", unit: "short",
                            queries: [cw("ConsumedWriteCapacityUnits", dims, "Sum", true, "WRU/s")],
                            sized: d.peakWRUPerSecond, ceiling: d.peakWRUPerSecond, alarm: "dynamodb-write-units"),
                        DashboardPanel(
                            title: "Write throttles", unit: "short",
                            queries: [
                                cw("WriteThrottleEvents", dims, "Sum", false, "all"),
                                cw("WriteKeyRangeThroughputThrottleEvents", dims, "Sum", false, "hot partition"),
                            ], sized: nil, ceiling: 0, alarm: "dynamodb-write-throttles"),
                    ]))
        }

        // MARK: EKS (Container Insights)

        mutating func eks() {
            let g = e.gateway
            let clusterDim = AlarmDimension(name: "ClusterName", parameter: .cluster, value: "")
            let pods = Double(g.pods)
            let podDims = [
                AlarmDimension(name: "Service", parameter: nil, value: spec.service),
                AlarmDimension(name: "Namespace", parameter: nil, value: spec.namespace), clusterDim,
            ]
            let podRelief = relief(
                "The HPA is running more pods than the plan sized: load is above the plan (check the gateway request rate) or each pod serves less than rps_per_pod. Keep admissions at the chosen rate; slow the status poll for the next sale.",
                [.slowerPoll, .hpaHeadroom])
            alarms.append(
                CloudWatchAlarm(
                    id: "GatewayPods", suffix: "eks-gateway-pods", resource: .eks, namespace: "ContainerInsights",
                    metric: "service_number_of_running_pods", dimensions: podDims, statistic: "Maximum",
                    period: ObservabilityModel.period, evaluationPeriods: ObservabilityModel.capacityMinutes,
                    datapointsToAlarm: ObservabilityModel.capacityMinutes, threshold: pods, comparison: .greaterThan,
                    perSecond: false, treatMissingData: "missing", unit: "pods",
                    meaning: "more gateway pods run than the plan sized for the peak",
                    sized: "\(g.pods) pods", expectedToBreach: false,
                    source: source("gateway.pods", origin: input.from("gateway.rps_per_pod")), relief: podRelief))
            var panels = [
                DashboardPanel(
                    title: "Gateway pods (sized \(g.pods))", unit: "short",
                    queries: [
                        .prometheus(
                            expr:
                                "kube_horizontalpodautoscaler_status_current_replicas{namespace=\"\(spec.namespace)\",horizontalpodautoscaler=\"\(spec.service)\"}",
                            legend: "current"),
                        .prometheus(
                            expr:
                                "kube_horizontalpodautoscaler_status_desired_replicas{namespace=\"\(spec.namespace)\",horizontalpodautoscaler=\"\(spec.service)\"}",
                            legend: "desired"),
                    ], sized: pods, ceiling: pods, alarm: "eks-gateway-pods",
                    capacity: g.chosen.map { Double($0.nodes * $0.podsPerNode) })
            ]
            if let chosen = g.chosen {
                let nodes = Double(chosen.nodes)
                alarms.append(
                    CloudWatchAlarm(
                        id: "GatewayNodes", suffix: "eks-nodes", resource: .eks, namespace: "ContainerInsights",
                        metric: "cluster_node_count", dimensions: [clusterDim], statistic: "Maximum",
                        period: ObservabilityModel.period, evaluationPeriods: ObservabilityModel.capacityMinutes,
                        datapointsToAlarm: ObservabilityModel.capacityMinutes, threshold: nodes,
                        comparison: .greaterThan, perSecond: false, treatMissingData: "missing", unit: "nodes",
                        meaning:
                            "the cluster runs more nodes than the plan's \(chosen.nodes) × \(chosen.nodeType): Karpenter is buying capacity the plan did not price",
                        sized:
                            "\(chosen.nodes) × \(chosen.nodeType) (\(chosen.onDemandNodes) On-Demand + \(chosen.spotNodes) Spot)",
                        expectedToBreach: false,
                        source: source("gateway.nodes", origin: input.from("gateway.node_candidates")),
                        relief: podRelief))
                panels.append(
                    DashboardPanel(
                        title: "Cluster nodes (sized \(chosen.nodes))", unit: "short",
                        queries: [cw("cluster_node_count", [clusterDim], "Maximum", false, "nodes")], sized: nodes,
                        ceiling: nodes, alarm: "eks-nodes"))
            } else {
                notes.append("cluster_node_count: no alarm — no gateway node type fits the plan (see the verdict)")
            }
            rows.append(DashboardRow(title: "Gateway capacity (EKS)", panels: panels))
        }

        // MARK: Prometheus (the gateway's own metrics, kube-state-metrics)

        mutating func gateway() {
            let job = "job=\"\(spec.job)\""
            let t = e.traffic
            let g = plan.gateway
            let rateRecord = "job:\(trimTotal(spec.requestsMetric)):rate1m"
            let errorRecord = "job:\(trimTotal(spec.requestsMetric))_5xx:ratio_rate1m"
            let admitRecord = "job:\(trimTotal(spec.admissionsMetric)):rate1m"
            let latencyRecord = "job:\(spec.durationMetric):p99_rate5m"
            records = [
                RecordingRule(record: rateRecord, expr: "sum by (job) (rate(\(spec.requestsMetric){\(job)}[1m]))"),
                RecordingRule(
                    record: errorRecord,
                    expr:
                        "sum by (job) (rate(\(spec.requestsMetric){\(job),\(spec.statusLabel)=~\"5..\"}[1m])) / sum by (job) (rate(\(spec.requestsMetric){\(job)}[1m]))"
                ),
                RecordingRule(record: admitRecord, expr: "sum by (job) (rate(\(spec.admissionsMetric){\(job)}[1m]))"),
                RecordingRule(
                    record: latencyRecord,
                    expr:
                        "histogram_quantile(\(Format.plain(ObservabilityModel.latencyQuantile)), sum by (job, le) (rate(\(spec.durationMetric)_bucket{\(job)}[5m])))"
                ),
            ]
            let hpa = "namespace=\"\(spec.namespace)\",horizontalpodautoscaler=\"\(spec.service)\""
            let capacity = Double(e.gateway.pods) * g.rpsPerPod
            let rateQuery = "\(rateRecord){\(job)}"
            alerts.append(
                PrometheusAlert(
                    name: "GatewayRequestRateAboveSized", query: rateQuery, comparison: .greaterThan,
                    threshold: t.gatewayRate, forSeconds: ObservabilityModel.rateForSeconds, severity: "page",
                    unit: "requests/s",
                    meaning:
                        "the gateway serves more requests per second than the plan's peak: a bigger crowd, faster polling or retries; every sized figure below it is now too small",
                    sized:
                        "\(Format.number(t.gatewayRate))/s at the peak; \(e.gateway.pods) pods serve \(Format.number(capacity))/s at 100 % CPU",
                    expectedToBreach: false,
                    source: source("traffic.gateway_rate", origin: "apis.*.per, event.users, clients.status_poll"),
                    relief: relief(
                        "Check the status-poll rate and client retries (429s should carry Retry-After); if the crowd is larger than planned, slow the status poll.",
                        [.slowerPoll, .hpaHeadroom])))
            alerts.append(
                PrometheusAlert(
                    name: "GatewayErrorRatioHigh", query: "\(errorRecord){\(job)}", comparison: .greaterThan,
                    threshold: spec.maxErrorRatio, forSeconds: ObservabilityModel.rateForSeconds, severity: "page",
                    unit: "ratio", meaning: "more than the plan's tolerated share of requests fail with 5xx",
                    sized: "below \(Format.number(spec.maxErrorRatio * 100, maxDecimals: 2)) %",
                    expectedToBreach: false,
                    source: ThresholdSource(
                        figure: "observability.max_error_ratio", label: "Tolerated 5xx ratio",
                        display: Format.number(spec.maxErrorRatio * 100, maxDecimals: 2) + " %",
                        arithmetic: "a service objective, not a capacity figure",
                        origin: input.from("observability.max_error_ratio")),
                    relief: relief(
                        "Look at which capacity alarm fires with it (engine CPU, DynamoDB throttles, pods at max): the error ratio names no cause on its own.",
                        [], note: "no lever of its own: the lever is the one of the capacity alarm firing with it")))
            if let p99 = spec.p99Latency {
                alerts.append(
                    PrometheusAlert(
                        name: "GatewayP99LatencyHigh", query: "\(latencyRecord){\(job)}", comparison: .greaterThan,
                        threshold: p99.value, forSeconds: ObservabilityModel.rateForSeconds, severity: "warning",
                        unit: "s", meaning: "the slowest 1 % of requests take longer than the plan's objective",
                        sized: "≤ \(Format.number(p99.value)) s", expectedToBreach: false,
                        source: ThresholdSource(
                            figure: "observability.p99_latency", label: "p99 latency objective",
                            display: "\(Format.number(p99.value)) s", arithmetic: "a service objective",
                            origin: input.from("observability.p99_latency")),
                        relief: relief(
                            "Check pod CPU against the HPA target and Redis engine CPU; add headroom by lowering the HPA target.",
                            [.hpaHeadroom])))
            } else {
                notes.append(
                    "p99 latency: recorded (\(latencyRecord)) and on the dashboard, no alert — the plan sets no objective (observability.p99_latency)"
                )
            }
            let admission = e.admission
            let cap = admission.criteria.first { $0.name == .backendCapacity }?.rate
            alerts.append(
                PrometheusAlert(
                    name: "AdmissionRateAboveChosen", query: "\(admitRecord){\(job)}", comparison: .greaterThan,
                    threshold: admission.rate, forSeconds: ObservabilityModel.rateForSeconds, severity: "warning",
                    unit: "admissions/s",
                    meaning:
                        "the gateway admits users faster than the plan's admission rate: the reservation writes and backend load grow past their sized values",
                    sized: "\(Format.number(admission.rate))/s (binding: \(admission.binding))",
                    expectedToBreach: false,
                    source: source("admission.rate", origin: "admission.mode " + input.from("admission.mode")),
                    relief: relief(
                        "Set the admission cap back to the chosen rate.", [],
                        note: "configuration only: no resource changes")))
            if let cap {
                alerts.append(
                    PrometheusAlert(
                        name: "AdmissionRateAboveBackendCapacity", query: "\(admitRecord){\(job)}",
                        comparison: .greaterThan, threshold: cap, forSeconds: ObservabilityModel.rateForSeconds,
                        severity: "page", unit: "admissions/s",
                        meaning: "admissions exceed what the backend serves at its maximum utilization",
                        sized: "\(Format.number(admission.rate))/s chosen, cap \(Format.number(cap))/s",
                        expectedToBreach: admission.rate > cap,
                        source: source(
                            "admission.backend_cap", origin: input.from("admission.backend_capacity")),
                        relief: relief(
                            "Lower the admission cap now; the backend is past admission.max_backend_utilization.", [],
                            note: "configuration only: no resource changes")))
            }
            alerts.append(
                PrometheusAlert(
                    name: "QueueLongerThanPlanned", query: "max by (job) (\(spec.queueMetric){\(job)})",
                    comparison: .greaterThan, threshold: Double(plan.event.users),
                    forSeconds: ObservabilityModel.rateForSeconds, severity: "warning", unit: "users",
                    meaning:
                        "more users wait than the plan's crowd: queue memory, ZRANK cost and the drain time all exceed their sized values",
                    sized: "\(Format.number(Double(plan.event.users), maxDecimals: 0)) users at most",
                    expectedToBreach: false,
                    source: ThresholdSource(
                        figure: "event.users", label: "Users in the crowd",
                        display: Format.number(Double(plan.event.users), maxDecimals: 0),
                        arithmetic: figure("traffic.drain_time").map { "drain: \($0.arithmetic)" } ?? "—",
                        origin: input.from("event.users")),
                    relief: relief(
                        "Re-run `\(input.spelling(.run(.estimate)))` with the observed crowd; meanwhile watch engine CPU and memory on the queue shard.",
                        [.readReplica, .shard])))
            alerts.append(
                PrometheusAlert(
                    name: "GatewayHPAAtMaxReplicas",
                    query:
                        "kube_horizontalpodautoscaler_status_desired_replicas{\(hpa)} - kube_horizontalpodautoscaler_spec_max_replicas{\(hpa)}",
                    comparison: .atLeast, threshold: 0, forSeconds: ObservabilityModel.hpaForSeconds,
                    severity: "page", unit: "replicas",
                    meaning: "the HPA wants at least its maximum: it cannot add pods, so requests queue or fail",
                    sized: "\(e.gateway.pods) pods sized", expectedToBreach: false,
                    source: source("gateway.pods", origin: input.from("gateway.hpa_target")),
                    relief: relief(
                        "Raise the HPA's maxReplicas above the sized pods (see GatewayHPAMaxBelowSized) and check the node pool's limits.",
                        [.hpaHeadroom])))
            alerts.append(
                PrometheusAlert(
                    name: "GatewayHPAMaxBelowSized",
                    query: "kube_horizontalpodautoscaler_spec_max_replicas{\(hpa)}", comparison: .lessThan,
                    threshold: Double(e.gateway.pods), forSeconds: 0, severity: "page", unit: "replicas",
                    meaning: "the HPA cannot reach the plan's sized pods: the gateway will saturate before the peak",
                    sized: "\(e.gateway.pods) pods", expectedToBreach: false,
                    source: source("gateway.pods", origin: input.from("gateway.rps_per_pod")),
                    relief: relief(
                        "Set the HPA's maxReplicas to at least the sized pods before the sale.", [],
                        note: "configuration only: the sized pods are already in the plan's cost")))
            let pool = spec.pool(podCPU: g.podCPU)
            alerts.append(
                PrometheusAlert(
                    name: "RedisPoolTimeouts",
                    query: "sum by (job) (rate(\(spec.poolTimeoutsMetric){\(job)}[1m]))", comparison: .greaterThan,
                    threshold: 0, forSeconds: ObservabilityModel.rateForSeconds, severity: "warning",
                    unit: "timeouts/s",
                    meaning:
                        "gateway requests wait for a Redis connection and time out: the pool is too small or Redis too slow",
                    sized: "\(pool) connections per pod per node", expectedToBreach: false,
                    source: ThresholdSource(
                        figure: "observability.pool_per_pod", label: "Connections per pod per node",
                        display: "\(pool)", arithmetic: "no timeout is expected at the sized load",
                        origin: input.from("observability.pool_per_pod")),
                    relief: relief(
                        "Check Redis engine CPU first (a slow server holds connections longer); otherwise raise the pool within the CurrConnections alarm.",
                        [.readReplica])))
            rows.insert(
                DashboardRow(
                    title: "Gateway and admission (Prometheus)",
                    panels: [
                        DashboardPanel(
                            title: "Gateway requests/s (sized peak)", unit: "reqps",
                            queries: [.prometheus(expr: rateQuery, legend: "requests/s")], sized: t.gatewayRate,
                            ceiling: t.gatewayRate, alarm: "GatewayRequestRateAboveSized", capacity: capacity),
                        DashboardPanel(
                            title: "5xx ratio", unit: "percentunit",
                            queries: [.prometheus(expr: "\(errorRecord){\(job)}", legend: "5xx")], sized: nil,
                            ceiling: spec.maxErrorRatio, alarm: "GatewayErrorRatioHigh"),
                        DashboardPanel(
                            title: "Admissions/s (chosen rate)", unit: "short",
                            queries: [.prometheus(expr: "\(admitRecord){\(job)}", legend: "admissions/s")],
                            sized: admission.rate, ceiling: admission.rate, alarm: "AdmissionRateAboveChosen",
                            capacity: cap),
                        DashboardPanel(
                            title: "Users waiting (planned crowd)", unit: "short",
                            queries: [.prometheus(expr: "max by (job) (\(spec.queueMetric){\(job)})", legend: "queue")],
                            sized: Double(plan.event.users), ceiling: Double(plan.event.users),
                            alarm: "QueueLongerThanPlanned"),
                    ]), at: 0)
        }

        /// Prometheus naming: `rate()` of a counter drops `_total` in the recorded name [PNAME].
        func trimTotal(_ name: String) -> String {
            name.hasSuffix("_total") ? String(name.dropLast(6)) : name
        }

        // MARK: pre-flight

        mutating func checks() {
            let g = e.gateway
            if g.preWarm.needed {
                preflight.append(
                    PreflightCheck(
                        when: "\(Format.number(g.preWarm.leadSeconds, maxDecimals: 0)) s before the sale",
                        check:
                            "cluster_node_count ≥ \(g.preWarm.nodes) and \(g.pods) gateway pods Ready (kube_horizontalpodautoscaler_status_current_replicas); scale the HPA's minReplicas to \(g.pods) to pre-warm",
                        source: source("gateway.prewarm_lead", origin: input.from("event.ramp"))))
            }
            preflight.append(
                PreflightCheck(
                    when: "before the sale",
                    check: "the HPA's maxReplicas ≥ \(g.pods) (alert GatewayHPAMaxBelowSized is quiet)",
                    source: source("gateway.pods", origin: input.from("gateway.hpa_target"))))
            if let chosen = g.chosen, chosen.spotNodes > 0 {
                preflight.append(
                    PreflightCheck(
                        when: "before the sale",
                        check:
                            "\(chosen.onDemandNodes) On-Demand + \(chosen.spotNodes) Spot nodes (Spot share \(Format.percent(plan.gateway.spotShare))); a Spot interruption during the sale removes up to \(chosen.podsPerNode) pods per node",
                        source: source("gateway.nodes", origin: input.from("gateway.spot_share"))))
            }
            if plan.dynamodb.mode == .onDemand && e.dynamodb.peakWRUPerSecond > AWSLimits.dynamoNewTableWRU {
                preflight.append(
                    PreflightCheck(
                        when: "24 h before the sale",
                        check:
                            "pre-warm the table: the peak \(Format.number(e.dynamodb.peakWRUPerSecond)) WRU/s exceeds the \(Format.number(AWSLimits.dynamoNewTableWRU, maxDecimals: 0)) WRU/s a new on-demand table absorbs",
                        source: source("dynamodb.wru_per_write", origin: input.from("dynamodb.mode"))))
            }
        }

        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
    }
}
