import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `observe` in process: the files `observe -o DIR` writes name the levers, the assessment's cheapest fix and, when
/// no fix is priced, the fetch that prices one (the files checked by cfn-lint, promtool and moto stay in
/// `ObserveCommandTests`).
@Suite struct ObserveUseCaseTests {
    /// The day prices are read as of, so the verdicts below do not move with the calendar.
    static let asOf = "2026-12-01"

    static func evidence(_ run: AppRun) -> EvidenceRequest {
        EvidenceRequest(db: run.db, asOf: Day(iso: asOf))
    }

    /// `observe PLAN --as-of 2026-12-01 -o DIR [--format F]`: the directory written and the run's failure.
    static func observe(_ run: AppRun, _ plan: String, _ format: ObservabilityFiles.Format = .all) throws
        -> (URL, AppFailure?)
    {
        let outcome = try ObserveUseCase.run(PlanRequest(path: plan), evidence: evidence(run), context: run.context)
        let dir = run.scratch.appendingPathComponent("observe-\(UUID().uuidString)")
        _ = try ObserveUseCase.write(try ObservabilityFiles.render(outcome.model, format: format), to: dir.path)
        return (dir, outcome.failure)
    }

    /// `estimate PLAN --format json --as-of 2026-12-01`.
    static func estimateJSON(_ run: AppRun, _ plan: String) throws -> String {
        let outcome = try EstimateUseCase.run(PlanRequest(path: plan), evidence: evidence(run), context: run.context)
        let a = outcome.assessment
        var document = EstimateDocument(outcome.estimate, assessment: a.plan, exit: a.exitCode)
        document.regions = a.regions.map { RegionsSection(deployment: $0.deployment, topologies: $0.topologies) }
        return try document.json()
    }

    // MARK: runbook: every alarm names its lever and that lever's cost

