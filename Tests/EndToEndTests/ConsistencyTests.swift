import Foundation
import TestSupport
import Testing

/// Issue 19: one answer, through the binary (the facts compared: `OneAnswer` in TestSupport). Every shipped plan and
/// variant and every generated kind of plan is checked in process (`TacoAppTests.OneAnswerUseCaseTests`); here the
/// processes themselves are the subject: for the seed (INFEASIBLE, exit 5) and a plan whose region has no bundled
/// price (exit 3), the JSON of estimate, explain, compare, search, sweep at the plan's own scale, simulate, report
/// and validate agree on the verdict, the totals, the figures and the exit status each command prints and exits
/// with. Not serialized: each test has its own scratch database and no timing bound.
@Suite struct ConsistencyTests {
    typealias Row = OneAnswer.Row

    /// Runs every command on `plan` through the binary: one row per command.
    static func rows(_ cli: CLI, plan: String, users: Int, asOf: String) throws -> [Row] {
        let common = [plan, "--as-of", asOf]
        return try OneAnswer.rows(users: users, compare: true) { command in
            let args: [String]
            switch command {
            case .estimate: args = ["estimate"] + common + ["--format", "json"]
            case .explain: args = ["explain"] + common
            case .compare: args = ["compare", plan, "--as-of", asOf, "--format", "json"]
            case .search: args = ["search"] + common + ["--format", "json"]
            case .sweep(let range): args = ["sweep"] + common + ["--users", range, "--steps", "3", "--format", "json"]
            case .simulate: args = ["simulate"] + common + ["--prewarm", "auto", "--format", "json"]
            case .report:
                let dir = cli.scratch.appendingPathComponent("report-\(UUID().uuidString)").path
                let r = try cli.run(["report"] + common + ["--format", "json", "-o", dir])
                #expect(!r.crashed, "report crashed: \(r.stderr)")
                let text = (try? String(contentsOfFile: dir + "/report.json", encoding: .utf8)) ?? ""
                return OneAnswer.Output(status: r.status, json: text)
            case .validate: args = ["validate"] + common + ["--format", "json"]
            }
            let r = try cli.run(args)
            #expect(!r.crashed, "\(args[0]) crashed: \(r.stderr)")
            return OneAnswer.Output(status: r.status, json: r.stdout)
        }
    }

