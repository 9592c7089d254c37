import Foundation
import Testing

@testable import TacoCore

/// `ObservabilityModel.build`, the one mapping from an estimate to alarm and alert thresholds (issue 23), on the
/// minimal plan with the bundled prices and reference costs; every expected value is derived by hand from the plan.
@Suite struct ObservabilityModelTests {
    static let asOf = "2026-09-01"

    static func model(_ text: String) throws -> ObservabilityModel {
        let input = try Fixture.input(text, asOf: asOf)
        let e = Estimate.compute(input)
        return ObservabilityModel.build(e, input: input, levers: ReliefLevers.all(input, base: e))
    }

    static func alarm(_ m: ObservabilityModel, _ suffix: String) throws -> CloudWatchAlarm {
        try #require(m.alarms.first { $0.suffix == suffix }, "no alarm \(suffix)")
    }

    static func alert(_ m: ObservabilityModel, _ name: String) throws -> PrometheusAlert {
        try #require(m.alerts.first { $0.name == name }, "no alert \(name)")
    }

    @Test func thresholdsOfTheMinimalPlan() throws {
        let m = try Self.model(Fixture.minimal)
        // Engine CPU: the default ceiling 80 % on every node; nodes = shards × (1 + 1 default replica).
        let cpu = m.alarms.filter { $0.metric == "EngineCPUUtilization" }
        #expect(cpu.count == m.cacheNodes.count)
        #expect(m.cacheNodes.count % 2 == 0)
        #expect(cpu.allSatisfy { $0.threshold == 80 && $0.statistic == "Average" && $0.period == 60 })
        #expect(cpu.first?.dimensions.first?.value == "-0001-001")
        #expect(cpu.first?.source.origin.hasPrefix("default") == true)
        // Network: cache.m7g.xlarge baseline 1.876 Gbps × 10⁹ ÷ 8 = 234,500,000 B/s, per second by metric math.
        let net = try Self.alarm(m, "redis-0001-001-network-out")
        #expect(close(net.threshold, 234_500_000))
        #expect(net.perSecond && net.statistic == "Sum")
        // Memory: 100 % ÷ buffer_factor 2 = 50 %.
        #expect(try Self.alarm(m, "redis-0001-001-memory").threshold == 50)
        // Connections: pods ⌈60,000/s ÷ (1,667 × 60 %)⌉ = ⌈59.988⌉ = 60, × 10 (go-redis, 1 vCPU) + 6 = 606.
        #expect(try Self.alarm(m, "redis-0001-001-connections").threshold == 606)
        // No replica reads (read_from_replicas false): no replication-lag alarm, and the runbook says why.
        #expect(!m.alarms.contains { $0.metric == "ReplicationLag" })
        #expect(m.notes.contains { $0.hasPrefix("ReplicationLag: no alarm") })
        // DynamoDB: admission 300,000 ÷ 300 s = 1,000/s × 1 attempt × ⌈1,000 B ÷ 1,024⌉ = 1 WRU → 1,000 WRU/s.
        let wru = try Self.alarm(m, "dynamodb-write-units")
        #expect(close(wru.threshold, 1000))
        #expect(wru.perSecond)
        #expect(try Self.alarm(m, "dynamodb-write-throttles").threshold == 0)
        #expect(try Self.alarm(m, "eks-gateway-pods").threshold == 60)
        // Gateway: status only, 300,000 users ÷ 5 s = 60,000/s.
        let rate = try Self.alert(m, "GatewayRequestRateAboveSized")
        #expect(close(rate.threshold, 60000))
        #expect(rate.expr == "job:http_requests:rate1m{job=\"gateway\"} > 60000")
        // Admission: 1,000/s chosen; backend cap 3,000 × 70 % ÷ 1 = 2,100/s.
        #expect(close(try Self.alert(m, "AdmissionRateAboveChosen").threshold, 1000))
        #expect(close(try Self.alert(m, "AdmissionRateAboveBackendCapacity").threshold, 2100))
        #expect(try Self.alert(m, "QueueLongerThanPlanned").threshold == 300_000)
        #expect(try Self.alert(m, "GatewayHPAMaxBelowSized").threshold == 60)
        #expect(try Self.alert(m, "GatewayErrorRatioHigh").threshold == 0.01)
        // No latency objective in the plan: no latency alert, said so.
        #expect(!m.alerts.contains { $0.name == "GatewayP99LatencyHigh" })
        #expect(m.notes.contains { $0.hasPrefix("p99 latency: recorded") })
        // Every alarm and alert names its source figure and an action.
        #expect(m.alarms.allSatisfy { !$0.source.figure.isEmpty && !$0.relief.action.isEmpty })
        #expect(m.alerts.allSatisfy { !$0.source.figure.isEmpty && !$0.relief.action.isEmpty })
    }

