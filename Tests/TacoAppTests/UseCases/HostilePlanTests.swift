import Foundation
import TacoApp
import TacoCore
import TestSupport
import Testing

/// Hostile plans in process: refused with exit 2 and a clear message, no content of a file outside the plan's folder
/// echoed, and the database exactly as it was (`.dump` before and after).
@Suite struct HostilePlanTests {
    static func evidence(_ run: AppRun) -> EvidenceRequest { EvidenceRequest(db: run.db, asOf: Day(iso: "2025-10-01")) }

    /// `estimate PLAN --as-of 2025-10-01`, which must fail with exit 2: its lines, joined.
    static func refused(_ run: AppRun, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> String
    {
        do {
            _ = try EstimateUseCase.run(PlanRequest(path: path), evidence: evidence(run), context: run.context)
            Issue.record("\(path) was estimated", sourceLocation: sourceLocation)
            return ""
        } catch {
            #expect(error.status == .invalidInput, sourceLocation: sourceLocation)
            return error.lines.joined(separator: "\n")
        }
    }

    @Test(arguments: [true, false])
    func extendsOutsideThePlanDirectoryIsRefusedWithoutEchoingContent(_ absolute: Bool) throws {
        let (run, before) = try PricingImportUseCaseTests.initialised()
        // A secret file outside the plan's folder whose lines look like YAML keys (as /etc/shadow's do).
        let outside = run.scratch.appendingPathComponent("outside")
        let plans = run.scratch.appendingPathComponent("plans/team")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try Data("root:$6$SECRETHASH:19000:\nadmin:$6$OTHERHASH:\n".utf8).write(
            to: outside.appendingPathComponent("shadow.yaml"))
        let target = absolute ? outside.appendingPathComponent("shadow.yaml").path : "../../outside/shadow.yaml"
        let plan = plans.appendingPathComponent("plan.yaml")
        try Data(("extends: \(target)\n" + PlanFixture.minimal).utf8).write(to: plan)
        let result = Self.refused(run, plan.path)
        #expect(result.contains("is outside the plan's directory"))
        #expect(result.contains("the file was not read"))
        #expect(!result.contains("SECRETHASH") && !result.contains("OTHERHASH"))
        #expect(!result.contains("root") || result.contains("outside the plan"))
        #expect(try PricingImportUseCaseTests.dump(run) == before)
    }

    @Test func extendsInsideThePlanDirectoryStillWorks() throws {
        let (run, _) = try PricingImportUseCaseTests.initialised()
        let dir = run.scratch.appendingPathComponent("plans")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("base"), withIntermediateDirectories: true)
        try Data(PlanFixture.minimal.utf8).write(to: dir.appendingPathComponent("base/base.yaml"))
        try Data("extends: base/base.yaml\nname: child\n".utf8).write(to: dir.appendingPathComponent("child.yaml"))
        let outcome = try EstimateUseCase.run(
            PlanRequest(path: dir.appendingPathComponent("child.yaml").path), evidence: Self.evidence(run),
            context: run.context)
        // Estimated (a verdict, never an input error).
        #expect(outcome.estimate.plan == "child")
    }

    @Test(arguments: [
        ("extends: other.yaml", "a variant cannot set 'extends'"),
        ("variants.inner: { gateway.spot_share: 0% }", "a variant cannot set 'variants.inner'"),
        ("about: { text: x }", "about: must be printable text"),
    ])
    func aVariantCannotSetStructure(_ override: String, _ message: String) throws {
        let (run, _) = try PricingImportUseCaseTests.initialised()
        let plan = try run.write("plan.yaml", PlanFixture.minimal + "variants:\n  odd: { \(override) }\n")
        do {
            _ = try CompareUseCase.run(plans: [plan], baseline: nil, evidence: Self.evidence(run), context: run.context)
            Issue.record("the variant was accepted")
        } catch {
            #expect(error.status == .invalidInput)
            #expect(error.lines.joined(separator: "\n").contains(message), "\(error.lines)")
        }
    }

    @Test func aPlanRegionOutsideTheDocumentedListIsAnInputError() throws {
        let (run, before) = try PricingImportUseCaseTests.initialised()
        // us-east-9 has the shape of a region code but is not one AWS documents.
        let plan = try run.write("plan.yaml", try PlanFixture.variant("region: us-east-1", "region: us-east-9"))
        let result = Self.refused(run, plan)
        #expect(result.contains("plan.yaml:3:11: error: event.region: 'us-east-9' is not an AWS region code"))
        #expect(result.contains("did you mean 'us-east-1'?"))
        #expect(try PricingImportUseCaseTests.dump(run) == before)
    }

    @Test func aDynamoDBItemOverItsLimitIsNotPriced() throws {
        let (run, before) = try PricingImportUseCaseTests.initialised()
        // 500KB = 500,000 bytes > 400 KB = 409,600 bytes.
        let plan = try run.write("plan.yaml", PlanFixture.minimal + "dynamodb:\n  item_size: 500KB\n")
        let result = Self.refused(run, plan)
        #expect(result.contains("larger than DynamoDB's item size limit of 400 KB (409600 bytes)"))
        #expect(try PricingImportUseCaseTests.dump(run) == before)
    }
}
