import Foundation
import Testing

@testable import TacoCore

/// Warnings computed from the plan (Docs/Model.md §7.1), each with hand-derived numbers on `Fixture.minimal`:
/// 300,000 users, 10,000 seats, 30 min window, 60 s ramp, 300 s target wait, 5 s poll, backend 3,000 RPS at 70 %.
@Suite struct PlanWarningsTests {
    func estimate(_ old: String, _ new: String) throws -> Estimate {
        try Fixture.estimate(try Fixture.variant(Fixture.minimal, old, new), asOf: "2026-11-01")
    }

    func finding(_ e: Estimate, _ id: String) throws -> Finding {
        try #require(e.findings.first { $0.id == id }, "no finding \(id)")
    }

    @Test func theMinimalPlanHasNoneOfThem() throws {
        // UX rate 300,000 ÷ 300 s = 1,000/s under the backend cap 3,000 × 0.7 = 2,100/s: the wait is exactly 300 s.
        let e = try Fixture.estimate(Fixture.minimal, asOf: "2026-11-01")
        let ids = Set(e.findings.map(\.id))
        for id in [
            "wait-above-target", "never-admitted", "seats-over-users", "poll-over-window", "ramp-over-window",
            "spot-share-not-honoured",
        ] {
            #expect(!ids.contains(id), "\(id)")
        }
    }

    @Test func longestWaitAboveTargetNamesBothAndTheFix() throws {
        // Backend cap 1,000 × 0.7 ÷ 1 = 700/s < UX 1,000/s: wait 300,000 ÷ 700 = 428.57 s > 300 s. Meeting 300 s
        // needs 1,000/s, i.e. backend_capacity ≥ 1,000 × 1 ÷ 0.7 = 1,428.6 → 1,429 RPS.
        let e = try estimate("backend_capacity: 3000", "backend_capacity: 1000")
        let w = try finding(e, "wait-above-target")
        #expect(w.message.contains("waits 428.6 s, above the plan's target_wait of 300 s"))
        #expect(w.message.contains("raise backend_capacity from 1,000 to at least 1,429 RPS"))
    }

    @Test func usersNeverAdmittedInTheWindowAndOneTimeline() throws {
        // 100,000,000 users, fixed 300/s, 10 min window: 300 × 600 = 180,000 admitted while open; 99,820,000
        // (99.82 % → "99.8 %") are not. Drain 100,000,000 ÷ 300 = 333,333 s > 24 h, so the event runs 86,400 s:
        // 300 × 86,400 = 25,920,000 admitted; 74,080,000 never.
        var text = try Fixture.variant(Fixture.minimal, "users: 300000", "users: 100000000")
        text = try Fixture.variant(text, "window: 30m", "window: 10m")
        text = try Fixture.variant(
            text, "  backend_capacity: 3000", "  mode: fixed\n  rate: 300\n  backend_capacity: 3000")
        let e = try Fixture.estimate(text, asOf: "2026-11-01")
        let w = try finding(e, "never-admitted")
        #expect(w.message.contains("admits 180,000 of 100,000,000 users: 99,820,000 (99.8 %)"))
        #expect(w.message.contains("74,080,000 users are not admitted even then"))
        // One timeline: compute hours and expected writes both use 86,400 s.
        #expect(e.timeline.eventSeconds == 86_400)
        #expect(e.dynamodb.expectedWrites == 25_920_000)  // × 1 attempt per user
        let eks = try #require(e.costs.first { $0.resource == .eks })
        #expect(eks.basis.contains("per event: 24 h"))
    }

    @Test func seatsAboveUsers() throws {
        // 400,000 seats for 300,000 users: 100,000 unsold = 25 % of the seats.
        let e = try estimate("seats: 10000", "seats: 400000")
        let w = try finding(e, "seats-over-users")
        #expect(w.message.contains("100,000 seats (25 %) stay unsold"))
    }

    @Test func pollIntervalAtLeastTheWindow() throws {
        // status_poll 1,800 s = the 30 min window: 1,800 ÷ 1,800 = 1 poll.
        let e = try estimate("status_poll: 5s", "status_poll: 1800s")
        let w = try finding(e, "poll-over-window")
        #expect(w.message.contains("polls at most 1 time(s)"))
    }

