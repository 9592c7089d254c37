import Foundation
import TestSupport
import Testing

/// Each command's canonical case, as swift-argument-parser's example tests check theirs: the built binary run once
/// on a shipped plan with a fixed as-of day and a scratch database, and its whole stdout, stderr and exit code
/// compared with `Golden/canonical/<name>.txt` (`TACOPLAN_RECORD=1` rewrites them and fails). The figures inside
/// are derived by hand in the in-process tests (`Tests/TacoAppTests`); these pin what the user sees, byte for byte.
@Suite struct CanonicalOutputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var args: [String]
        var testDescription: String { name }
    }

    static let seed = "plans/traffic-tacos.yaml"
    static let day = ["--as-of", "2026-11-01"]

    static let cases: [Case] = [
        Case(name: "estimate", args: ["estimate", seed] + day),
        Case(name: "estimate-kpop-tour", args: ["estimate", "plans/kpop-tour.yaml"] + day),
        Case(name: "estimate-reference", args: ["estimate", seed, "--evidence", "reference"] + day),
        Case(name: "explain-admission", args: ["explain", seed, "--only", "admission."] + day),
        Case(name: "search", args: ["search", "plans/regional-sale.yaml", "--top", "2"] + day),
        Case(name: "compare", args: ["compare", seed, "--baseline", "base"] + day),
        Case(name: "sweep", args: ["sweep", seed, "--users", "100k..3M", "--steps", "4"] + day),
        Case(name: "validate", args: ["validate", seed] + day),
        Case(name: "simulate", args: ["simulate", "plans/regional-sale.yaml", "--step", "60s"] + day),
        Case(name: "simulate-validate", args: ["simulate", seed, "--validate"] + day),
        Case(name: "report", args: ["report", "plans/regional-sale.yaml"] + day),
        Case(
            name: "observe-prometheus", args: ["observe", "plans/regional-sale.yaml", "--format", "prometheus"] + day),
        Case(name: "pricing-list", args: ["pricing", "list"] + day),
        Case(name: "pricing-show", args: ["pricing", "show", "cache.m7g.xlarge"] + day),
        Case(name: "pricing-coverage", args: ["pricing", "coverage", "plans/seoul-concert.yaml"] + day),
        Case(name: "bill-list", args: ["bill", "list"]),
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/canonical")

    @Test(arguments: cases)
    func wholeOutputAndExitCodeMatchTheGolden(_ c: Case) throws {
        let cli = try CLI()
        let r = try cli.run(c.args)
        #expect(!r.crashed, "\(r.stderr)")
        let text =
            "$ tacoplan \(c.args.joined(separator: " "))\n\(r.stdout)--- stderr\n\(r.stderr)--- exit \(r.status)\n"
        try GoldenFile.check(
            text.replacingOccurrences(of: cli.scratch.path, with: "$SCRATCH"),
            Self.directory.appendingPathComponent("\(c.name).txt"))
    }

    @Test func everyCommandThatJudgesAPlanHasACanonicalCase() {
        let named = Set(Self.cases.map { $0.args.prefix { !$0.hasPrefix("plans/") && !$0.hasPrefix("-") } })
        for command in [
            ["estimate"], ["explain"], ["search"], ["compare"], ["sweep"], ["validate"], ["simulate"], ["report"],
            ["observe"], ["pricing", "list"], ["pricing", "show", "cache.m7g.xlarge"], ["pricing", "coverage"],
            ["bill", "list"],
        ] {
            #expect(named.contains(command[...]), "\(command)")
        }
    }
}
