import Foundation
import TestSupport
import Testing

/// Issue 19: one answer. For every shipped plan and variant and for generated plans (infeasible, AT RISK, UNPRICED,
/// DynamoDB-bound, gateway-bound, unpriced region), the JSON of estimate, explain, compare, search, sweep at the
/// plan's own scale, simulate, report and validate — each read from the command's own fields where it has them —
/// agree on the verdict, the exit status (printed and real), the as-planned and fix totals, the hot-key and
/// busiest-node figures, the pre-warm and the per-user cost. Not serialized: each test has its own scratch database
/// and no timing bound, so its four tests share the cores with the other suites' tests.
@Suite struct ConsistencyTests {
    /// One command's facts: key → normalised value ("5", "2377.2254…", "1.5").
    struct Row {
        var command: String
        var facts: [String: String]
    }

    /// The keys where two commands disagree, each with every command's value: empty when they all agree.
    static func disagreements(_ rows: [Row]) -> [String] {
        var keys = Set<String>()
        for r in rows { keys.formUnion(r.facts.keys) }
        var out: [String] = []
        for key in keys.sorted() {
            let values = rows.compactMap { r in r.facts[key].map { (r.command, $0) } }
            if Set(values.map(\.1)).count > 1 {
                out.append("\(key): " + values.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))
            }
        }
        return out
    }

    static func money(_ any: Any?) -> String? {
        guard let s = any as? String, let d = Decimal(string: s) else { return nil }
        return "\(d)"
    }

    static func number(_ any: Any?) -> String? {
        guard let d = (any as? NSNumber)?.doubleValue else { return nil }
        return String(format: "%.9g", d)
    }

    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// The facts every command repeats from the assessment (`assessment` in its JSON).
    static func digest(_ d: [String: Any]?, into f: inout [String: String]) {
        guard let d else { return }
        f["verdict"] = d["verdict"] as? String
        f["printed exit"] = (d["exit"] as? Int).map(String.init)
        f["as planned per month"] = money(d["asPlannedPerMonth"])
        f["fix per month"] = money(d["fixPerMonth"]) ?? "none"
        f["hot key"] = number(d["hotKeyCPU"])
        f["busiest node"] = number(d["busiestNodeCPU"]) ?? "none"
        f["pre-warm nodes"] = (d["preWarmNodes"] as? Int).map(String.init)
        f["pre-warm seconds"] = number(d["preWarmSeconds"])
        f["pre-warm per event"] = money(d["preWarmCostPerEvent"]) ?? "UNPRICED"
        f["per admitted user"] = money(d["perAdmittedUser"])
    }

    /// Runs every command on `plan` (optionally a variant) and returns one row per command.
    static func rows(_ cli: CLI, plan: String, variant: String?, users: Int?, asOf: String) throws -> [Row] {
        let common = [plan] + (variant.map { ["--variant", $0] } ?? []) + ["--as-of", asOf]
        var rows: [Row] = []
        func run(_ name: String, _ args: [String], _ extract: ([String: Any], inout [String: String]) -> Void) throws {
            let r = try cli.run(args)
            #expect(!r.crashed, "\(name) crashed: \(r.stderr)")
            var f = ["exit": "\(r.status)"]
            if let d = json(r.stdout) { extract(d, &f) }
            if let printed = f["printed exit"] { f["exit"] = printed == f["exit"] ? f["exit"] : "printed \(printed)" }
            rows.append(Row(command: name, facts: f))
        }
        try run("estimate", ["estimate"] + common + ["--format", "json"]) { d, f in
            digest(d["assessment"] as? [String: Any], into: &f)
            // The estimate's own fields, beside its digest.
            let e = d["estimate"] as? [String: Any]
            f["verdict"] = (e?["verdict"] as? [String: Any])?["status"] as? String
            f["as planned per month"] = money((e?["totals"] as? [String: Any])?["perMonth"])
            f["hot key"] = number((e?["redis"] as? [String: Any])?["hotKeyLoad"])
            f["per admitted user"] = money((e?["unitEconomics"] as? [String: Any])?["perAdmittedUser"])
            f["fix per month"] =
                money(((d["fix"] as? [String: Any])?["totals"] as? [String: Any])?["perMonth"]) ?? "none"
            // The estimate's own pre-warm: its sizing and its cost line (none when no pre-warm is needed).
            let warm = (e?["gateway"] as? [String: Any])?["preWarm"] as? [String: Any]
            let needed = warm?["needed"] as? Bool == true
            f["pre-warm nodes"] = needed ? (warm?["nodes"] as? Int).map(String.init) : "0"
            f["pre-warm seconds"] = number(warm?["leadSeconds"])
            let line = (e?["costs"] as? [[String: Any]])?.first {
                ($0["component"] as? String)?.contains("pre-warm") == true
            }
            f["pre-warm per event"] = needed ? money(line?["perEvent"]) ?? "UNPRICED" : "0"
        }
        let explain = try cli.run(["explain"] + common)
        rows.append(Row(command: "explain", facts: ["exit": "\(explain.status)"]))
        if variant == nil {
            try run("compare", ["compare", plan, "--as-of", asOf, "--format", "json"]) { d, f in
                digest(d["assessment"] as? [String: Any], into: &f)
                let c = d["comparison"] as? [String: Any]
                let base = c?["baseline"] as? String
                let col = (c?["columns"] as? [[String: Any]])?.first { $0["name"] as? String == base }
                f["verdict"] = (col?["verdict"] as? [String: Any])?["status"] as? String
                f["as planned per month"] = money(col?["perMonth"])
            }
        }
        try run("search", ["search"] + common + ["--format", "json"]) { d, f in
            digest(d["assessment"] as? [String: Any], into: &f)
        }
        if let users {
            // Three evenly spaced points with the plan's own crowd in the middle.
            let range = "\(users - users / 2)..\(users + users / 2)"
            try run("sweep", ["sweep"] + common + ["--users", range, "--steps", "3", "--format", "json"]) { d, f in
                digest(d["assessment"] as? [String: Any], into: &f)
                let points = (d["sweep"] as? [String: Any])?["points"] as? [[String: Any]]
                if let p = points?.first(where: { $0["users"] as? Int == users }) {
                    // The sweep's own point at the plan's scale.
                    f["verdict"] = p["verdict"] as? String
                    f["as planned per month"] = money(p["perMonth"])
                } else {
                    Issue.record("sweep \(range) has no point at the plan's \(users) users")
                }
            }
        }
        try run("simulate", ["simulate"] + common + ["--prewarm", "auto", "--format", "json"]) { d, f in
            digest(d["assessment"] as? [String: Any], into: &f)
            // The simulation's own pre-warm (`--prewarm auto`), read from the one pre-warm model.
            if let p = d["prewarm"] as? [String: Any] {
                f["pre-warm nodes"] = (p["nodes"] as? Int).map(String.init)
                f["pre-warm seconds"] = number(p["seconds"])
                f["pre-warm per event"] = money(p["costPerEvent"]) ?? "UNPRICED"
            }
        }
        let dir = cli.scratch.appendingPathComponent("report-\(UUID().uuidString)").path
        let report = try cli.run(["report"] + common + ["--format", "json", "-o", dir])
        var rf = ["exit": "\(report.status)"]
        if let text = try? String(contentsOfFile: dir + "/report.json", encoding: .utf8), let d = json(text) {
            // The report's own sections (its `assessment` is the full one, not the digest).
            rf["verdict"] = (d["verdict"] as? [String: Any])?["status"] as? String
            rf["as planned per month"] = money((d["costs"] as? [String: Any])?["perMonth"])
            rf["per admitted user"] = money((d["unitEconomics"] as? [String: Any])?["perAdmittedUser"])
            rf["fix per month"] = money((d["answer"] as? [String: Any])?["fixPerMonth"]) ?? "none"
            let figures = (d["redis"] as? [String: Any])?["figures"] as? [[String: Any]]
            rf["hot key"] = number(figures?.first { $0["id"] as? String == "redis.hot_key_cpu" }?["value"])
            rf["busiest node"] =
                number(figures?.first { $0["id"] as? String == "redis.busiest_engine_cpu" }?["value"]) ?? "none"
            if let printed = (d["exitCode"] as? Int).map(String.init), printed != rf["exit"] {
                rf["exit"] = "printed \(printed)"
            }
        }
        rows.append(Row(command: "report", facts: rf))
        try run("validate", ["validate"] + common + ["--format", "json"]) { d, f in
            f["verdict"] = (d["verdict"] as? [String: Any])?["status"] as? String
            f["printed exit"] = (d["exit"] as? Int).map(String.init)
        }
        return rows
    }

    /// The seed's own price day (its $2.25 and $2,299.50), and a day every Seoul price is in force.
    static func asOf(_ plan: String) -> String { plan.contains("traffic-tacos") ? "2024-10-31" : "2026-11-01" }

    static let shipped: [(plan: String, variants: [String])] = [
        (
            "plans/traffic-tacos.yaml",
            [
                "keys-scan", "x86-gateway", "x86-cache", "on-demand-gateway", "valkey", "dynamodb-provisioned",
                "always-on-on-demand-gateway",
            ]
        ),
        ("plans/regional-sale.yaml", []),
        ("plans/seoul-concert.yaml", []),
    ]

    static func users(_ path: String) throws -> Int {
        let text = try String(contentsOfFile: CLI.root.appendingPathComponent(path).path, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  users:") })
        let digits = line.dropFirst("  users:".count).prefix { $0 == " " || $0.isNumber }.filter(\.isNumber)
        return try #require(Int(digits))
    }

    @Test func everyShippedPlanAndVariantGivesOneAnswer() throws {
        let cli = try CLI()
        for (plan, variants) in Self.shipped {
            let users = try Self.users(plan)
            for variant in [nil] + variants.map(Optional.some) {
                let rows = try Self.rows(cli, plan: plan, variant: variant, users: users, asOf: Self.asOf(plan))
                let bad = Self.disagreements(rows)
                #expect(bad.isEmpty, "\(plan) \(variant ?? "base"): \(bad.joined(separator: "; "))")
                // The seed's own rows also show the check can fail (one run of the eight commands, not two).
                if plan == "plans/traffic-tacos.yaml" && variant == nil { try Self.aChangedFigureIsReported(rows) }
            }
        }
    }

    /// Generated from the shipped plans by one edit each; the verdict each must reach is stated, so the plan
    /// really is of its kind.
    @Test func generatedPlansGiveOneAnswer() throws {
        let cli = try CLI()
        func generate(_ name: String, from plan: String, _ edits: [(String, String)]) throws -> String {
            var text = try String(contentsOfFile: CLI.root.appendingPathComponent(plan).path, encoding: .utf8)
            for (a, b) in edits {
                #expect(text.contains(a), "\(plan) has no line '\(a)'")
                text = text.replacingOccurrences(of: a, with: b)
            }
            return try cli.write(name + ".yaml", text)
        }
        let cases: [(String, String, [(String, String)], verdict: String, exit: String)] = [
            // Reads on the primary: baseline 15.7 % + the hot key's ZRANK 60,000/s × 25 µs = 150 % alone is 165.7 %,
            // bottom of the band × 0.75 = 124.3 % > 80 % → INFEASIBLE.
            (
                "infeasible", "plans/traffic-tacos.yaml",
                [("read_from_replicas: true", "read_from_replicas: false")], "INFEASIBLE", "5"
            ),
            // 4 KB items = 4 WRU per write × 1,000 admissions/s = 4,000 WRU/s on one key > 1,000 → INFEASIBLE;
            // 3 replicas take the hot key to 15.7 % + 150 % ÷ 3 = 65.7 % (band top 82.1 %: AT RISK at worst), so
            // DynamoDB decides the INFEASIBLE.
            (
                "dynamodb-bound", "plans/traffic-tacos.yaml",
                [
                    ("  item_size: 1KB", "  item_size: 4KB\n  partition_keys: 1"),
                    ("  replicas: 1\n", "  replicas: 3\n"),
                ],
                "INFEASIBLE", "5"
            ),
            // A 64-vCPU pod fits no candidate node (the largest is 8 vCPU) → INFEASIBLE gateway.
            ("gateway-bound", "plans/regional-sale.yaml", [("  pod_cpu: 500m", "  pod_cpu: 64")], "INFEASIBLE", "5"),
            // The regional plan on reference-VM costs: AT RISK, exit 0.
            ("at-risk", "plans/regional-sale.yaml", [], "AT RISK", "0"),
            // Seoul has no Valkey price (Docs/Pricing.md): one UNPRICED line. As shipped (2 replicas) its hot key is
            // 142.9 % (107.2–206.4 %): INFEASIBLE for capacity, exit 5. With 3 replicas the band straddles the
            // ceiling: max(writes on the primary 15.69 % + 33,333/s × 26.35 µs + 166.7/s × 48.35 µs = 104.3 %,
            // reads 15.69 % + 100,000/s × 25.45 µs ÷ 3 = 100.5 %) = 104.3 %, band 78.2 % (× 0.75) … 150.6 %
            // (× 1.25 × 1.10 Valkey) → AT RISK, exit 0: the missing price never makes it 5.
            ("unpriced-infeasible", "plans/seoul-concert.yaml", [], "INFEASIBLE", "5"),
            ("unpriced", "plans/seoul-concert.yaml", [("\n  replicas: 2 ", "\n  replicas: 3 ")], "AT RISK", "0"),
            // A region with no bundled price: exit 3 from every command.
            ("unpriced-region", "plans/regional-sale.yaml", [("  region: us-east-1", "  region: eu-west-1")], "", "3"),
        ]
        for (name, plan, edits, verdict, exit) in cases {
            let path = try generate(name, from: plan, edits)
            let rows = try Self.rows(
                cli, plan: path, variant: nil, users: try Self.users(plan), asOf: Self.asOf(plan))
            let bad = Self.disagreements(rows)
            #expect(bad.isEmpty, "\(name): \(bad.joined(separator: "; "))")
            let estimate = try #require(rows.first)
            #expect(estimate.facts["exit"] == exit, "\(name): exit \(estimate.facts["exit"] ?? "—")")
            if !verdict.isEmpty { #expect(estimate.facts["verdict"] == verdict, "\(name)") }
        }
    }

    /// The check itself can fail: the seed's real rows (plans/traffic-tacos.yaml as of 2024-10-31, 300,000 users,
    /// from `everyShippedPlanAndVariantGivesOneAnswer`) agree, and changing one command's figure (the sweep's
    /// as-planned total at the plan's scale, by one cent) is reported under that key with both values.
    static func aChangedFigureIsReported(_ seed: [Row]) throws {
        var rows = seed
        #expect(Self.disagreements(rows).isEmpty)
        var exits = rows
        // 10 × $0.315 × 730 h = $2,299.50 for the failing Redis cluster, in the total every command states.
        let estimate = try #require(rows.first { $0.command == "estimate" })
        let total = try #require(Decimal(string: estimate.facts["as planned per month"] ?? ""))
        #expect(total > 2_299.50)
        let i = try #require(rows.firstIndex { $0.command == "sweep" })
        let cent = try #require(Decimal(string: "0.01"))
        rows[i].facts["as planned per month"] = "\(total + cent)"
        let bad = Self.disagreements(rows)
        #expect(bad.count == 1 && bad[0].hasPrefix("as planned per month:") && bad[0].contains("sweep="))
        let r = try #require(exits.firstIndex { $0.command == "simulate" })
        exits[r].facts["exit"] = "0"
        #expect(Self.disagreements(exits).first?.hasPrefix("exit:") == true)
        // The one pre-warm: 10 nodes × $0.29 × 65 s ÷ 3,600 = $0.0523611… in the estimate's line and in
        // `simulate --prewarm auto`; a simulation that priced 4 nodes instead would be reported.
        let estimateWarm = try #require(Decimal(string: estimate.facts["pre-warm per event"] ?? ""))
        let hourly = try #require(Decimal(string: "0.29"))
        let tolerance = try #require(Decimal(string: "1e-30"))
        #expect(abs(estimateWarm - Decimal(10) * hourly * 65 / 3600) < tolerance)
        #expect(rows[r].facts["pre-warm nodes"] == "10" && rows[r].facts["pre-warm seconds"] == "65")
        var warm = rows
        warm[i].facts["as planned per month"] = estimate.facts["as planned per month"]
        warm[r].facts["pre-warm nodes"] = "4"
        #expect(Self.disagreements(warm).map { String($0.prefix(15)) } == ["pre-warm nodes:"])
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
                "verdict": a["verdict"] as? String ?? "—", "per month": Self.money(a["perMonth"]) ?? "—",
                "fix": a["fix"] as? String ?? "none", "fix per month": Self.money(a["fixPerMonth"]) ?? "none",
                "fix topology": a["fixTopology"] as? String ?? "none",
                "fix status": a["fixStatus"] as? String ?? "none",
            ]
        }
        for (plan, asOf) in [("plans/kpop-tour.yaml", "2026-11-01"), (twoQueues, "2024-10-31")] {
            var rows: [Row] = []
            let estimate = try cli.run(["estimate", plan, "--as-of", asOf, "--format", "json"])
            let answer = (Self.json(estimate.stdout)?["regions"] as? [String: Any])?["answer"] as? [String: Any]
            let own = facts(answer)
            rows.append(Row(command: "estimate json", facts: own))
            // The text states the same fix in short lines (folded at 120 columns): each part of its diff.
            let text = try cli.run(["estimate", plan, "--as-of", asOf])
            for piece in (answer?["fix"] as? String ?? "—").components(separatedBy: "; ") {
                #expect(collapse(text.stdout).contains(collapse(piece)), "\(plan): estimate text lacks \(piece)")
            }
            let compare = try cli.run(["compare", plan, "--as-of", asOf, "--format", "json"])
            rows.append(
                Row(command: "compare", facts: facts(Self.json(compare.stdout)?["deployment"] as? [String: Any])))
            let dir = cli.scratch.appendingPathComponent("report-\(UUID().uuidString)").path
            _ = try cli.run(["report", plan, "--as-of", asOf, "--format", "json", "-o", dir])
            let report = Self.json((try? String(contentsOfFile: dir + "/report.json", encoding: .utf8)) ?? "")
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
            #expect(Self.disagreements(rows).isEmpty, "\(plan): \(Self.disagreements(rows).joined(separator: "; "))")
            #expect(own["fix"] != "none", "\(plan): no deployment fix")
        }
        // The check can fail: a report that named another topology's fix is reported.
        var changed = [
            Row(command: "estimate json", facts: ["fix topology": "per-region-queues"]),
            Row(command: "report answer", facts: ["fix topology": "global-queue"]),
        ]
        #expect(Self.disagreements(changed).first?.hasPrefix("fix topology:") == true)
        changed[1].facts["fix topology"] = "per-region-queues"
        #expect(Self.disagreements(changed).isEmpty)
    }
}