    @Test func changingThePlanChangesTheThresholds() throws {
        var text = try Fixture.variant(
            Fixture.minimal, "  candidates: [cache.m7g.xlarge]\n",
            "  candidates: [cache.m7g.xlarge]\n  engine_cpu_ceiling: 70%\n  replicas: 2\n  read_from_replicas: true\n")
        text += """
            observability:
              pool_per_pod: 4
              p99_latency: 250ms
              max_error_ratio: 0.5%

            """
        let m = try Self.model(text)
        #expect(m.alarms.filter { $0.metric == "EngineCPUUtilization" }.allSatisfy { $0.threshold == 70 })
        // Reads on 2 replicas per shard: one lag alarm per replica at one status poll (5 s).
        let lag = m.alarms.filter { $0.metric == "ReplicationLag" }
        #expect(lag.count == m.cacheNodes.filter(\.replica).count)
        #expect(lag.count == m.cacheNodes.count / 3 * 2)
        #expect(lag.allSatisfy { $0.threshold == 5 })
        // 60 pods × 4 + 6 = 246 connections.
        #expect(try Self.alarm(m, "redis-0001-001-connections").threshold == 246)
        #expect(try Self.alert(m, "GatewayP99LatencyHigh").threshold == 0.25)
        #expect(try Self.alert(m, "GatewayErrorRatioHigh").threshold == 0.005)
    }

    @Test func reliefLeversAreEstimatedWithThePlansEvidence() throws {
        let input = try Fixture.input(Fixture.minimal, asOf: Self.asOf)
        let e = Estimate.compute(input)
        let levers = ReliefLevers.all(input, base: e)
        // The read-replica lever is the plan with one more replica and reads on replicas, estimated again.
        var plan = input
        plan.plan.redis.replicas += 1
        plan.plan.redis.readFromReplicas = true
        let expected = Estimate.compute(plan)
        let replica = try #require(levers[.readReplica])
        #expect(replica.perMonth == expected.totals.perMonth)
        #expect(replica.extraPerMonth == expected.totals.perMonth - e.totals.perMonth)
        // Reads are not on replicas in this plan: no reads-to-primary lever.
        #expect(levers[.readsToPrimary] == nil)
        // The engine-CPU alarm lists its levers feasible first, cheapest per month first.
        let m = ObservabilityModel.build(e, input: input, levers: levers)
        let cpu = try Self.alarm(m, "redis-0001-001-engine-cpu").relief.levers
        let computed = cpu.filter { $0.status == .computed }.compactMap(\.perMonth)
        #expect(computed == computed.sorted())
    }

