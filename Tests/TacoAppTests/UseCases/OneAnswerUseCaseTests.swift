import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// Issue 19: one answer, in process. For every shipped plan and variant and for generated plans (infeasible,
/// AT RISK, UNPRICED, DynamoDB-bound, gateway-bound, unpriced region), the JSON each command prints — built here by
/// the command's use case and document exactly as its `run()` builds it — agrees on the verdict, the exit status
/// (printed and the run's), the as-planned and fix totals, the hot-key and busiest-node figures, the pre-warm and the
/// per-user cost (the facts: `OneAnswer`). The same check through the binary, with real exit codes:
/// `EndToEndTests.ConsistencyTests`.
@Suite struct OneAnswerUseCaseTests {
    /// The exit a run ends with: its failure's status, or 0.
    static func exit(_ failure: AppFailure?) -> Int32 { failure?.status.rawValue ?? 0 }

    /// `body`'s output, or the status of the failure it threw (and no JSON), as the CLI exits with it.
    static func output(_ body: () throws(AppFailure) -> OneAnswer.Output) -> OneAnswer.Output {
        do throws(AppFailure) {
            return try body()
        } catch {
            return OneAnswer.Output(status: error.status.rawValue, json: "")
        }
    }

    /// Runs every command on `plan` (a variant of it when `variant` is set) in process: one row per command.
    static func rows(_ run: AppRun, plan: String, variant: String?, users: Int, asOf: String) throws
        -> [OneAnswer.Row]
    {
        let request = PlanRequest(path: plan, variant: variant)
        let evidence = EvidenceRequest(db: run.db, asOf: Day(iso: asOf))
        let context = run.context
        return try OneAnswer.rows(users: users, compare: variant == nil) { command in
            switch command {
            case .estimate:
                return output { () throws(AppFailure) in
                    // EstimateCommand.run, --format json.
                    let outcome = try EstimateUseCase.run(request, evidence: evidence, context: context)
                    let a = outcome.assessment
                    var document = EstimateDocument(outcome.estimate, assessment: a.plan, exit: a.exitCode)
                    document.regions = a.regions.map {
                        RegionsSection(deployment: $0.deployment, topologies: $0.topologies, fix: $0.fix)
                    }
                    return OneAnswer.Output(status: exit(outcome.failure), json: try json { try document.json() })
                }
            case .explain:
                return output { () throws(AppFailure) in
                    // ExplainCommand.run without --only.
                    let outcome = try EstimateUseCase.run(request, evidence: evidence, context: context)
                    try ExplainFilter.check(outcome.estimate, only: nil)
                    return OneAnswer.Output(status: exit(outcome.failure), json: "")
                }
            case .compare:
                return output { () throws(AppFailure) in
                    // CompareCommand.run, --format json.
                    let outcome = try CompareUseCase.run(
                        plans: [plan], baseline: nil, evidence: evidence, context: context)
                    let a = outcome.assessment
                    var document = CompareDocument(outcome.comparison, levers: outcome.automaticLevers)
                    document.assessment = AssessmentDigest(a.plan, estimate: a.estimate, exit: a.exitCode)
                    document.deployment = a.regions.map { DeploymentAnswer($0.deployment, fix: $0.fix) }
                    return OneAnswer.Output(status: exit(outcome.failure), json: try json { try document.json() })
                }
            case .search:
                return output { () throws(AppFailure) in
                    // SearchCommand.run, --top 3 --format json.
                    let outcome = try SearchUseCase.run(request, evidence: evidence, top: 3, context: context)
                    return OneAnswer.Output(
                        status: exit(outcome.failure), json: try json { try outcome.document.json() })
                }
            case .sweep(let text):
                let range = try SweepRange.parse(text, axis: .users, steps: 3).get()
                return output { () throws(AppFailure) in
                    // SweepCommand.run, --users RANGE --steps 3 --format json.
                    let outcome = try SweepUseCase.run(request, range: range, evidence: evidence, context: context)
                    let a = outcome.assessment
                    let document = SweepDocument(
                        outcome.result, assessment: AssessmentDigest(a.plan, estimate: a.estimate, exit: a.exitCode),
                        reach: outcome.reach?.reach, deploymentFix: outcome.reach?.fixes)
                    return OneAnswer.Output(status: exit(outcome.failure), json: try json { try document.json() })
                }
            case .simulate:
                return output { () throws(AppFailure) in
                    // SimulateCommand.run, --step 1s --prewarm auto --format json (simulate has no --evidence).
                    let outcome = try SimulateUseCase.run(
                        request, demandFile: nil, step: 1, prewarm: .auto,
                        evidence: EvidenceRequest(db: run.db, asOf: Day(iso: asOf)), context: context)
                    let a = outcome.assessment
                    let digest = AssessmentDigest(a.plan, estimate: a.estimate, exit: a.exitCode)
                    let document = SimulationDocument(simulation: outcome.result, assessment: digest)
                    return OneAnswer.Output(
                        status: exit(outcome.failure), json: try json { try StableJSON.encode(document) })
                }
            case .report:
                return output { () throws(AppFailure) in
                    // ReportCommand.run, --format json -o DIR: report.json.
                    let outcome = try ReportUseCase.run(request, evidence: evidence, context: context)
                    let files = try json {
                        try ReportFiles.render(outcome.report, format: .json, slides: false, appendix: false)
                    }
                    return OneAnswer.Output(status: exit(outcome.failure), json: files.main.text)
                }
            case .validate:
                return output { () throws(AppFailure) in
                    // ValidateCommand.run, --format json.
                    let outcome = try ValidateUseCase.run(
                        request, evidence: evidence, benchmarks: [], context: context)
                    let document = ValidateDocument(
                        verdict: outcome.verdict, validations: outcome.results, exit: outcome.exitCode)
                    return OneAnswer.Output(
                        status: exit(outcome.failure), json: try json { try StableJSON.encode(document) })
                }
            }
        }
    }

