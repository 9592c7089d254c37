import Foundation
import Testing

@testable import TacoCore

/// `tacoplan simulate`'s core (Docs/Model.md "Simulation"): a hand-computed step from 1 pod to 4 pods.
@Suite struct SimulationTests {
    /// Minimal plan with a gateway of 100 req/s per pod at a 50 % HPA target (50 req/s per pod at target),
    /// c7g.xlarge nodes (⌊(4 − 0.25) vCPU ÷ 1⌋ = 3 pods per node; memory ⌊(8 − 1) GiB ÷ 1 GiB⌋ = 7), node launch →
    /// Ready 30 s, pod start → Ready 10 s, requests above capacity shed at once (max_wait 0 s), and an explicit
    /// demand: 50 req/s for 15 s, then 200 req/s for 105 s (t = 0 … 119).
    static let stepPlan = """
        name: Step
        event:
          region: us-east-1
          window: 30m
          seats: 10000
          users: 300000
          ramp: 60s
          target_wait: 300s
        clients:
          status_poll: 5s
        apis:
          status:
            per: poll
            commands:
              - { command: ZRANK, key: queue }
        admission:
          backend_capacity: 3000
        redis:
          candidates: [cache.m7g.xlarge]
        gateway:
          rps_per_pod: 100
          hpa_target: 50%
          node_candidates: [c7g.xlarge]
          node_start: 30s
          pod_start: 10s
        scaling:
          max_wait: 0s
          demand:
            - { duration: 15s, rps: 50 }
            - { duration: 105s, rps: 200 }

        """

    static func run(_ text: String, prewarm: PrewarmRequest = .none) throws -> SimulationResult {
        let input = try Fixture.input(text, asOf: "2026-11-01")
        return try Simulation.run(input, estimate: Estimate.compute(input), step: 1, prewarm: prewarm)
    }

    /// Second by second (HPA sync and metric samples every 15 s; the HPA sees the mean served req/s of the last 15 s;
    /// desired = ⌈usage ÷ 50⌉ unless usage ÷ (ready × 50) is within 1 ± 0.1):
    /// - t = 0: ⌈50 ÷ 50⌉ = 1 pod Ready on ⌈1 ÷ 3⌉ = 1 node. t = 0…14: demand 50 ≤ capacity 100.
    /// - t = 15: usage 50 over [0, 15), ratio 50 ÷ (1 × 50) = 1 → no change. Demand jumps to 200; capacity 100:
    ///   100 req/s shed.
    /// - t = 30: usage 100 (capacity-bound) over [15, 30), ratio 2 → ⌈100 ÷ 50⌉ = 2 (limit max(1 × 2, 1 + 4) = 5).
    ///   The new pod fits the node's free slot (3 − 1 = 2): scheduled at 30, Ready at 40.
    /// - t = 40: capacity 2 × 100 = 200 = demand: shedding stops. Overloaded t = 15…39: 25 s; shed 25 × 100 = 2,500.
    /// - t = 45: usage over [30, 45) = (10 × 100 + 5 × 200) ÷ 15 = 133.3; ratio 133.3 ÷ 100 = 1.33 → ⌈2.67⌉ = 3. It
    ///   takes the last free slot: Ready at 55.
    /// - t = 60: usage 200, ready 3, ratio 1.33 → ⌈200 ÷ 50⌉ = 4. No free slot: Karpenter opens a batch at 60; at
    ///   61 no pod came for 1 s (batch_idle) → 1 node launches at 61, Ready at 61 + 30 = 91; the pod is scheduled at
    ///   91 and Ready at 101.
    /// - t = 75, 90: usage 200, ready 3 → 4 = current replicas. t = 105: ready 4, ratio 200 ÷ 200 = 1: steady.
    /// Peak Ready pods 4, first at t = 101; peak nodes 2. Billed node-seconds (launching or Ready): node 1 for
    /// t = 0…119 (120) + node 2 for t = 61…119 (59) = 179, all On-Demand (spot_share 0 %).
    @Test func stepFromOneToFourPodsWithoutPrewarm() throws {
        let r = try Self.run(Self.stepPlan)
        #expect(r.podsPerNode == 3)
        #expect(r.rows.count == 120)
        let s = r.summary
        #expect(s.overloadedSeconds == 25)
        #expect(close(s.shedRequests, 2_500))
        #expect(s.peakReadyPods == 4)
        #expect(s.peakNodes == 2)
        #expect(s.timeToPeakCapacity == 101)
        #expect(r.rows[39].fleet.readyPods == 1 && r.rows[40].fleet.readyPods == 2)
        #expect(r.rows[54].fleet.readyPods == 2 && r.rows[55].fleet.readyPods == 3)
        #expect(r.rows[61].fleet.launchingNodes == 1 && r.rows[91].fleet.readyNodes == 2)
        #expect(r.rows[100].fleet.readyPods == 3 && r.rows[101].fleet.readyPods == 4)
        #expect(close(s.onDemandNodeHours * 3600, 179) && s.spotNodeHours == 0)
        // 179 node-seconds × $0.145/h ÷ 3,600 s/h = $0.0072097…
        let cost = try #require(s.nodeCost)
        #expect(cost.rounded(6) == (try Fixture.dec("0.007210")))
    }

