import Foundation
import TacoApp
import TacoCore
import TestSupport
import Testing

/// Bad plans in process: exit code 2 (input) or 3 (pricing), a `file:line:column` where there is one, what was
/// expected and a fix in the failure's lines, and no estimate (the command prints nothing on stdout). Bad options
/// (ArgumentParser) stay end to end in `BadInputTests`.
@Suite struct BadPlanTests {
    static func run(_ run: AppRun, _ path: String, asOf: String? = nil, evidence: EvidenceChoice = .best)
        -> Result<EstimateUseCase.Outcome, AppFailure>
    {
        let request = EvidenceRequest(db: run.db, asOf: asOf.flatMap(Day.init(iso:)), evidence: evidence)
        do {
            return .success(try EstimateUseCase.run(PlanRequest(path: path), evidence: request, context: run.context))
        } catch {
            return .failure(error)
        }
    }

    /// `estimate` on `text` written to a plan file: the outcome or the failure, and the file's path.
    func estimate(_ text: String, asOf: String? = nil, evidence: EvidenceChoice = .best) throws -> (
        Result<EstimateUseCase.Outcome, AppFailure>, String
    ) {
        let run = try AppRun()
        let path = try run.write("plan.yaml", text)
        return (Self.run(run, path, asOf: asOf, evidence: evidence), path)
    }