    /// The seed's eight commands agree, exit 5 as they print, and the check can fail on their real rows.
    @Test func theSeedGivesOneAnswerInEveryProcess() throws {
        let cli = try CLI()
        let plan = "plans/traffic-tacos.yaml"
        let rows = try Self.rows(cli, plan: plan, users: try OneAnswer.users(plan), asOf: OneAnswer.asOf(plan))
        let bad = OneAnswer.disagreements(rows)
        #expect(bad.isEmpty, "\(plan): \(bad.joined(separator: "; "))")
        #expect(
            rows.allSatisfy { $0.facts["exit"] == "5" }, "\(rows.map { "\($0.command)=\($0.facts["exit"] ?? "—")" })")
        try OneAnswer.aChangedFigureIsReported(rows)
    }

    /// A region with no bundled price: every command exits 3.
    @Test func aRegionWithoutPricesExits3FromEveryCommand() throws {
        let cli = try CLI()
        let generated = try #require(OneAnswer.generated.first { $0.name == "unpriced-region" })
        let path = try cli.write("unpriced-region.yaml", try generated.text())
        let rows = try Self.rows(
            cli, plan: path, users: try OneAnswer.users(generated.plan), asOf: OneAnswer.asOf(generated.plan))
        #expect(OneAnswer.disagreements(rows).isEmpty, "\(OneAnswer.disagreements(rows))")
        #expect(rows.count == 8 && rows.allSatisfy { $0.facts["exit"] == "3" }, "\(rows.map(\.facts))")
    }

    /// Issue 24: a multi-region plan's whole deployment — its verdict, total, fix and the fix's price — is one answer
    /// in estimate (JSON and text), compare, report (answer and regions) and observe (the runbook's header), for the
    /// K-pop tour and a generated two-queue seed whose failing region has its own fix.
    @Test func everyCommandStatesTheDeploymentsOneAnswer() throws {
        let cli = try CLI()
        var seed = try String(
            contentsOfFile: CLI.root.appendingPathComponent("plans/traffic-tacos.yaml").path, encoding: .utf8)
        seed +=
            "\nregions:\n  topology: per-region-queues\n  dynamodb: global-table\n  sites:\n"
            + "    us-east-1: { share: 70% }\n    us-west-2: { share: 30%, price_region: us-east-1 }\n"
        let twoQueues = try cli.write("two-queues.yaml", seed)
        func collapse(_ s: String) -> String {
            s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        }
        func facts(_ a: [String: Any]?) -> [String: String] {
            guard let a else { return ["deployment": "missing"] }
            return [
                "verdict": a["verdict"] as? String ?? "—", "per month": OneAnswer.money(a["perMonth"]) ?? "—",
                "fix": a["fix"] as? String ?? "none", "fix per month": OneAnswer.money(a["fixPerMonth"]) ?? "none",
                "fix topology": a["fixTopology"] as? String ?? "none",
                "fix status": a["fixStatus"] as? String ?? "none",
            ]
        }
        for (plan, asOf) in [("plans/kpop-tour.yaml", "2026-11-01"), (twoQueues, "2024-10-31")] {
            var rows: [Row] = []
            let estimate = try cli.run(["estimate", plan, "--as-of", asOf, "--format", "json"])
            let answer = (OneAnswer.json(estimate.stdout)?["regions"] as? [String: Any])?["answer"] as? [String: Any]
            let own = facts(answer)
            rows.append(Row(command: "estimate json", facts: own))
            // The text states the same fix in short lines (folded at 120 columns): each part of its diff.
            let text = try cli.run(["estimate", plan, "--as-of", asOf])
            for piece in (answer?["fix"] as? String ?? "—").components(separatedBy: "; ") {
                #expect(collapse(text.stdout).contains(collapse(piece)), "\(plan): estimate text lacks \(piece)")
            }
            let compare = try cli.run(["compare", plan, "--as-of", asOf, "--format", "json"])
            rows.append(
                Row(command: "compare", facts: facts(OneAnswer.json(compare.stdout)?["deployment"] as? [String: Any])))
            let dir = cli.scratch.appendingPathComponent("report-\(UUID().uuidString)").path
            _ = try cli.run(["report", plan, "--as-of", asOf, "--format", "json", "-o", dir])
            let report = OneAnswer.json((try? String(contentsOfFile: dir + "/report.json", encoding: .utf8)) ?? "")
            rows.append(
                Row(
                    command: "report answer",
                    facts: facts((report?["answer"] as? [String: Any])?["deployment"] as? [String: Any])))
            rows.append(
                Row(
                    command: "report regions",
                    facts: facts((report?["regions"] as? [String: Any])?["answer"] as? [String: Any])))
            let obs = cli.scratch.appendingPathComponent("observe-\(UUID().uuidString)").path
            _ = try cli.run(["observe", plan, "--as-of", asOf, "-o", obs])
            let runbook = (try? String(contentsOfFile: obs + "/runbook.md", encoding: .utf8)) ?? ""
            let fix = own["fix"] ?? "none"
            rows.append(
                Row(
                    command: "observe",
                    facts: [
                        "fix": runbook.replacingOccurrences(of: "\\`", with: "`").contains("whole deployment: " + fix)
                            ? fix : "missing"
                    ]))
            #expect(
                OneAnswer.disagreements(rows).isEmpty,
                "\(plan): \(OneAnswer.disagreements(rows).joined(separator: "; "))")
            #expect(own["fix"] != "none", "\(plan): no deployment fix")
        }
        // The check can fail: a report that named another topology's fix is reported.
        var changed = [
            Row(command: "estimate json", facts: ["fix topology": "per-region-queues"]),
            Row(command: "report answer", facts: ["fix topology": "global-queue"]),
        ]
        #expect(OneAnswer.disagreements(changed).first?.hasPrefix("fix topology:") == true)
        changed[1].facts["fix topology"] = "per-region-queues"
        #expect(OneAnswer.disagreements(changed).isEmpty)
    }
}