    /// `--prewarm smallest`: ⌈peak 200 ÷ 100 req/s per pod⌉ = 2 pods serve every step, so the search is over 0…2. With 2
    /// pods held (minReplicas 2 for the whole run) capacity 200 ≥ demand at every step: nothing shed. With 1 (the
    /// same as no pre-warm) 2,500 are shed. Answer: 2 pods on ⌈2 ÷ 3⌉ = 1 node, after 3 simulations (the plain run,
    /// the upper bound, the midpoint 1).
    /// Its timeline: t = 30: usage 200, ready 2, ratio 2 → 4 pods; one takes the free slot, one needs a node: batch
    /// at 30, launch at 31, Ready at 61. Billed: node 1 for 120 s + node 2 for t = 31…119 (89 s) = 209 node-seconds,
    /// 30 more than without the pre-warm: 30 × $0.145 ÷ 3,600 = $0.0012083… per event in this timeline. Priced by the
    /// one pre-warm model: 1 node started node start 30 s + pod start 10 s = 40 s before the sale, On-Demand:
    /// 1 × $0.145 × 40 ÷ 3,600 = $0.0016111… per event.
    @Test func prewarmSmallestFindsTheSmallestPrewarmThatShedsNothing() throws {
        let r = try Self.run(Self.stepPlan, prewarm: .smallest)
        let p = try #require(r.prewarm)
        #expect(p.pods == 2)
        #expect(p.nodes == 1)
        #expect(p.simulations == 3)
        #expect(r.summary.shedRequests == 0)
        #expect(r.summary.overloadedSeconds == 0)
        #expect(close(r.summary.onDemandNodeHours * 3600, 209))
        #expect(close(try #require(r.withoutPrewarm).shedRequests, 2_500))
        let extra = try #require(p.timelineExtraNodeCost)
        #expect(extra.rounded(7) == (try Fixture.dec("0.0012083")))
        #expect(p.seconds == 40)
        let cost = try #require(p.costPerEvent)
        #expect(cost.rounded(7) == (try Fixture.dec("0.0016111")))
    }

    /// `--prewarm auto` is the estimate's pre-warm: the ramp 60 s is slower than node start 30 s + pod start 10 s
    /// = 40 s, so none is priced and none is simulated: 0 pods, 0 nodes, $0 — the same 2,500 requests shed as
    /// without (the estimate says the autoscalers can follow; the timeline shows what that costs in shedding).
    @Test func prewarmAutoIsTheEstimatesPrewarm() throws {
        let input = try Fixture.input(Self.stepPlan, asOf: "2026-11-01")
        let estimate = Estimate.compute(input)
        #expect(!estimate.gateway.preWarm.needed)
        let r = try Simulation.run(input, estimate: estimate, step: 1, prewarm: .auto)
        let p = try #require(r.prewarm)
        #expect(p.pods == 0 && p.nodes == 0 && p.seconds == 0)
        #expect(p.costPerEvent == Money.zero)
        #expect(r.summary.shedRequests == 2_500)
    }

    @Test func aFixedPrewarmBelowTheAnswerStillSheds() throws {
        // --prewarm 1 is what the plan starts with anyway: the same 2,500 requests are shed.
        let r = try Self.run(Self.stepPlan, prewarm: .pods(1))
        #expect(close(r.summary.shedRequests, 2_500))
    }