    @Test func runbookNamesTheLeverAndItsCostForEveryAlarm() throws {
        let run = try AppRun()
        let seed = AppRun.plan("traffic-tacos.yaml")
        let (dir, _) = try Self.observe(run, seed, .markdown)
        let runbook = try String(contentsOf: dir.appendingPathComponent("runbook.md"), encoding: .utf8)
        let sections = runbook.components(separatedBy: "\n### ").dropFirst()
        #expect(sections.count >= 15)
        for s in sections {
            #expect(s.contains("- **Lever:** "), "\(s.prefix(80))")
            #expect(s.contains("- **From:** "), "\(s.prefix(80))")
            #expect(s.contains("- **First action:** "), "\(s.prefix(80))")
        }
        // The engine-CPU alarm's lever is the hot-key read replica `compare --levers` computes, at the same cost.
        let compare = try CompareUseCase.run(
            plans: [seed], baseline: nil, evidence: Self.evidence(run), context: run.context)
        let json = try CompareDocument(compare.comparison, levers: compare.automaticLevers).json()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let levers = try #require(doc["automaticLevers"] as? [[String: Any]])
        let replica = try #require(levers.first { $0["name"] as? String == "Hot key: one more read replica" })
        let perMonth = try #require(Decimal(string: replica["perMonth"] as? String ?? ""))
        var rounded = Decimal()
        var value = perMonth
        NSDecimalRound(&rounded, &value, 2, .plain)
        // The runbook is Markdown: MarkdownText escapes the dollar sign.
        let dollars = "\\$" + Self.grouped(rounded)
        let cpu = try #require(sections.first { $0.hasPrefix("EngineCPUUtilization") })
        // The lever reaches only AT RISK: labelled so in both, with its plan total.
        #expect(replica["status"] as? String == "at-risk")
        #expect(
            cpu.contains(
                "one more read replica per shard (1 → 2 replicas per shard, reads from replicas): AT RISK — plan total \(dollars)/month"
            ), "\(dollars)")
        #expect(cpu.contains("EXPECTED TO FIRE"))
    }

    /// The top of every file and the engine-CPU alarm's first action name the assessment's cheapest fix with its
    /// price: the fix and the totals `estimate --format json` reports under `assessment` for the same plan.
    @Test func everyFileNamesTheAssessmentsCheapestFix() throws {
        let run = try AppRun()
        let seed = AppRun.plan("traffic-tacos.yaml")
        let estimate = try Self.estimateJSON(run, seed)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(estimate.utf8)) as? [String: Any])
        let a = try #require(doc["assessment"] as? [String: Any])
        let fix = try #require(a["fix"] as? String)
        #expect(a["fixStatus"] as? String == "FEASIBLE")
        let perMonth = try #require(Decimal(string: a["fixPerMonth"] as? String ?? ""))
        let asPlanned = try #require(Decimal(string: a["asPlannedPerMonth"] as? String ?? ""))
        let delta = try #require(Decimal(string: a["fixDeltaPerMonth"] as? String ?? ""))
        // By hand: the fix adds 2 read replicas per shard on the 5 shards, 10 → 20 cache.m7g.xlarge Redis OSS nodes
        // at $0.315/hour (pricing/prices.csv, us-east-1 on-demand) × 730 hours/month = 10 × $229.95 = $2,299.50
        // per month more; the second queue partition adds no node.
        #expect(fix.contains("10 → 20 nodes"))
        #expect(delta == Decimal(string: "2299.50"))
        #expect(perMonth - asPlanned == delta)
        var rounded = Decimal()
        var value = perMonth
        NSDecimalRound(&rounded, &value, 2, .plain)
        let price = "$\(Self.grouped(rounded))/month (+$2,299.50/month against the plan as written)"
        let headline = "Cheapest fix (FEASIBLE, tacoplan estimate): \(fix) — plan total \(price)"

        let (dir, failure) = try Self.observe(run, seed)
        #expect(failure?.status == .infeasible)
        // The YAML files: the header comment's second line, right under the verdict.
        for file in ["alarms.yaml", "rules.yaml"] {
            let lines = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n").prefix(2).map(String.init)
            #expect(lines.first?.hasPrefix("# VERDICT: INFEASIBLE") == true, "\(file)")
            #expect(lines.last == "# " + headline, "\(file): \(lines)")
        }
        // Markdown escapes the dollar signs (MarkdownText).
        let md = headline.replacingOccurrences(of: "$", with: "\\$")
        let runbook = try String(contentsOf: dir.appendingPathComponent("runbook.md"), encoding: .utf8)
        #expect(runbook.contains("**\n>\n> " + md + "\n"), "\(runbook.prefix(600))")
        let data = try Data(contentsOf: dir.appendingPathComponent("dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let verdictText = try #require((panels.first?["options"] as? [String: Any])?["content"] as? String)
        #expect(
            verdictText.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().first.map(String.init) == md
        )
        // The engine-CPU alarm is expected to fire on the plan as written; its first action is the fix.
        let cpu = try #require(runbook.components(separatedBy: "\n### ").first { $0.hasPrefix("EngineCPUUtilization") })
        let action =
            "- **First action:** Before the sale, apply the assessment's cheapest fix: \(fix) — plan total \(price)."
        #expect(cpu.contains(action.replacingOccurrences(of: "$", with: "\\$")), "\(cpu)")
        // An alarm that is not expected to fire keeps its own first action.
        let memory = try #require(
            runbook.components(separatedBy: "\n### ").first { $0.hasPrefix("DatabaseMemoryUsagePercentage") })
        #expect(!memory.contains("cheapest fix"))
    }

    /// Seoul has no priced fix (no Seoul ElastiCache price is bundled): the files name the configuration that passes
    /// without a price and the command that fetches it, as `estimate --format json` lists it first.
    @Test func aPlanWithoutAPricedFixNamesTheUnpricedOneAndItsFetch() throws {
        let run = try AppRun()
        let plan = AppRun.plan("seoul-concert.yaml")
        let estimate = try Self.estimateJSON(run, plan)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(estimate.utf8)) as? [String: Any])
        let a = try #require(doc["assessment"] as? [String: Any])
        #expect(a["fix"] == nil && a["unreachable"] == nil)
        let first = try #require((doc["feasibleUnpriced"] as? [[String: Any]])?.first)
        let config = try #require(first["configuration"] as? String)
        let fetch = try #require(first["fetch"] as? String)
        #expect(fetch == "tacoplan pricing fetch --region ap-northeast-2 --service elasticache")
        let (dir, _) = try Self.observe(run, plan, .cloudformation)
        let lines = try String(contentsOf: dir.appendingPathComponent("alarms.yaml"), encoding: .utf8)
            .split(separator: "\n").prefix(2).map(String.init)
        #expect(lines.last == "# No priced fix: \(config) passes but is UNPRICED — fetch its price: \(fetch)")
    }

    /// 3526.23 → "3,526.23".
    static func grouped(_ d: Decimal) -> String {
        let text = "\(d)"
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var out = ""
        while whole.count > 3 {
            out = "," + whole.suffix(3) + out
            whole.removeLast(3)
        }
        let cents = parts.count > 1 ? String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
        return whole + out + "." + cents
    }
}