    /// An encoding error as a failed run (the CLI would exit 2 with it): the test then sees no JSON.
    static func json<T>(_ body: () throws -> T) throws(AppFailure) -> T {
        try AppFailure.boundary(body)
    }

    /// Every shipped plan and variant, one test case each.
    static let shippedCases: [String] = OneAnswer.shipped.flatMap { entry in
        [entry.plan] + entry.variants.map { "\(entry.plan)#\($0)" }
    }

    @Test(arguments: shippedCases)
    func everyShippedPlanAndVariantGivesOneAnswer(_ name: String) throws {
        let run = try AppRun()
        let parts = name.split(separator: "#").map(String.init)
        let plan = parts[0]
        let variant = parts.count > 1 ? parts[1] : nil
        let rows = try Self.rows(
            run, plan: CLI.root.appendingPathComponent(plan).path, variant: variant, users: try OneAnswer.users(plan),
            asOf: OneAnswer.asOf(plan))
        let bad = OneAnswer.disagreements(rows)
        #expect(bad.isEmpty, "\(plan) \(variant ?? "base"): \(bad.joined(separator: "; "))")
        #expect(rows.count == (variant == nil ? 8 : 7))
        // The seed's own rows also show the check can fail.
        if plan == "plans/traffic-tacos.yaml" && variant == nil { try OneAnswer.aChangedFigureIsReported(rows) }
    }

    /// Generated from the shipped plans by one edit each; the verdict each must reach is stated, so the plan
    /// really is of its kind.
    @Test(arguments: OneAnswer.generated)
    func generatedPlansGiveOneAnswer(_ generated: OneAnswer.Generated) throws {
        let run = try AppRun()
        let path = try run.write(generated.name + ".yaml", try generated.text())
        let rows = try Self.rows(
            run, plan: path, variant: nil, users: try OneAnswer.users(generated.plan),
            asOf: OneAnswer.asOf(generated.plan))
        let bad = OneAnswer.disagreements(rows)
        #expect(bad.isEmpty, "\(generated.name): \(bad.joined(separator: "; "))")
        let estimate = try #require(rows.first)
        #expect(estimate.facts["exit"] == generated.exit, "\(generated.name): exit \(estimate.facts["exit"] ?? "—")")
        if !generated.verdict.isEmpty { #expect(estimate.facts["verdict"] == generated.verdict, "\(generated.name)") }
    }
}
