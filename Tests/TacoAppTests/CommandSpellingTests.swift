import Foundation
import TacoApp
import TacoCore
import TestSupport
import Testing

/// TacoCore names the next step as a `NextStep`; `CommandSpelling` alone writes it as the command line, and every
/// input a use case builds carries that spelling, so the core's sentences read as commands one can paste.
@Suite struct CommandSpellingTests {
    @Test func eachStepIsACommandLineTheCLIAccepts() throws {
        let spell = CommandSpelling.commandLine
        #expect(spell(.run(.benchRedis)) == "tacoplan bench redis")
        #expect(spell(.run(.estimate)) == "tacoplan estimate")
        #expect(spell(.importPriceList) == "tacoplan pricing import FILE")
        #expect(spell(.fetchRegionPrices) == "tacoplan pricing fetch --region R")
        #expect(spell(.passCosts) == "--costs FILE")
        #expect(spell(.option(.evidence)) == "--evidence")
        #expect(spell(.setAsOf(try #require(Day(iso: "2024-10-31")))) == "--as-of 2024-10-31")
        #expect(spell(.reconcileFromAggregate) == "tacoplan reconcile PLAN --from-aggregate FILE")
        #expect(spell(.printReconcileQuery(.duckdb)) == "tacoplan reconcile PLAN --sql duckdb")
        // Services are written sorted and once; an unknown region becomes the placeholder REGION, never pasted.
        let fetch = FetchSuggestion(region: "ap-northeast-2", services: [.elasticache, .eks, .elasticache])
        #expect(
            spell(.fetchPrices(fetch)) == "tacoplan pricing fetch --region ap-northeast-2 --service eks,elasticache")
        #expect(spell(.fetchPrices(FetchSuggestion(region: "x; rm -rf", services: [.ec2]))).contains("--region REGION"))
        #expect(
            spell(.fetchPrices(FetchSuggestion(region: nil, services: [], spotAdvisor: true)))
                == "tacoplan pricing fetch --spot-advisor")
        // The rungs a core sentence can ask for are values `--evidence` takes.
        for rung in [EvidenceRung.calibrated, .reference] {
            let value = try #require(spell(.chooseEvidence(rung)).split(separator: " ").last)
            #expect(EvidenceChoice(rawValue: String(value)) != nil)
        }
    }

    @Test func anEstimatesHintsAreSpelledForTheCommandLine() throws {
        let run = try AppRun()
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: AppRun.plan("traffic-tacos.yaml")),
            evidence: EvidenceRequest(db: run.db, asOf: Day(iso: "2026-11-01"), evidence: .reference),
            context: run.context)
        // No --costs file: the ladder says how to measure one, in the CLI's words, not the core's plain ones.
        let notUsed = outcome.estimate.verdict.evidence.notUsed
        #expect(
            notUsed.contains(
                "no costs measured on your hardware (measure with `tacoplan bench redis`, pass --costs FILE)"))
        #expect(!notUsed.joined().contains(StepSpelling.plain(.passCosts)))
    }
}
