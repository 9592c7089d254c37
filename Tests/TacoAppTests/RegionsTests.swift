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
        let outcome = try SweepUseCase.run(
            request, range: RPSReach.range, evidence: try run.evidence(), context: run.context)
        let sweep = outcome.result
        let reach = try #require(outcome.reach?.reach)
        // Gateway requests per user at the seed's settings: 1/5 s (status) + 1/60 s (join) + 2 × 1/300 s (enter
        // and reserve at the UX admission rate users ÷ 300 s, under the 2,100/s backend cap) = 0.2233…/s;
        // 100,000 ÷ 0.2233… = 447,761 users.
        #expect(reach.point.users == 447_761)
        #expect(reach.point.verdict == .infeasible)
        let first = try #require(reach.firstBreak)
        #expect(first == sweep.breaks.first)
        let report = try ReportUseCase.run(request, evidence: try run.evidence(), context: run.context).report
        #expect(report.reach?.single == reach)
        // `sweep --format json`'s `reach` carries the same configuration, cost and fix at 100k as the report.
        let fix = try #require(report.reach?.single.fix)
        let json = try SweepDocument(sweep, reach: reach, deploymentFix: outcome.reach?.fixes).json()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let r = try #require(doc["reach"] as? [String: Any])
        #expect(r["users"] as? Int == 447_761)
        #expect(r["verdict"] as? String == "INFEASIBLE")
        #expect(r["perMonth"] as? String == report.reach?.single.point.perMonth.description)
        #expect(r["configuration"] as? String == report.reach?.single.configuration)
        #expect(r["fixSummary"] as? String == fix.summary)
        #expect(r["fixText"] as? String == report.reach?.single.fixSentence)
        let jsonFix = try #require(r["fix"] as? [String: Any])
        #expect(jsonFix["status"] as? String == "FEASIBLE")
        #expect(jsonFix["redis"] as? String == "48 × cache.m7g.xlarge")
        let totals = try #require(jsonFix["totals"] as? [String: Any])
        #expect(totals["perMonth"] as? String == fix.totals.perMonth.description)
        #expect(totals["perEvent"] as? String == fix.totals.perEvent.description)
        // One region: no deployment fix.
        #expect(r["topologyFixes"] == nil && r["deploymentFix"] == nil)
    }

    /// Issue 24 gap 3: the fix at 100k RPS is the assessment's own cheapest-fix search at that crowd (FEASIBLE first),
    /// not the sweep's hot-key rule, and `sweep --rps` and the report name the same configuration and cost.
    @Test func theFixAt100kIsTheAssessmentsSearch() throws {
        let run = try AppRun()
        let request = PlanRequest(path: AppRun.plan("traffic-tacos.yaml"))
        let reach = try #require(
            try SweepUseCase.run(request, range: RPSReach.range, evidence: try run.evidence(), context: run.context)
                .reach?.reach)
        let fix = try #require(reach.fix)
        // The seed written at 447,761 users (100,000 gateway req/s ÷ 0.2233… req/s per user) and estimated:
        // its assessment's fix is the one the 100k part names.
        var text = try String(contentsOfFile: AppRun.plan("traffic-tacos.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  users: 300000", with: "  users: 447761")
        let at100k = try EstimateUseCase.run(
            PlanRequest(path: try run.write("seed-100k.yaml", text)), evidence: try run.evidence(),
            context: run.context)
        let own = try #require(at100k.assessment.plan.fix)
        #expect(own.summary == fix.summary)
        #expect(own.totals.perMonth == fix.totals.perMonth)
        #expect(own.totals.perEvent == fix.totals.perEvent)
        // FEASIBLE, not merely "not INFEASIBLE": 8 queue partitions, 5 read replicas per shard, on 8 shards
        // (one per partition) = 8 × (1 + 5) = 48 nodes.
        #expect(fix.status == .feasible)
        #expect(fix.redis == "48 × cache.m7g.xlarge")
        // Its month is the sum of its own lines, every one priced.
        #expect(fix.totals.complete)
        #expect(fix.totals.perMonth == fix.costs.compactMap(\.perMonth).reduce(Money.zero, +))
        #expect(reach.summary.contains("cheapest fix (estimate's search): \(fix.summary)"))
        #expect(!reach.configuration.contains(SweepRemedy.label))
        // The report's 100k part carries the same fix.
        let report = try ReportUseCase.run(request, evidence: try run.evidence(), context: run.context).report
        #expect(report.reach?.single.fix == fix)
        #expect(MarkdownReport.render(report).contains(fix.summary))
    }

    /// The seed moved to two regions with a queue each: 70 % in us-east-1, 30 % in us-west-2 priced with
    /// us-east-1's book, the reservation table a global table (nothing crosses regions).
    static func twoQueues(_ run: AppRun) throws -> String {
        var text = try String(contentsOfFile: AppRun.plan("traffic-tacos.yaml"), encoding: .utf8)
        text +=
            "\nregions:\n  topology: per-region-queues\n  dynamodb: global-table\n  sites:\n"
            + "    us-east-1: { share: 70% }\n    us-west-2: { share: 30%, price_region: us-east-1 }\n"
        return try run.write("two-queues.yaml", text)
    }

    /// Issue 24 gaps 1 and 2: under per-region queues each failing region gets its own cheapest fix with its own
    /// prices, and the deployment's fix is the whole deployment priced with it.
    @Test func eachFailingRegionGetsItsOwnFix() throws {
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: try Self.twoQueues(run)), evidence: try run.evidence(), context: run.context)
        let regions = try #require(outcome.assessment.regions)
        let d = regions.deployment
        // us-east-1's queue takes 210,000 ÷ 5 s = 42,000 ZRANK/s on its one replica: 0.7 × the seed's 60,000/s,
        // whose hot key needs 165.7 % of a core (15.7 % baseline + 150 %): 15.7 + 0.7 × 150 ≈ 120 % > 80 %.
        // us-west-2's: 15.7 + 0.3 × 150 ≈ 61 %, top of the ±25 % band ≈ 76 % < 80 %: it passes as planned.
        #expect(d.status == .infeasible)
        #expect(d.reasons.contains { $0.hasPrefix("us-east-1: Redis") })
        #expect(!d.reasons.contains { $0.hasPrefix("us-west-2") })
        let fixes = try #require(regions.fix)
        let own = try #require(fixes.byTopology.first { $0.topology == .perRegionQueues })
        // Only the failing region is searched; its search is fully priced (us-east-1's book has every line).
        #expect(own.parts.map(\.scope) == ["us-east-1"])
        let part = own.parts[0]
        #expect(part.status == .feasible)
        #expect(part.unpricedFetch == nil && !part.changes.isEmpty)
        #expect(own.status == .feasible)
        // The whole deployment with the fix: us-east-1's Redis is the fix's cluster, us-west-2's is unchanged at
        // 5 shards × (1 + 1 replica) = 10 nodes.
        func nodes(_ region: String) -> Decimal {
            own.deployment.costs.filter { $0.resource == .redis && $0.component.hasPrefix(region + ": ") }
                .map(\.quantity).reduce(0, +)
        }
        #expect(nodes("us-west-2") == 10)
        #expect("\(nodes("us-east-1")) × cache.m7g.xlarge" == part.redis)
        // Its totals are its own lines (priced ones; the UNPRICED replicated writes are named, never $0).
        #expect(own.deployment.totals.perMonth == own.deployment.costs.compactMap(\.perMonth).reduce(Money.zero, +))
        // Replicated WRU has no price in the bundled us-east-1 book: no fix is ranked on lower bounds; the planned
        // topology's fix is named with the fetch command of each region's missing price.
        #expect(fixes.fix == nil)
        #expect(fixes.unpriced?.topology == .perRegionQueues)
        #expect(
            fixes.unpriced?.deployment.unpricedRegions.map(\.fetch)
                == Array(repeating: "tacoplan pricing fetch --region us-east-1 --service dynamodb", count: 2))
        #expect(fixes.sentence.contains(part.summary))
    }

    /// A region's fix candidates go on the evidence ladder checked against the home region's book (a region without
    /// prices would fail the check and skip every candidate), then carry the region's own plan and book.
    @Test func aRegionsFixCandidatesUseTheHomeRungAndTheRegionsBook() throws {
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan("kpop-tour.yaml")), evidence: Self.evidence(run), context: run.context)
        var regional = outcome.assessment.input
        let site = try #require(regional.plan.regions?.sites.first { $0.region == "ap-southeast-1" })
        regional.plan = RegionalModel.regionalPlan(regional.plan, site: site)
        regional.book = PriceBook(
            sheet: PriceSheet(region: "ap-southeast-1", asOf: regional.asOf, quotes: []), specs: [], spot: [])
        let home = outcome.assessment.input
        var seen: [String] = []
        let rung = DeploymentFixSearch.regionalRung(
            { p in
                seen.append(p.event.region)
                var i = home
                i.plan = p
                return i
            }, regional, home: "ap-northeast-2")
        let i = try #require(rung(regional.plan))
        #expect(seen == ["ap-northeast-2"])
        #expect(i.plan.event.region == "ap-southeast-1")
        #expect(i.book.sheet.region == "ap-southeast-1")
        // 15 % of 300,000 users.
        #expect(i.plan.event.users == 45_000)
    }

    /// Issue 24 gap 2: a failing region without prices gets its fix named UNPRICED with its `pricing fetch` command
    /// (the K-pop tour at 100k RPS, per-region queues: Seoul's queue fails, Seoul has no ElastiCache price).
    @Test func aFailingRegionWithoutPricesNamesItsFetch() throws {
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan("kpop-tour.yaml")), evidence: Self.evidence(run), context: run.context)
        let regions = try #require(outcome.assessment.regions)
        // 447,761 users: the seed's 100,000 gateway req/s; Seoul's 60 % = 268,657 of them on its own queue.
        let fixes = try #require(regions.fixes(atUsers: 447_761))
        let own = try #require(fixes.byTopology.first { $0.topology == .perRegionQueues })
        let seoul = try #require(own.parts.first { $0.scope == "ap-northeast-2" })
        #expect(seoul.unpricedFetch == "tacoplan pricing fetch --region ap-northeast-2 --service elasticache")
        #expect(seoul.status != .infeasible)
        #expect(own.deployment.totals.complete == false)
        #expect(fixes.fix == nil)
    }

    /// Issue 24 gap 4: the answer JSON carries the deployment: per region and total, topology, inter-region
    /// transfer, verdict and fix — the same in `estimate --format json` and the report's answer.
    @Test func theAnswerJSONCarriesTheDeployment() throws {
        let run = try AppRun()
        let request = PlanRequest(path: AppRun.plan("kpop-tour.yaml"))
        let outcome = try EstimateUseCase.run(request, evidence: Self.evidence(run), context: run.context)
        let r = try #require(outcome.assessment.regions)
        let answer = DeploymentAnswer(r.deployment, fix: r.fix)
        #expect(answer.topology == "global-queue")
        // 60 / 25 / 15 % of 300,000 users.
        #expect(answer.regions.map(\.users) == [180_000, 75_000, 45_000])
        #expect(answer.perMonth == r.deployment.totals.perMonth)
        // Transfer: (0.549 + 0.329) GB × $0.09 + (0.079 + 0.047) GB × $0.08 = $0.0891 per event × 4 = $0.3564/month.
        #expect(abs(answer.transferPerMonth.amount.doubleValue - 0.3564) < 0.001)
        #expect(!answer.transferUnpriced)
        #expect(answer.verdict == "AT RISK")
        // UNPRICED: Seoul's Redis node, Tokyo's EKS, Singapore's EKS, node and pre-warm.
        #expect(answer.unpricedLines == 5)
        #expect(answer.fetch.count == 3)
        // No fix is priced (Seoul has no ElastiCache price): the planned topology's is named, FEASIBLE.
        #expect(answer.fixTopology == "global-queue")
        #expect(answer.fixStatus == "FEASIBLE")
        #expect(answer.fixText == r.fix?.sentence)
        let json = try StableJSON.encode(RegionsSection(deployment: r.deployment, topologies: r.topologies, fix: r.fix))
        for key in ["\"answer\"", "\"transferPerMonth\"", "\"fixTopology\"", "\"fixText\""] {
            #expect(json.contains(key), "\(key)")
        }
        let report = try ReportUseCase.run(request, evidence: Self.evidence(run), context: run.context).report
        #expect(report.answer?.deployment == answer)
        #expect(report.regions?.answer == answer)
    }

    /// Issue 24 gap 5: a lever that only reaches AT RISK is labelled AT RISK, not listed as working: the seed's
    /// one more read replica (1 → 2 per shard) in `compare --levers` and in observe's relief levers.
    @Test func anAtRiskLeverIsLabelledAtRisk() throws {
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan("traffic-tacos.yaml")), evidence: try run.evidence(), context: run.context)
        let input = outcome.assessment.input
        let base = outcome.estimate
        let auto = try #require(AutomaticLevers.all(input).first { $0.change.hasPrefix("1 → 2 replicas") })
        #expect(auto.status == .atRisk)
        #expect(auto.savingPerMonth == nil)
        let relief = try #require(ReliefLevers.all(input, base: base)[.readReplica])
        #expect(relief.status == .atRisk)
        // Its plan total: the plan's 10 nodes (5 shards × (1 + 1)) plus 5 more replicas (one per shard), every other
        // line unchanged: plan + 5 × (the Redis line ÷ 10 nodes).
        let redis = try #require(base.costs.first { $0.resource == .redis })
        #expect(redis.quantity == 10)
        let perNode = try #require(redis.perMonth).amount / 10
        #expect(relief.perMonth?.amount == base.totals.perMonth.amount + 5 * perNode)
        #expect(auto.perMonth == relief.perMonth)
        // Labelled AT RISK wherever it is listed, never as a saving.
        let text = AutomaticLeverText.render([auto], baseline: "base", style: Style(enabled: false))
        #expect(text.contains("AT RISK"))
        #expect(RunbookMarkdown.lever(relief).contains("): AT RISK — plan total "))
        // It ranks after every FEASIBLE lever and before INFEASIBLE ones.
        let ranked = AutomaticLevers.rank(AutomaticLevers.all(input))
        let i = try #require(ranked.firstIndex { $0.status == .atRisk })
        #expect(ranked[..<i].allSatisfy { $0.status == .computed || $0.status == .unpriced })
        #expect(ranked[i...].allSatisfy { $0.status != .computed })
    }

    /// Issue 24: the decision lines of `estimate` and the deck's answer state the whole deployment as planned (every
    /// region and the inter-region transfer), read from the assessment, with each UNPRICED region's fetch command.
    @Test func theKpopTourDecisionAndAnswerPriceTheWholeDeployment() throws {
        let run = try AppRun()
        let request = PlanRequest(path: AppRun.plan("kpop-tour.yaml"))
        let outcome = try EstimateUseCase.run(request, evidence: Self.evidence(run), context: run.context)
        let a = outcome.assessment
        let d = try #require(a.regions?.deployment)
        let text = VerdictText.decision(
            a.plan, deployment: d, spelling: CommandSpelling.commandLine, style: Style(enabled: false))
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
        #expect(
            VerdictText.decision(a.plan, spelling: CommandSpelling.commandLine, style: Style(enabled: false)).hasPrefix(
                "  as planned: "))

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
        #expect(!reach.summary.contains("hot-key rule"))
        #expect(!reach.configuration.contains("pre-warmed ("))
    }
}
