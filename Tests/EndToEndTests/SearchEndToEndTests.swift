import Foundation
import TestSupport
import Testing

/// `tacoplan search`, and `estimate` following `extends:` and `--variant`, run as a process on small plans.
@Suite struct SearchEndToEndTests {
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

    @Test func searchesTheBounds() throws {
        let cli = try CLI()
        let path = try cli.write("small.yaml", Self.plan)
        let r = try cli.run(["search", path, "--as-of", "2026-11-01", "--top", "2"])
        // The plan as written (cache.m7g.large only) is INFEASIBLE, and search exits with the plan's one verdict
        // (issue 19) while it lists the r7g configurations that fit.
        #expect(r.status == 5, "\(r.stderr)")
        // Required memory = 5,000,000 users × 1,000 B × buffer 2 = 1e10 B.
        // Usable: cache.m7g.large 6.38 GiB × 0.75 = 5,137,854,627.84 B; cache.r7g.large 13.07 GiB × 0.75
        // = 10,525,404,119.04 B ≥ 1e10, so one r7g.large shard holds it (1e10 ÷ 10,525,404,119 = 95 %).
        // r7g.large: 1 shard × (1 + 1) = 2 nodes × $0.219 × 730 h = $319.74 per month (always on).
        // m7g.large needs 2 shards and 2 partitions (1e10 ÷ 2 = 5e9 ≤ 5.14e9): 4 × $0.158 × 730 = $461.36.
        #expect(
            r.stdout.contains(
                "redis     cache.r7g.large Redis OSS × 1 shards × (1 + 1), 1 partition(s)      2    $319.74"))
        #expect(r.stdout.contains("memory 95 % of usable"))
        // 4 types × 3 shards × 1 replica × 2 partitions + 1 gateway type × 1 share + 1 DynamoDB mode = 26.
        #expect(r.stdout.contains("26 configurations evaluated"))
        // The cheaper rejected ones: m7g.large × 1 shard = 2 × $0.158 × 730 = $230.68, $89.06 below $319.74;
        // one partition of 1e10 B exceeds 5,137,854,627.84 B by 1e10 ÷ 5.14e9 = 1.95×.
        #expect(r.stdout.contains("redis: 2 cheaper configuration(s) rejected"))
        #expect(
            r.stdout.contains(
                "cache.m7g.large Redis OSS × 1 shards × (1 + 1), 1 partition(s)    $230.68    -$89.06  memory (one queue partition)  10,000 MB > usable 4.79 GiB per node (1.95×)"
            ))
        #expect(r.stdout.contains("Variants of this plan: fast-wait (pick one with --variant NAME)"))
    }

    @Test func jsonIsVersionedAndByteIdentical() throws {
        let cli = try CLI()
        let path = try cli.write("small.yaml", Self.plan)
        let args = ["search", path, "--as-of", "2026-11-01", "--format", "json"]
        let a = try cli.run(args)
        let b = try cli.run(args)
        #expect(a.status == 5, "\(a.stderr)")  // the plan's verdict (issue 19)
        #expect(a.stdout == b.stdout)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
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
        let cli = try CLI()
        let path = try cli.write("small.yaml", Self.plan)
        let r = try cli.run(["search", path, "--as-of", "2026-11-01", "--variant", "fast-wait"])
        // Admission 5,000,000 users ÷ 1,000 s = 5,000/s → 5,000 WRU/s > the 4,000 a new on-demand table absorbs.
        // One sizing check (Docs/Model.md §5a): as in `estimate`, that is a pre-warm note, not a rejection (search
        // used to exit 5 here while estimate exited 0).
        #expect(r.status == 5)  // the variant's verdict: cache.m7g.large alone cannot hold the queue (issue 19)
        #expect(r.stdout.contains("dynamodb: top 1 feasible"))
        #expect(
            r.stdout.contains(
                "peak 5,000 WRU/s, ≥ 5 partition(s); above the 4,000 WRU/s a new on-demand table absorbs: pre-warm it"))
        #expect(
            r.stdout.contains("Variant 'fast-wait': everyone admitted within 1,000 s (overrides event.target_wait)"))
        #expect(r.stderr.hasPrefix("verdict: INFEASIBLE"))
    }

    @Test func anUnknownVariantSuggestsOne() throws {
        let cli = try CLI()
        let path = try cli.write("small.yaml", Self.plan)
        let r = try cli.run(["search", path, "--variant", "fast-wiat"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--variant 'fast-wiat' is not a variant of \(path)"))
        #expect(r.stderr.contains("did you mean 'fast-wait'? variants: fast-wait"))
    }

    @Test func estimateFollowsExtends() throws {
        let cli = try CLI()
        _ = try cli.write("base.yaml", PlanFixture.minimal)
        let child = try cli.write("child.yaml", "extends: base.yaml\nname: child\nclients: { status_poll: 10s }\n")
        let r = try cli.run(["estimate", child, "--as-of", "2026-11-01", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try EstimateJSON(r.stdout)
        #expect(json.estimate["plan"] as? String == "child")
        // 300,000 users (base) ÷ status_poll 10 s (child) = 30,000/s.
        #expect(try json.display("traffic.status_rate") == "30,000/s")
        let table = try cli.run(["estimate", child, "--as-of", "2026-11-01"])
        #expect(table.stdout.contains("Extends: \(child) → \(cli.scratch.appendingPathComponent("base.yaml").path)"))
    }

    @Test func estimateOneVariantOfTheSeed() throws {
        let cli = try CLI()
        let seed = ["estimate", "plans/traffic-tacos.yaml", "--as-of", "2026-11-01"]
        // On the best evidence the valkey variant is INFEASIBLE like the base (issue 18: the calibration is carried
        // over to Valkey, never dropped), and an infeasible cluster is not priced; the reference rung sizes it.
        let best = try cli.run(seed + ["--variant", "valkey", "--format", "json"])
        #expect(best.status == 5, "\(best.stderr)")
        let r = try cli.run(seed + ["--variant", "valkey", "--format", "json", "--evidence", "reference"])
        #expect(r.status == 0, "\(r.stderr)")
        // Valkey on the seed's 10 × cache.m7g.xlarge: 10 × $0.252 = $2.52/h; × 730 h = $1,839.60 per month.
        let redis = try EstimateJSON(r.stdout).costLine("redis")
        #expect(redis["unitPrice"] as? String == "0.252")
        #expect(redis["hourly"] as? String == "2.52")
        #expect(redis["perMonth"] as? String == "1839.6")
        let table = try cli.run(seed)
        #expect(
            table.stdout.contains(
                "Variants of this plan: keys-scan, x86-gateway, x86-cache, on-demand-gateway, valkey, dynamodb-provisioned"
            ))
    }
}