    func expectInputError(
        _ r: Result<EstimateUseCase.Outcome, AppFailure>, _ fragments: [String],
        code: TacoApp.ExitStatus = .invalidInput,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard case .failure(let failure) = r else {
            Issue.record("the plan was estimated", sourceLocation: sourceLocation)
            return
        }
        #expect(failure.status == code, sourceLocation: sourceLocation)
        let lines = failure.lines.joined(separator: "\n")
        for f in fragments { #expect(lines.contains(f), "lines lack \(f): \(lines)", sourceLocation: sourceLocation) }
    }

    @Test func theMinimalPlanIsAccepted() throws {
        // On the reference VM's costs (the default ladder calibrates cache.m7g.xlarge Redis OSS to the load test,
        // where 60,000 ZRANK/s on one primary is infeasible: exit 5, still not an input error).
        let reference = try estimate(PlanFixture.minimal, asOf: "2026-11-01", evidence: .reference).0.get()
        #expect(reference.failure == nil)
        let ladder = try estimate(PlanFixture.minimal, asOf: "2026-11-01").0.get()
        #expect(ladder.failure?.status == .infeasible)
        #expect(ladder.estimate.plan == "Minimal")
    }

    @Test func malformedYAML() throws {
        // Line 5 `  seats: 10000: 5`: the second colon is character 15.
        let (r, path) = try estimate(try PlanFixture.variant("seats: 10000", "seats: 10000: 5"))
        expectInputError(r, ["\(path):5:15: error: malformed YAML", "fix: "])
    }

    @Test func duplicateKey() throws {
        // `users:` on lines 6 and 7; the first is reported at 6:3.
        let (r, path) = try estimate(try PlanFixture.variant("  users: 300000\n", "  users: 300000\n  users: 5\n"))
        expectInputError(r, ["\(path):6:3: error: duplicate key 'users' in the same mapping", "fix: keep one"])
    }

    @Test func wrongType() throws {
        // Line 6 `  users: many`, value at column 10.
        let (r, path) = try estimate(try PlanFixture.variant("users: 300000", "users: many"))
        expectInputError(
            r,
            ["\(path):6:10: error: event.users: expected a whole number, found 'many'", "fix: write e.g. `users: 1`"])
    }

    @Test func unknownKeyWithSuggestion() throws {
        let (r, path) = try estimate(try PlanFixture.variant("users: 300000", "usres: 300000"))
        expectInputError(
            r, ["\(path):6:3: error: event.usres: unknown field 'usres'", "fix: did you mean 'users'?", "2 problem(s)"])
    }

    @Test func negativeCount() throws {
        let (r, path) = try estimate(try PlanFixture.variant("users: 300000", "users: -5"))
        expectInputError(r, ["\(path):6:10: error: event.users: must be at least 1, found -5", "fix: use a value ≥ 1"])
    }

    @Test func zeroPollInterval() throws {
        // Line 10 `  status_poll: 0s`, value at column 16.
        let (r, path) = try estimate(try PlanFixture.variant("status_poll: 5s", "status_poll: 0s"))
        expectInputError(
            r,
            [
                "\(path):10:16: error: clients.status_poll: must be longer than zero, found '0s'",
                "fix: e.g. `status_poll: 5s`",
            ])
    }

    @Test func severalProblemsAtOnce() throws {
        var text = try PlanFixture.variant("seats: 10000", "seats: 0")
        text = text.replacingOccurrences(of: "users: 300000", with: "users: many")
        let (r, path) = try estimate(text)
        expectInputError(r, ["\(path):5:10: error: event.seats", "\(path):6:10: error: event.users", "2 problem(s)"])
    }

    @Test func unknownNodeType() throws {
        // Line 19 `  candidates: [cache.m7g.xlarg]`, item at column 16.
        let (r, path) = try estimate(
            try PlanFixture.variant("[cache.m7g.xlarge]", "[cache.m7g.xlarg]"), asOf: "2026-11-01")
        expectInputError(
            r,
            [
                "\(path):19:16: error: redis.candidates[0]: unknown ElastiCache node type 'cache.m7g.xlarg'",
                "fix: did you mean 'cache.m7g.xlarge'?",
            ])
    }

    /// An unknown node type is an input error (exit 2) even when its name contains "price".
    @Test func unknownNodeTypeNamedLikeAPriceIsStillAnInputError() throws {
        let (r, path) = try estimate(
            try PlanFixture.variant("[cache.m7g.xlarge]", "[cache.m7g.priceless]"), asOf: "2026-11-01")
        expectInputError(r, ["\(path):19:16: error: redis.candidates[0]: unknown ElastiCache node type"])
    }

    @Test func regionWithoutPricesIsAPricingError() throws {
        // Line 3 `  region: eu-west-1`, value at column 11.
        let (r, path) = try estimate(
            try PlanFixture.variant("region: us-east-1", "region: eu-west-1"), asOf: "2026-11-01")
        expectInputError(
            r,
            [
                "\(path):3:11: error: event.region: no prices for region 'eu-west-1' in the price book",
                "fix: use a region with prices (ap-northeast-2, us-east-1)",
            ], code: .pricingMissing)
    }

    @Test func asOfBeforeAnyPriceIsAPricingError() throws {
        // Lines 23-24 `pricing:` / `  as_of: 2018-01-01`, value at column 10; us-east-1's first row is the DynamoDB
        // on-demand launch price of 2018-11-28.
        let (r, path) = try estimate(PlanFixture.minimal + "pricing:\n  as_of: 2018-01-01\n")
        expectInputError(
            r,
            [
                "\(path):24:10: error: pricing.as_of: as-of date 2018-01-01 is before any price for us-east-1 (earliest 2018-11-28)",
                "fix: use --as-of 2018-11-28 or later",
            ], code: .pricingMissing)
    }

    @Test func asOfOptionBeforeAnyPriceIsAPricingError() throws {
        let (r, _) = try estimate(PlanFixture.minimal, asOf: "2018-01-01")
        expectInputError(r, ["as-of date 2018-01-01 is before any price for us-east-1"], code: .pricingMissing)
    }

    @Test func emptyFile() throws {
        let (r, path) = try estimate("")
        expectInputError(r, ["\(path): error: the file is empty", "fix: start from plans/traffic-tacos.yaml"])
    }

    @Test func nonUTF8File() throws {
        let run = try AppRun()
        // 0xFF 0xFE then Latin-1 "é" (0xE9) and text: not valid UTF-8.
        let path = run.scratch.appendingPathComponent("latin1.yaml").path
        try Data([0xFF, 0xFE, 0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        let r = Self.run(run, path)
        expectInputError(r, ["\(path): error: the file is not UTF-8 text", "fix: save the plan as UTF-8"])
    }

    @Test func missingFile() throws {
        let run = try AppRun()
        let path = run.scratch.appendingPathComponent("no-such-plan.yaml").path
        let r = Self.run(run, path)
        expectInputError(r, ["\(path): error: no such file", "fix: check the path"])
    }

    @Test func aDirectoryIsNotAPlan() throws {
        let run = try AppRun()
        expectInputError(Self.run(run, run.scratch.path), [run.scratch.path])
    }
}
