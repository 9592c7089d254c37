import Foundation
import Testing

@testable import TacoCore

/// A plan small enough to search on paper. No Redis commands (engine CPU and network are zero), no transient keys,
/// so memory alone sizes the cluster:
///   queue data = 1,000,000 users × 1,000 B = 1e9 B; required = 1e9 × buffer 2 = 2e9 B.
/// Gateway: status = 1,000,000 users ÷ 5 s = 200,000 req/s; pods = ⌈200,000 ÷ (50,000 × 70 %)⌉ = ⌈5.71⌉ = 6.
let searchPlanText = """
    name: paper
    event: { region: us-east-1, window: 1h, seats: 1000, users: 1000000, ramp: 600s, target_wait: 1000s,
             events_per_month: 1 }
    clients: { status_poll: 5s }
    apis:
      status: { per: poll, commands: [] }
    admission: { backend_capacity: 100000 }
    redis:
      engine: redis
      candidates: [cache.small, cache.big]
      replicas: 1
      bytes_per_user: 1000B
      buffer_factor: 2
      reserved_memory: 25%
      transient_keys: {}
    gateway:
      rps_per_pod: 50000
      hpa_target: 70%
      pod_cpu: 1
      pod_memory: 1GiB
      node_candidates: [gw.arm, gw.x86]
      on_demand_floor: 1
      interruption_limit: "<5%"
      system_reserved_cpu: 0.25
      system_reserved_memory: 1GiB

    """

enum SearchFixture {
    static let day: Day = {
        guard let d = Day(iso: "2026-01-01") else { preconditionFailure("a valid date literal") }
        return d
    }()

    static func quote(
        _ service: Service, _ product: String, _ os: String, _ option: PurchaseOption, _ unit: String, _ usd: String
    )
        -> PriceQuote
    {
        PriceQuote(
            key: PriceKey(
                service: service, region: "us-east-1", product: product, engineOS: os, purchaseOption: option,
                unit: unit),
            usd: Money(string: usd) ?? .zero, effectiveFrom: day, source: "test", confidence: "confirmed")
    }

    static func spec(
        _ service: Service, _ product: String, _ arch: InstanceSpec.Architecture, _ vcpu: Int, _ gib: Double
    )
        -> InstanceSpec
    {
        InstanceSpec(
            service: service, product: product, architecture: arch, vcpu: vcpu, memoryGiB: gib, baselineGbps: 10,
            burstGbps: 10, enhancedIO: "n/a", source: "test")
    }

    static var book: PriceBook {
        PriceBook(
            sheet: PriceSheet(
                region: "us-east-1", asOf: day,
                quotes: [
                    quote(.elasticache, "cache.small", "redis", .onDemand, "hour", "0.10"),
                    quote(.elasticache, "cache.big", "redis", .onDemand, "hour", "0.35"),
                    quote(.ec2, "gw.arm", "linux", .onDemand, "hour", "0.10"),
                    quote(.ec2, "gw.x86", "linux", .onDemand, "hour", "0.11"),
                    quote(.eks, "cluster", "standard-support", .onDemand, "hour", "0.10"),
                    quote(.dynamodb, "WriteRequestUnits", "standard", .onDemand, "request-unit", "0.000000625"),
                    quote(
                        .dynamodb, "WriteCapacityUnit-Hrs", "standard", .provisioned, "capacity-unit-hour", "0.00065"),
                ]),
            specs: [
                spec(.elasticache, "cache.small", .arm64, 2, 1), spec(.elasticache, "cache.big", .arm64, 2, 4),
                spec(.ec2, "gw.arm", .arm64, 4, 8), spec(.ec2, "gw.x86", .x86_64, 4, 8),
            ],
            spot: [
                SpotAdvice(
                    region: "us-east-1", instanceType: "gw.arm", savingsPercent: 60, bucket: .under5, capturedOn: day,
                    source: "test"),
                SpotAdvice(
                    region: "us-east-1", instanceType: "gw.x86", savingsPercent: 80, bucket: .over20, capturedOn: day,
                    source: "test"),
            ])
    }

    static func input(_ text: String = searchPlanText) throws -> EstimateInput {
        let (plan, provenance) = try PlanDecoder.decode(text: text, file: "paper.yaml").get()
        return EstimateInput(
            plan: plan, provenance: provenance, book: book, costs: CommandCostTable(measurements: []), asOf: day)
    }

    static func space(_ plan: Plan) -> SearchSpace {
        SearchSpace(
            cacheTypes: ["cache.small", "cache.big"], shards: 1...4, replicas: 1...1, queuePartitions: [1, 2, 3, 4],
            gatewayTypes: ["gw.arm", "gw.x86"], spotShares: (0...10).map { Double($0) / 10 },
            dynamoModes: [.onDemand, .provisioned])
    }
}

