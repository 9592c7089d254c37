import Foundation
import TacoApp
import TacoReport
import TestSupport
import Testing

@testable import TacoCore

/// Issue 24: a multi-region plan sized per region, its inter-region transfer priced, the three topologies side by
/// side, an UNPRICED region named with its fetch command, and `sweep --rps` agreeing with the report's 100k part.
@Suite struct RegionsTests {
    /// The seed plan moved to Seoul with 70 % of the crowd there and 30 % in Tokyo, one queue in Seoul, the
    /// reservation table a global table (so only Redis commands cross regions).
    static func seventyThirty(_ run: AppRun) throws -> String {
        var text = try String(contentsOfFile: AppRun.plan("traffic-tacos.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "region: us-east-1", with: "region: ap-northeast-2")
        text +=
            "\nregions:\n  topology: global-queue\n  dynamodb: global-table\n  sites:\n"
            + "    ap-northeast-2: { share: 70% }\n    ap-northeast-1: { share: 30% }\n"
        return try run.write("seventy-thirty.yaml", text)
    }

    static func evidence(_ run: AppRun) -> EvidenceRequest {
        // 2026-11-01: the Tokyo DynamoDB and EC2 rows (2026-09-21) are in force.
        EvidenceRequest(db: run.db, asOf: Day(iso: "2026-11-01"), costsFile: nil, evidence: .best)
    }

    @Test func seventyThirtySizesEachRegionAndPricesTheStatusTransfer() throws {
        let run = try AppRun()
        let path = try Self.seventyThirty(run)
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: path), evidence: Self.evidence(run), context: run.context)
        let regions = try #require(outcome.assessment.regions)
        let d = regions.deployment
        #expect(d.topology == .globalQueue)
        // 70 % and 30 % of 300,000 users.
        #expect(d.sites.map(\.users) == [210_000, 90_000])
        let tokyo = try #require(d.sites.first { $0.region == "ap-northeast-1" })
        // Tokyo's status polls: 90,000 users ÷ 5 s = 18,000/s.
        #expect(abs(tokyo.statusRPS - 18_000) < 1e-6)

        // One status poll of a Tokyo gateway sends EVALSHA_ratelimit (110 B) + ZRANK (80 B) = 190 B to the Seoul
        // queue and gets 4 B + 8 B = 12 B back (ZCARD fans out to 0 other partitions with 1 partition).
        let crossing = RegionalModel.crossingBytes(
            outcome.assessment.input.plan, topology: .globalQueue, store: .globalTable, full: outcome.estimate)
        let status = try #require(crossing.first { $0.driver == .poll })
        #expect(status.request == 190)
        #expect(status.reply == 12)
        // Tokyo's status bandwidth into Seoul: 18,000/s × 190 B = 3,420,000 B/s.
        #expect(abs(tokyo.statusRPS * status.request - 3_420_000) < 1e-3)

        // Per event: the queue drains in 300,000 ÷ 1,000/s = 300 s; ∫ queue dt = 300,000 × 300 − 1,000 × 300² ÷ 2
        // = 45,000,000 user-s; ÷ 5 s = 9,000,000 polls, 30 % from Tokyo = 2,700,000.
        // Tokyo → Seoul bytes: polls 2,700,000 × 190 = 513,000,000; joins 90,000 × (110 + 100) = 18,900,000;
        // enters 90,000 × (0.1 × 120 + 110 + 60) = 16,380,000; reserves 90,000 × (110 + 60 + 60) = 20,700,000;
        // Σ = 568,980,000 B = 0.56898 GB × $0.09 (Tokyo source rate) = $0.0512082 per event.
        let up = try #require(d.flows.first { $0.from == "ap-northeast-1" && $0.to == "ap-northeast-2" })
        #expect(abs(up.bytesPerEvent - 568_980_000) < 1)
        let upLine = try #require(
            d.costs.first { $0.resource == .transfer && $0.component.hasPrefix("ap-northeast-1: requests") })
        #expect(upLine.unitPrice == Money(string: "0.09"))
        #expect(abs((upLine.perEvent?.amount.doubleValue ?? 0) - 0.0512082) < 1e-9)
        // The status polls alone: 513,000,000 B = 0.513 GB × $0.09 = $0.04617 per event.
        #expect(abs(2_700_000 * status.request / 1e9 * 0.09 - 0.04617) < 1e-12)
        // Seoul → Tokyo replies: 2,700,000 × 12 + 90,000 × 8 + 90,000 × (0.1 × 480 + 4 + 210)
        // + 90,000 × (4 + 210 + 210) = 32,400,000 + 720,000 + 23,580,000 + 38,160,000 = 94,860,000 B
        // = 0.09486 GB × $0.08 (Seoul source rate) = $0.0075888.
        let downLine = try #require(
            d.costs.first { $0.resource == .transfer && $0.component.hasPrefix("ap-northeast-2: replies") })
        #expect(abs((downLine.perEvent?.amount.doubleValue ?? 0) - 0.0075888) < 1e-9)
        // Each Tokyo poll makes 2 round trips to Seoul (ratelimit, ZRANK): 2 × 34.7 ms (LAT19).
        #expect(abs((tokyo.statusAddedMs ?? 0) - 69.4) < 1e-9)

        // The three topologies side by side, with their numbers.
        #expect(regions.topologies.map(\.topology) == [.globalQueue, .globalDatastore, .perRegionQueues])
        let datastore = regions.topologies[1]
        // Global Datastore: only the ratelimit write crosses per poll (1 × 34.7 ms); freshness 1 s + 17.35 ms.
        #expect(abs((datastore.budget.worstStatusAddedMs ?? 0) - 34.7) < 1e-9)
        #expect(abs(datastore.budget.freshnessSeconds - 1.01735) < 1e-9)
        #expect(datastore.flows.contains { $0.inferred })
        let perRegion = regions.topologies[2]
        #expect(perRegion.budget.worstStatusAddedMs == 0)
        #expect(!perRegion.budget.globalOrder)
        #expect(perRegion.flows.isEmpty)
        // The other two topologies as automatic levers; Seoul's cache nodes have no price (and the seed's one
        // replica fails the hot key), so no saving is stated for either.
        #expect(
            regions.levers.map(\.change) == ["global-queue → global-datastore", "global-queue → per-region-queues"])
        #expect(regions.levers.allSatisfy { $0.status != .computed && $0.savingPerMonth == nil })
    }

    @Test func aRegionWithoutPricesIsNamedWithItsFetchCommand() throws {
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan("kpop-tour.yaml")), evidence: Self.evidence(run), context: run.context)
        let d = try #require(outcome.assessment.regions?.deployment)
        #expect(!d.totals.complete)
        let singapore = try #require(d.unpricedRegions.first { $0.region == "ap-southeast-1" })
        #expect(singapore.fetch == "tacoplan pricing fetch --region ap-southeast-1 --service ec2,eks")
        #expect(d.unpricedSentence?.contains("ap-southeast-1") == true)
        // An UNPRICED line is never $0: the Singapore EKS line has no price and no per-month figure.
        let eks = try #require(d.costs.first { $0.component.hasPrefix("ap-southeast-1: EKS") })
        #expect(eks.unpriced && eks.perMonth == nil)
        // No topology is ranked by cost on incomplete totals.
        #expect(outcome.assessment.regions?.cheapestFeasible == nil)
    }

    @Test func aGlobalDatastoreOverFourRegionsIsInfeasibleAndFailsTheRun() throws {
        let run = try AppRun()
        var text = try String(contentsOfFile: AppRun.plan("kpop-tour.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "topology: global-queue ", with: "topology: global-datastore ")
        text = text.replacingOccurrences(
            of: "ap-southeast-1: { share: 15% }", with: "ap-southeast-1: { share: 10% }\n    us-east-1: { share: 5% }")
        let path = try run.write("four.yaml", text)
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: path), evidence: Self.evidence(run), context: run.context)
        let d = try #require(outcome.assessment.regions?.deployment)
        // A Global Datastore spans 1 primary + at most 2 secondaries (multi-region-facts.md §4): 4 regions fail.
        #expect(d.status == .infeasible)
        #expect(d.reasons.contains { $0.contains("at most 3") })
        #expect(outcome.assessment.exitCode == 5)
        #expect(outcome.failure?.lines.first?.contains("deployment INFEASIBLE") == true)
    }

    @Test func sweepRPSAndTheReportAgreeAt100k() throws {
        let run = try AppRun()
        let request = PlanRequest(path: AppRun.plan("traffic-tacos.yaml"))
        let sweep = try SweepUseCase.run(
            request, range: RPSReach.range, evidence: try run.evidence(), context: run.context
        ).result
        let reach = try #require(RPSReach.from(sweep))
        // Gateway requests per user at the seed's settings: 1/5 s (status) + 1/60 s (join) + 2 × 1/300 s (enter
        // and reserve at the UX admission rate users ÷ 300 s, under the 2,100/s backend cap) = 0.2233…/s;
        // 100,000 ÷ 0.2233… = 447,761 users.
        #expect(reach.point.users == 447_761)
        #expect(reach.point.verdict == .infeasible)
        let first = try #require(reach.firstBreak)
        #expect(first == sweep.breaks.first)
        let report = try ReportUseCase.run(request, evidence: try run.evidence(), context: run.context).report
        #expect(report.reach?.single == reach)
    }

    /// Issue 24: the decision lines of `estimate` and the deck's answer state the whole deployment as planned (every
    /// region and the inter-region transfer), read from the assessment, with each UNPRICED region's fetch command.
    @Test func theKpopTourDecisionAndAnswerPriceTheWholeDeployment() throws {
        let run = try AppRun()
        let request = PlanRequest(path: AppRun.plan("kpop-tour.yaml"))
        let outcome = try EstimateUseCase.run(request, evidence: Self.evidence(run), context: run.context)
        let a = outcome.assessment
        let d = try #require(a.regions?.deployment)
        let text = VerdictText.decision(a.plan, deployment: d, style: Style(enabled: false))
        let lines = text.split(separator: "\n").map(String.init)

        // Transfer per event, GB each way × the source region's $/GB (multi-region-facts.md: $0.09 from Tokyo and
        // Singapore, $0.08 from Seoul): (0.549 + 0.329) × $0.09 + (0.079 + 0.047) × $0.08 = $0.07902 + $0.01008
        // = $0.0891; × 4 events a month = $0.3564 → "$0.36".
        var transfer = 0.0
        for f in d.flows { transfer += f.bytesPerEvent / 1e9 * (f.from == "ap-northeast-2" ? 0.08 : 0.09) * 4 }
        #expect(abs(transfer - 0.3564) < 0.001)
        // UNPRICED: Seoul's Redis node (1), Tokyo's EKS (1), Singapore's EKS, On-Demand node and pre-warm (3) = 5.
        #expect(d.totals.unpricedLines == 5)
        let priced = d.costs.compactMap(\.perMonth).reduce(Money.zero, +)
        #expect(d.totals.perMonth == priced)
        #expect(
            lines.first
                == "  as planned, whole deployment (global-queue, 3 regions; inter-region transfer $0.36/month): "
                + "\(Format.usd(d.totals.perMonth))/month + 5 UNPRICED, AT RISK"
        )
        for (region, service) in [
            ("ap-northeast-2", "elasticache"), ("ap-northeast-1", "eks"), ("ap-southeast-1", "ec2,eks"),
        ] {
            #expect(
                lines.contains {
                    $0.hasPrefix("  UNPRICED: \(region): ")
                        && $0.hasSuffix("fetch it: `tacoplan pricing fetch --region \(region) --service \(service)`")
                }, "\(region) in \(text)")
        }
        // The home region's own figure follows, labelled, and is not the deployment's.
        let home = "  as planned, home region ap-northeast-2 alone (the whole crowd on the shared queue): "
        #expect(lines.contains { $0.hasPrefix(home + Format.usd(a.plan.asPlannedTotals.perMonth) + "/month") })
        #expect(a.plan.asPlannedTotals.perMonth != d.totals.perMonth)
        // A single-region plan keeps its one line.
        #expect(VerdictText.decision(a.plan, style: Style(enabled: false)).hasPrefix("  as planned: "))

        // The deck's answer (the Markdown report renders the same parts): the deployment first, the home labelled.
        let report = try ReportUseCase.run(request, evidence: Self.evidence(run), context: run.context).report
        let markdown = MarkdownReport.render(report)
        #expect(
            markdown.contains(
                "### As planned, whole deployment (global-queue, 3 regions; inter-region transfer \\$0.36/month): "),
            "\(markdown.prefix(1500))")
        #expect(markdown.contains("(as planned, home region ap-northeast-2 alone)"))
        // The 100k part says which rule found its fix, and no shape nests its binding in parentheses.
        let reach = try #require(report.reach?.single)
        #expect(reach.point.remedy == nil || reach.summary.contains("by the sweep's hot-key rule"))
        #expect(!reach.configuration.contains("pre-warmed ("))
    }
}