    @Test func rampAtLeastTheWindow() throws {
        // Ramp 45 min = 2,700 s, window 1,800 s: (2,700 − 1,800) ÷ 2,700 = 33.3 % join after the close.
        let e = try estimate("ramp: 60s", "ramp: 45m")
        let w = try finding(e, "ramp-over-window")
        #expect(w.message.contains("33.3 % of users"))
    }

    @Test func spotShareWithoutSpotDataSaysWhy() throws {
        let text = try Fixture.variant(
            Fixture.minimal, "  node_candidates: [c7g.xlarge]", "  node_candidates: [c7g.xlarge]\n  spot_share: 70%")
        var input = try Fixture.input(text, asOf: "2026-11-01")
        input.book.spot = [:]  // a region with Spot price history but no Spot Advisor data (the us-west-1 case)
        let e = Estimate.compute(input)
        let w = try finding(e, "spot-share-not-honoured")
        #expect(w.message.contains("asks for 70 % Spot"))
        #expect(w.message.contains("no Spot Advisor data for c7g.xlarge in us-east-1"))
    }

    @Test func oneUserSeatDrainNoteIsComputed() throws {
        // 1 user, 10,000 seats: seat floor 10,000 ÷ 1,800 s = 5.56/s ≥ UX 1 ÷ 300 s = 0.0033/s, so it binds; the
        // note must not call it too slow.
        let e = try estimate("users: 300000", "users: 1")
        let seat = try #require(e.admission.criteria.first { $0.name == .seatDrain })
        #expect(seat.binding)
        #expect(!seat.note.contains("too slow"))
        #expect(seat.note.contains("sets the pace"))
    }

    @Test func keysTitleAtOneUserIsNotOrdersOfMagnitude() throws {
        var text = try Fixture.variant(Fixture.minimal, "users: 300000", "users: 1")
        text += "claims:\n  keys_to_zrank_speedup:\n    value: 100\n    text: \"100배\"\n"
        let e = try Fixture.estimate(text, asOf: "2026-11-01")
        let k = try finding(e, "keys-vs-zrank")
        #expect(!k.title.contains("orders of magnitude"))
        #expect(k.claim == "100배")
    }
}

/// The memory finding's title is computed from the shard needs, not typed.
@Suite struct MemoryFindingTests {
    @Test func memoryDrivesOnlyWhenItsNeedIsTheLargest() throws {
        // 300,000 users × 30 KB = 9,000 MB of queue data, × 2 buffer ≥ 18,000 MB (transient keys add < 1,000 MB,
        // so ≤ 20,000 MB) over 9.7 GiB = 10,415 MB usable per cache.m7g.xlarge: ⌈1.73 … 1.92⌉ = 2 shards for memory.
        // Four queue partitions spread 60,000 ZRANK/s so engine CPU needs 1 shard; the floor is 1: memory drives.
        let text = try Fixture.variant(
            Fixture.minimal, "  candidates: [cache.m7g.xlarge]",
            "  candidates: [cache.m7g.xlarge]\n  bytes_per_user: 30KB\n  queue_partitions: 4")
        let e = try Fixture.estimate(text, asOf: "2026-11-01")
        let f = try #require(e.findings.first { $0.id == "memory-not-driver" })
        #expect(e.redis.chosen?.memoryShards == 2)
        #expect(f.title == "Memory drives the shard count")
        // The seed-shaped floor of 5 shards: memory's 2 are fewer, so memory does not set the count.
        let floored = try Fixture.variant(text, "  queue_partitions: 4", "  queue_partitions: 4\n  min_shards: 5")
        let g = try #require(
            try Fixture.estimate(floored, asOf: "2026-11-01").findings.first { $0.id == "memory-not-driver" })
        #expect(g.title == "Memory does not drive the shard count")
        // The minimal plan: 1 shard for memory, 1 for engine CPU, floor 1: a tie, not "drives".
        let m = try #require(
            try Fixture.estimate(Fixture.minimal, asOf: "2026-11-01").findings.first { $0.id == "memory-not-driver" })
        #expect(m.title == "Memory ties for the shard count")
    }
}
