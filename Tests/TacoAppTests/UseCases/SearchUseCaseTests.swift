import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `search` in process on a small plan: the use case's document, and the text `search` prints from it.
@Suite struct SearchUseCaseTests {
    /// Memory alone sizes Redis: no Redis commands (engine CPU and network are zero) and no transient keys. The
    /// search adds the r7g family to the plan's cache.m7g.large and tries 1-3 shards and 1-2 queue partitions.
    static let plan = """
        name: small search
        event: { region: us-east-1, window: 1h, seats: 1000, users: 5000000, ramp: 600s, target_wait: 5000s }
        clients: { status_poll: 5s }
        apis:
          status: { per: poll, commands: [] }
        admission: { backend_capacity: 100000 }
        redis:
          candidates: [cache.m7g.large]
          replicas: 1
          bytes_per_user: 1000B
          buffer_factor: 2
          reserved_memory: 25%
          transient_keys: {}
        gateway:
          rps_per_pod: 100000
          hpa_target: 50%
          node_candidates: [c7g.xlarge]
          on_demand_floor: 1
        search:
          shards: 1-3
          queue_partitions: 1-2
          spot_shares: [0%]
          redis_families: [r7g]
        variants:
          fast-wait:
            about: everyone admitted within 1,000 s
            event.target_wait: 1000s

        """

    static func search(_ run: AppRun, variant: String? = nil, top: Int = 5) throws -> SearchUseCase.Outcome {
        let path = try run.write("small.yaml", plan)
        return try SearchUseCase.run(
            PlanRequest(path: path, variant: variant),
            evidence: EvidenceRequest(db: run.db, asOf: Day(iso: "2026-11-01")), top: top, context: run.context)
    }

    /// The text `search` prints, with tables unfolded (as the end-to-end runs with `COLUMNS=100000`).
    static func text(_ outcome: SearchUseCase.Outcome) -> String {
        TextTable.$width.withValue(100_000) {
            SearchText.render(outcome.document, style: Style(enabled: false)) + "\n"
                + VariantFooter.render(family: outcome.plan.family, variant: outcome.plan.variant)
        }
    }

    @Test func searchesTheBounds() throws {
        let outcome = try Self.search(AppRun(), top: 2)
        // The plan as written (cache.m7g.large only) is INFEASIBLE, and search exits with the plan's one verdict
        // while it lists the r7g configurations that fit.
        #expect(outcome.failure?.status == .infeasible)
        let text = Self.text(outcome)
        // Required memory = 5,000,000 users × 1,000 B × buffer 2 = 1e10 B.
        // Usable: cache.m7g.large 6.38 GiB × 0.75 = 5,137,854,627.84 B; cache.r7g.large 13.07 GiB × 0.75
        // = 10,525,404,119.04 B ≥ 1e10, so one r7g.large shard holds it (1e10 ÷ 10,525,404,119 = 95 %).
        // r7g.large: 1 shard × (1 + 1) = 2 nodes × $0.219 × 730 h = $319.74 per month (always on).
        // m7g.large needs 2 shards and 2 partitions (1e10 ÷ 2 = 5e9 ≤ 5.14e9): 4 × $0.158 × 730 = $461.36.
        #expect(
            text.contains("redis     cache.r7g.large Redis OSS × 1 shards × (1 + 1), 1 partition(s)      2    $319.74"))
        #expect(text.contains("memory 95 % of usable"))
        // 4 types × 3 shards × 1 replica × 2 partitions + 1 gateway type × 1 share + 1 DynamoDB mode = 26.
        #expect(text.contains("26 configurations evaluated"))
        // The cheaper rejected ones: m7g.large × 1 shard = 2 × $0.158 × 730 = $230.68, $89.06 below $319.74;
        // one partition of 1e10 B exceeds 5,137,854,627.84 B by 1e10 ÷ 5.14e9 = 1.95×.
        #expect(text.contains("redis: 2 cheaper configuration(s) rejected"))
        #expect(
            text.contains(
                "cache.m7g.large Redis OSS × 1 shards × (1 + 1), 1 partition(s)    $230.68    -$89.06  memory (one queue partition)  10,000 MB > usable 4.79 GiB per node (1.95×)"
            ))
        #expect(text.contains("Variants of this plan: fast-wait (pick one with --variant NAME)"))
    }

    @Test func jsonIsVersionedAndByteIdentical() throws {
        let run = try AppRun()
        let a = try Self.search(run).document.json()
        let b = try Self.search(run).document.json()
        #expect(a == b)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "tacoplan.search/1")
        #expect(root["objective"] as? String == "month")
        let resources = try #require(root["resources"] as? [[String: Any]])
        #expect(resources.map { $0["resource"] as? String } == ["redis", "gateway", "dynamodb"])
        let chosen = try #require(resources[0]["chosen"] as? [String: Any])
        #expect(chosen["cost"] as? String == "319.74")  // 2 × 0.219 × 730, exact decimal
        #expect(chosen["hourly"] as? String == "0.438")
        let rejected = try #require(resources[0]["rejectedCheaper"] as? [[String: Any]])
        #expect(rejected.map { $0["rejectedBy"] as? String } == ["memory (one queue partition)", "memory"])
        #expect(rejected.first?["versusChosen"] as? String == "-89.06")  // 230.68 − 319.74
    }

    @Test func aVariantAboveTheNewTableThroughputIsFeasibleWithAPreWarmNote() throws {
        let outcome = try Self.search(AppRun(), variant: "fast-wait")
        // Admission 5,000,000 users ÷ 1,000 s = 5,000/s → 5,000 WRU/s > the 4,000 a new on-demand table absorbs.
        // One sizing check (Docs/Model.md §5a): as in `estimate`, that is a pre-warm note, not a rejection.
        #expect(outcome.failure?.status == .infeasible)  // cache.m7g.large alone cannot hold the queue
        #expect(outcome.failure?.lines.first?.hasPrefix("verdict: INFEASIBLE") == true)
        let text = Self.text(outcome)
        #expect(text.contains("dynamodb: top 1 feasible"))
        #expect(
            text.contains(
                "peak 5,000 WRU/s, ≥ 5 partition(s); above the 4,000 WRU/s a new on-demand table absorbs: pre-warm it"))
        #expect(text.contains("Variant 'fast-wait': everyone admitted within 1,000 s (overrides event.target_wait)"))
    }

    @Test func anUnknownVariantSuggestsOne() throws {
        let run = try AppRun()
        let path = try run.write("small.yaml", Self.plan)
        do {
            _ = try SearchUseCase.run(
                PlanRequest(path: path, variant: "fast-wiat"), evidence: try run.evidence(), top: 5,
                context: run.context)
            Issue.record("an unknown variant was accepted")
        } catch let error as AppFailure {
            #expect(error.status == .invalidInput)
            let lines = error.lines.joined(separator: "\n")
            #expect(lines.contains("--variant 'fast-wiat' is not a variant of \(path)"))
            #expect(lines.contains("did you mean 'fast-wait'? variants: fast-wait"))
        }
    }
}
