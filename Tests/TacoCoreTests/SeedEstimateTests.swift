import Foundation
import Testing

@testable import TacoCore

/// The seed plan (plans/traffic-tacos.yaml) against the bundled price book: the acceptance figures of Docs/Model.md §1–§5.
@Suite struct SeedEstimateTests {
    @Test func seatDrainRateIsSeatsOverWindow() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // 10,000 seats ÷ 30 min (1,800 s) = 5.5555… admissions/s, shown with two decimals.
        let f = try e.figure("admission.seat_drain")
        #expect(close(f.value, 10000.0 / 1800.0))
        #expect(f.display == "5.56/s")
    }

    @Test func userExperienceRateIsUsersOverTargetWait() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // 300,000 users ÷ 300 s = 1,000/s; it sets the admission rate (above the 5.56/s floor, under the caps).
        #expect(try e.figure("admission.user_experience").value == 1000)
        #expect(try e.figure("admission.rate").value == 1000)
        #expect(e.admission.binding == .userExperience)
        // Caps not binding: backend 3,000 RPS × 70 % = 2,100/s; budget $5 ÷ (1,800 s × 1 WRU × $0.00000125) = 2,222.2/s.
        #expect(close(try e.figure("admission.backend_cap").value, 2100))
        #expect(close(try e.figure("admission.budget_cap").value, 5.0 / 0.00225))
    }

    @Test func backendUtilizationIsOneThird() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // 1,000 admissions/s × 1 backend call ÷ 3,000 RPS = 1/3, shown with one decimal as 33.3 %.
        let f = try e.figure("admission.backend_utilization")
        #expect(f.value == 1.0 / 3.0)
        #expect(f.display == "33.3 %")
        #expect(e.admission.backendUtilization == 1.0 / 3.0)
    }

    @Test func statusRateIsUsersOverPollInterval() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // 300,000 users ÷ 5 s = 60,000 status requests/s.
        #expect(try e.figure("traffic.status_rate").value == 60000)
        #expect(e.traffic.statusRate == 60000)
    }

    @Test func statusResponseBandwidthIsSixtyMegabytesPerSecond() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // 60,000 req/s × 1KB (1,000 B) = 60,000,000 B/s = 60 MB/s (the seed's figure).
        let f = try e.figure("traffic.status_bandwidth")
        #expect(f.value == 60_000_000)
        #expect(f.display == "60 MB/s")
    }

    @Test func queueDataIsUsersTimesBytesPerUser() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // 300,000 users × 1KB (1,000 B) = 300,000,000 B = 300 MB.
        let f = try e.figure("redis.queue_data")
        #expect(f.value == 300_000_000)
        #expect(f.display == "300 MB")
        #expect(e.redis.memory.queueData == 300_000_000)
    }

    @Test func dynamoCeilingBeforeThePriceCutIsTheSeedsTwoDollarsTwentyFive() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // 1,000 writes/s × 1,800 s × 1 WRU × $0.00000125 (us-east-1 from 2024-07-01) = $2.25 exactly.
        let expected = Decimal(1000) * Decimal(1800) * (try Fixture.dec("0.00000125"))
        #expect(expected == (try Fixture.dec("2.25")))
        #expect(e.dynamodb.ceilingCost == Money(expected))
        #expect(e.dynamodb.wruPrice?.usd == (try Fixture.usd("0.00000125")))
        #expect(try e.figure("dynamodb.ceiling_cost").display == "$2.2500")
    }

    @Test func dynamoCeilingAfterThePriceCutHalves() throws {
        let e = try Fixture.seedEstimate(asOf: "2026-11-01")
        // 1,000 × 1,800 × 1 WRU × $0.000000625 (from 2024-11-01) = $1.125.
        #expect(e.dynamodb.ceilingCost == (try Fixture.usd("1.125")))
        #expect(e.dynamodb.wruPrice?.effectiveFrom == (try Fixture.day("2024-11-01")))
    }

    @Test func expectedWritesAreOnePerUserNotPerSecondOfWindow() throws {
        let e = try Fixture.seedEstimate(asOf: "2026-11-01")
        // The queue empties after 300,000 ÷ 1,000/s = 300 s, so writes = min(300,000, 1,000 × 1,800) × 1 attempt
        // = 300,000, costing 300,000 × $0.000000625 = $0.1875.
        #expect(e.dynamodb.expectedWrites == 300_000)
        #expect(e.dynamodb.expectedCost == (try Fixture.usd("0.1875")))
        #expect(e.traffic.drainTime == 300)
    }

    @Test func redisCostLineIsTenNodesAtThirtyOneAndAHalfCents() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        let line = try #require(e.costs.first { $0.resource == .redis })
        // min_shards 5 binds → 5 shards × (1 + 1 replica) = 10 × cache.m7g.xlarge Redis OSS at $0.315/h:
        // hourly 10 × 0.315 = $3.15; always on, 730 h/month: 3.15 × 730 = $2,299.50.
        #expect(line.quantity == 10)
        #expect(line.unitPrice == (try Fixture.usd("0.315")))
        #expect(line.hourly == (try Fixture.usd("3.15")))
        #expect(line.perMonth == (try Fixture.usd("2299.50")))
        #expect(line.component.contains("cache.m7g.xlarge"))
        #expect(line.component.contains("Redis OSS"))
        #expect(e.redis.chosen?.shards == 5)
        #expect(e.redis.chosen?.nodes == 10)
    }

    @Test func gatewayPodsRoundUpTheRequestRateOverPodCapacity() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // Gateway rate = join 300,000 ÷ 60 s (5,000) + status 60,000 + enter 1,000 + reserve 1,000 = 67,000/s.
        // Pod capacity 1,667 × 0.6 = 1,000.2/s; 67,000 ÷ 1,000.2 = 66.99 → ⌈⌉ = 67 pods.
        #expect(e.traffic.gatewayRate == 67000)
        #expect(e.gateway.pods == 67)
        #expect(try e.figure("gateway.pods").value == 67)
    }

    @Test func transientKeyMemoryIsRateTimesTTLCappedByUsers() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // admission tokens: min(1,000/s × 30 s, 300,000) = 30,000 keys × 350 B = 10,500,000 B.
        #expect(try e.figure("redis.transient.admission_tokens").value == 10_500_000)
        // idempotency keys: min(1,000/s × 300 s, 300,000 × 1 attempt) = 300,000 keys × 350 B = 105,000,000 B.
        #expect(try e.figure("redis.transient.idempotency_keys").value == 105_000_000)
        // rate-limit buckets: min(60,000/s × 2 s, 300,000) = 120,000 keys × 370 B = 44,400,000 B.
        #expect(try e.figure("redis.transient.rate_limit_buckets").value == 44_400_000)
        // Required = (300,000,000 + 10,500,000 + 105,000,000 + 44,400,000) × buffer 2 = 919,800,000 B.
        #expect(e.redis.memory.required == 919_800_000)
    }

    @Test func hotQueueKeyCPUComesFromTheMeasuredCommandCosts() throws {
        let e = try Fixture.seedEstimate(asOf: "2024-10-31")
        // benchmarks/redis-command-costs.csv, redis 7.0.15, N=300,000, 50 clients (cpu_us_per_call):
        //   line 41 ZRANK 8.73 µs; line 49 ZADD_NX 8.71 µs; line 51 EVALSHA_admit10 35.22 µs (its command time 40.17
        //   exceeds the CPU figure, so overhead is 0 and the cost is 35.22 µs).
        // Reads go to the replica: ZRANK 60,000/s × 8.73 µs = 523,800 µs/s = 0.5238 cores.
        // Writes stay on the primary: ZADD_NX 5,000/s × 8.71 + EVALSHA_admit10 (1,000 × 0.1)/s × 35.22
        //   = 43,550 + 3,522 = 47,072 µs/s = 0.047072 cores. ZCARD fans out to 0 other partitions.
        // The hot key's node is the replica: max(0.047072, 0.5238 ÷ 1 replica) = 0.5238.
        #expect(close(e.redis.hotKeyLoad, 60000 * 8.73 / 1_000_000))
        #expect(close(try e.figure("redis.hot_key_cpu").value, 0.5238))
        let zrank = try #require(e.redis.load.commands.first { $0.command == "ZRANK" })
        #expect(close(zrank.cost.totalMicros, 8.73))
        #expect(zrank.cost.reference.line == 41)
        #expect(!e.redis.load.commands.contains { $0.command == "ZCARD" })
    }

    @Test func everyFigureOfTheSeedIsFiniteWhenPriced() throws {
        let e = try Fixture.seedEstimate(asOf: "2026-11-01")
        let unpriced = e.figures.filter { !$0.value.isFinite }.map(\.id)
        #expect(unpriced.isEmpty)
        #expect(e.totals.unpricedLines == 0)
    }
}