@Suite struct SearchTests {
    @Test func cheapestRedisWorkedOutOnPaper() throws {
        let input = try SearchFixture.input()
        let result = ConfigSearch.run(input, space: SearchFixture.space(input.plan), objective: .perEvent)
        // Usable per node: small 1 GiB × 0.75 = 805,306,368 B; big 4 GiB × 0.75 = 3,221,225,472 B.
        // small: one queue partition holds 1e9 ÷ p × 2 B ≤ 805,306,368 → p ≥ 2.48 → p = 3;
        //        memory 2e9 ÷ S ≤ 805,306,368 → S ≥ 2.48 → S = 3; 3 × (1 + 1) = 6 nodes × $0.10 = $0.60/h.
        // big:   p = 1, S = 1 (2e9 ≤ 3.22e9): 2 nodes × $0.35 = $0.70/h. small wins; among equal costs the
        //        fewest partitions (3) is listed first. Per event = $0.60/h × 1 h (window; drain 1e6 ÷ 1,000/s
        //        = 1,000 s < 3,600 s) = $0.60.
        let r = try #require(result.chosenRedis)
        #expect(r.configuration == "cache.small Redis OSS × 3 shards × (1 + 1), 3 partition(s)")
        #expect(r.nodes == 6)
        #expect(r.cost == Money(string: "0.60"))
        // Rejected cheaper ones, cheapest first: 1 shard (2 nodes, $0.20) and 2 shards (4 nodes, $0.40).
        // With p ≤ 2 the queue partition does not fit (1e9 ÷ 2 × 2 = 1e9 > 805,306,368): that constraint binds
        // first; with p ≥ 3 the cluster memory binds.
        let cheaper = result.rejectedCheaper(.redis)
        #expect(cheaper.count == 8)  // 2 shard counts × 4 partition counts
        #expect(cheaper[0].configuration == "cache.small Redis OSS × 1 shards × (1 + 1), 1 partition(s)")
        #expect(cheaper[0].rejectedBy == "memory (one queue partition)")
        #expect(cheaper[2].configuration == "cache.small Redis OSS × 1 shards × (1 + 1), 3 partition(s)")
        #expect(cheaper[2].rejectedBy == "memory")
        #expect(cheaper.allSatisfy { $0.cost.map { $0 < Money(string: "0.60") ?? .zero } ?? false })
    }

    @Test func cheapestGatewayAndBindingConstraints() throws {
        let input = try SearchFixture.input()
        let result = ConfigSearch.run(input, space: SearchFixture.space(input.plan), objective: .perEvent)
        // Pods per node = min(⌊(4 − 0.25) ÷ 1⌋, ⌊(8 − 1) GiB ÷ 1 GiB⌋) = 3 → 6 pods on 2 nodes.
        // Each share is judged by the estimate's rule (Docs/Model.md §4): Spot = ⌊2 × share⌋ when the type may
        // use Spot, then On-Demand is raised to the floor 1 (at most all nodes) — never a rejection.
        // gw.arm at 50 %: 1 × $0.10 + 1 × $0.10 × (1 − 60 %) = $0.14/h → chosen (lowest share among equal costs).
        // gw.arm at 100 %: ⌊2 × 1⌋ = 2 Spot → On-Demand raised to 1: 1 On-Demand + 1 Spot, the same $0.14/h.
        // gw.x86's bucket >20 % exceeds <5 %: no Spot at any share, 2 × $0.11 = $0.22/h.
        let g = try #require(result.chosenGateway)
        #expect(g.configuration == "gw.arm (arm64) × 2: 1 On-Demand + 1 Spot (share 50 %)")
        #expect(g.cost == Money(string: "0.14"))
        let arm100 = try #require(
            result.gateway.first { $0.configuration.hasSuffix("(share 100 %)") && $0.nodeType == "gw.arm" })
        #expect(arm100.onDemandNodes == 1 && arm100.spotNodes == 1)
        #expect(arm100.rejection == nil)
        #expect(arm100.cost == Money(string: "0.14"))
        let x86 = result.gateway.filter { $0.nodeType == "gw.x86" }
        #expect(x86.count == 11)
        #expect(x86.allSatisfy { $0.spotNodes == 0 && $0.cost == Money(string: "0.22") && $0.rejection == nil })
        // Nothing cheaper than $0.14/h was rejected: the floor and the bucket change the split, not feasibility.
        #expect(result.rejectedCheaper(.gateway).isEmpty)
        // DynamoDB: 1e6 admitted... provisioned vs on-demand is priced; both modes feasible at this peak.
        #expect(result.chosenDynamo != nil)
        // Every configuration is evaluated: 2 types × 4 shards × 1 replica × 4 partitions + 2 × 11 + 2 modes.
        #expect(result.evaluated == 32 + 22 + 2)
    }

    @Test func spotExclusionByBucketAndFewTypesWarning() throws {
        let input = try SearchFixture.input()
        let result = ConfigSearch.run(input, space: SearchFixture.space(input.plan), objective: .perMonth)
        // Only gw.arm is within "<5%": 1 type < 15.
        #expect(
            result.warnings.contains {
                $0.hasPrefix("only 1 instance type(s) are allowed for Spot (interruption ≤ <5%)")
            })
        // gw.x86 (>20 %) runs On-Demand at every share, as the estimate runs a type Spot may not use.
        let x86 = result.gateway.filter { $0.nodeType == "gw.x86" }
        #expect(!x86.isEmpty)
        #expect(x86.allSatisfy { $0.spotNodes == 0 && $0.detail.contains("Spot excluded") })
    }

    @Test func searchIsDeterministic() throws {
        let input = try SearchFixture.input()
        let a = ConfigSearch.run(input, space: SearchFixture.space(input.plan), objective: .perMonth)
        let b = ConfigSearch.run(input, space: SearchFixture.space(input.plan), objective: .perMonth)
        #expect(a == b)
    }
}