    /// Spot interruptions as an expected-rate process. 7,000 Spot nodes (spot_share 100 %, on_demand_floor 0) hold
    /// ⌈1,050,000 ÷ 50⌉ = 21,000 pods, 3 per node. c7g.xlarge's us-east-1 Spot Advisor bucket is "<5%"
    /// (pricing/spot-advisor.csv): 0.05 interruptions per node per 30 days = 0.05 ÷ 2,592,000 s per node-second.
    /// 7,000 nodes accumulate 1 interruption after 2,592,000 ÷ (7,000 × 0.05) = 7,405.7 s, so during step t = 7,405
    /// (the 7,406th): one node and its 3 pods go; 20,997 pods still serve 2,099,700 req/s ≥ 1,050,000, and usage ÷
    /// (20,997 × 50) = 1.00014 is within the HPA tolerance. Karpenter opens a batch for the 3 pending pods at 7,405
    /// and launches a replacement node at 7,406.
    @Test func spotInterruptionsFollowTheBucketRate() throws {
        var text = try Fixture.variant(
            Self.stepPlan, "  pod_start: 10s\n", "  pod_start: 10s\n  spot_share: 100%\n  on_demand_floor: 0\n")
        text = try Fixture.variant(text, "  max_wait: 0s\n", "  max_wait: 0s\n  spot_interruptions: true\n")
        text = try Fixture.variant(
            text, "    - { duration: 15s, rps: 50 }\n    - { duration: 105s, rps: 200 }\n",
            "    - { duration: 7500s, rps: 1050000 }\n")
        let r = try Self.run(text)
        #expect(r.rows[0].fleet.readyNodes == 7_000 && r.rows[0].fleet.spotNodes == 7_000)
        #expect(r.summary.spotInterruptions == 1)
        #expect(r.rows[7_404].fleet.readyNodes == 7_000)
        #expect(r.rows[7_405].fleet.readyNodes == 6_999 && r.rows[7_405].fleet.readyPods == 20_997)
        #expect(r.rows[7_406].fleet.launchingNodes == 1)
        #expect(r.summary.shedRequests == 0)
    }

    @Test func repeatedRunsAreIdentical() throws {
        let text = try Fixture.seedText()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(try Self.run(text, prewarm: .auto))
        let b = try encoder.encode(try Self.run(text, prewarm: .auto))
        let identical = a == b
        #expect(identical)
        #expect(a.count > 100_000)
    }

    /// The seed's waiting room: 300,000 users join at 300,000 ÷ 60 s = 5,000/s for 60 s and are admitted at
    /// 1,000/s from t = 0, so the last is admitted at 300,000 ÷ 1,000 = 300 s; the run covers the 120 s lead before
    /// and the 315 s tail after: t = −120 … 614, 735 steps.
    @Test func seedTimelineCoversLeadRampWindowAndDrain() throws {
        let r = try Self.run(try Fixture.seedText())
        #expect(r.rows.first?.t == -120)
        #expect(r.rows.last?.t == 614)
        #expect(r.rows.count == 735)
        #expect(r.summary.drainedAt == 300)
        let ramp = try #require(r.rows.first { $0.t == 30 })
        #expect(close(ramp.joinRate ?? 0, 5_000))
        #expect(close(ramp.admissionRate ?? 0, 1_000))
        // At t = 30 the step ends with 31 × 5,000 − 31 × 1,000 = 124,000 users waiting.
        #expect(close(ramp.waitingUsers ?? 0, 124_000))
        #expect(r.summary.shedRequests > 0)
    }

    @Test func tooManyStepsIsAnError() throws {
        // 15 s + 3 × 24 h = 259,215 one-second steps > Simulation.maxSteps (200,000): refused before simulating.
        let tooLong = try Fixture.variant(
            Self.stepPlan, "{ duration: 105s, rps: 200 }",
            "{ duration: 24h, rps: 200 }\n    - { duration: 24h, rps: 200 }\n    - { duration: 24h, rps: 200 }")
        #expect(throws: SimulationError.self) { _ = try Self.run(tooLong) }
    }