    /// Seoul has no ElastiCache prices: a lever that changes the cache keeps its priced total and names the UNPRICED
    /// line with its quantity, and states no difference (the missing line is never counted as $0).
    @Test func anUnpricedLeverStatesNoDifference() throws {
        let text = try String(
            contentsOf: Fixture.root.appendingPathComponent("plans/seoul-concert.yaml"), encoding: .utf8)
        let input = try Fixture.input(text, asOf: "2026-12-01")
        let e = Estimate.compute(input)
        let replica = try #require(ReliefLevers.all(input, base: e)[.readReplica])
        #expect(replica.status == .unpriced)
        #expect(replica.extraPerMonth == nil)
        #expect(replica.perMonth != nil)
        #expect(replica.reason?.contains("UNPRICED: redis: cache.m7g.xlarge Valkey node × ") == true)
        #expect(replica.reason?.contains("no difference is stated") == true)
    }

    /// The model built from the assessment carries its fix (here the constraint none meets) and makes it the first
    /// action of exactly the alarms expected to fire; a FEASIBLE plan's actions are left as they are.
    @Test func theAssessmentsFixLeadsTheAlarmsExpectedToFire() throws {
        // engine_cpu_ceiling 10 %: the minimal plan's hot queue key (60,000 status polls/s, each a ZRANK on the one
        // queue key) needs far more than a tenth of one engine core, so Redis is INFEASIBLE.
        let text = try Fixture.variant(
            Fixture.minimal, "  candidates: [cache.m7g.xlarge]\n",
            "  candidates: [cache.m7g.xlarge]\n  engine_cpu_ceiling: 10%\n")
        let input = try Fixture.input(text, asOf: Self.asOf)
        let e = Estimate.compute(input)
        var a = PlanAssessment.assess(input, estimate: e, searchFix: false)
        #expect(a.verdict.status == .infeasible)
        a.unreachable = "redis engine CPU ceiling 10 %"
        let m = ObservabilityModel.build(a, estimate: e, input: input, levers: ReliefLevers.all(input, base: e))
        #expect(m.fix.kind == .unreachable)
        #expect(
            m.fix.headline(planStatus: .infeasible)
                == "No fix within the search bounds: no configuration meets \"redis engine CPU ceiling 10 %\"")
        let lead =
            "Before the sale, change the plan: no configuration in the search bounds meets \"redis engine CPU ceiling 10 %\""
        let cpu = m.alarms.filter { $0.metric == "EngineCPUUtilization" }
        #expect(!cpu.isEmpty && cpu.allSatisfy { $0.expectedToBreach && $0.relief.action.hasPrefix(lead) })
        let quiet =
            m.alarms.filter { !$0.expectedToBreach }.map(\.relief)
            + m.alerts.filter { !$0.expectedToBreach }.map(\.relief)
        #expect(!quiet.isEmpty && quiet.allSatisfy { !$0.action.hasPrefix("Before the sale") })
        // Without an unmet constraint or a fix there is nothing to lead with; the plan's own model is unchanged.
        a.unreachable = nil
        let plain = ObservabilityModel.build(e, input: input, levers: ReliefLevers.all(input, base: e))
        let none = ObservabilityModel.build(a, estimate: e, input: input, levers: ReliefLevers.all(input, base: e))
        #expect(none.fix.kind == .none && none.fix.headline(planStatus: .infeasible) == nil)
        #expect(none.alarms == plain.alarms)
    }

    @Test func badObservabilityFieldsAreReportedWithTheirPath() throws {
        let text =
            Fixture.minimal + "observability:\n  replication_group: Bad_Name\n  requests_metrics: x\n  table: \"a b\"\n"
        let problems = Fixture.problems(text)
        #expect(problems.contains { $0.path == "observability.replication_group" })
        #expect(problems.contains { $0.path == "observability.table" })
        #expect(problems.contains { $0.path.hasPrefix("observability.requests_metrics") })
    }

    @Test func slugsAreValidResourceNames() {
        #expect(ObservabilityModel.slug("Traffic Tacos (seed)", max: 40) == "traffic-tacos-seed")
        #expect(ObservabilityModel.slug("2026 — 서울 콘서트!", max: 40) == "waiting-room")
        #expect(ObservabilityModel.slug(String(repeating: "ab-", count: 30), max: 40).count <= 40)
    }
}