    /// Bad `scaling:` values are reported like the rest of the plan: file, line, column, what was expected.
    @Test func badScalingValuesAreLocated() throws {
        let text = try Fixture.variant(
            Self.stepPlan, "  max_wait: 0s\n", "  max_wait: soon\n  hpa_tolerance: 150\n  arrival: linaer\n")
        let problems = Fixture.problems(text, file: "step.yaml")
        let lines = problems.map(\.description)
        // scaling: is line 26; max_wait line 27 col 13, hpa_tolerance line 28 col 18, arrival line 29 col 12.
        #expect(lines.contains { $0.hasPrefix("step.yaml:27:13") && $0.contains("scaling.max_wait") })
        #expect(lines.contains { $0.hasPrefix("step.yaml:28:18") && $0.contains("more than 1") })
        #expect(lines.contains { $0.hasPrefix("step.yaml:29:12") && $0.contains("did you mean 'linear'") })
        let stage = try Fixture.variant(Self.stepPlan, "{ duration: 15s, rps: 50 }", "{ duration: 15s, rsp: 50 }")
        let stageProblems = Fixture.problems(stage).map(\.description)
        #expect(stageProblems.contains { $0.contains("scaling.demand[0].rsp") && $0.contains("unknown field") })
    }

    @Test func defaultsApplyWithoutAScalingSection() throws {
        let (plan, provenance) = try Fixture.decode(Fixture.minimal)
        #expect(plan.scaling == ScalingSpec.defaults)
        #expect(provenance.origin(of: "scaling.hpa_sync").contains("15 s"))
        #expect(provenance.origin(of: "scaling.batch_idle").contains("BATCH_IDLE_DURATION"))
    }
}

/// The gateway's request backlog: FIFO service, shed after `max_wait`.
@Suite struct RequestBacklogTests {
    @Test func requestsWaitUpToMaxWaitThenAreShed() {
        // 300 requests arrive at t = 0, capacity 100 per 1 s step, then nothing arrives.
        // max_wait 2 s: t = 0 serves 100 (200 wait, age 1 s at the end of the step); t = 1 serves 100 (age 2 s ≤ 2);
        // t = 2 serves the last 100: nothing shed.
        var b = RequestBacklog()
        var shed = 0.0
        var served = 0.0
        for t in 0..<3 {
            let r = b.serve(t: Double(t), dt: 1, arriving: t == 0 ? 300 : 0, budget: 100, maxWait: 2)
            shed += r.shed
            served += r.served
        }
        #expect(shed == 0 && served == 300)
        // max_wait 1 s: at the end of t = 1 the last 100 would be 2 s old > 1 s: shed.
        var c = RequestBacklog()
        let first = c.serve(t: 0, dt: 1, arriving: 300, budget: 100, maxWait: 1)
        let second = c.serve(t: 1, dt: 1, arriving: 0, budget: 100, maxWait: 1)
        #expect(first.served == 100 && first.shed == 0)
        #expect(second.served == 100 && second.shed == 100)
    }
}

/// `simulate --demand FILE`: a step CSV or k6 `stages`, each held flat.
@Suite struct DemandFileTests {
    @Test func csvAndK6StagesReadTheSame() throws {
        let csv = try DemandFile.parse(text: "duration,rps\n60s,5000\n120,10000\n", file: "d.csv")
        let k6 = try DemandFile.parse(
            text: #"{"stages":[{"duration":"1m","target":5000},{"duration":"2m","target":10000}]}"#, file: "k6.json")
        // 60 s at 5,000 then 120 s (a bare number is seconds; k6's "2m") at 10,000.
        let expected = [DemandStage(duration: Seconds(60), rps: 5000), DemandStage(duration: Seconds(120), rps: 10000)]
        #expect(csv == expected)
        #expect(k6 == expected)
    }

    @Test func aBadRowNamesItsLine() {
        #expect {
            _ = try DemandFile.parse(text: "duration,rps\n30s,5\nsoon,5\n", file: "d.csv")
        } throws: { error in
            (error as? SimulationError)?.message.hasPrefix("d.csv:3: 'soon' is not a duration") == true
        }
        #expect(throws: SimulationError.self) { _ = try DemandFile.parse(text: "when,load\n30s,5\n", file: "d.csv") }
    }
}
