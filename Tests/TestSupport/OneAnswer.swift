import Foundation
import Testing

/// Issue 19's "one answer", shared by the in-process check (`TacoAppTests.OneAnswerUseCaseTests`: every shipped
/// plan and variant, every generated kind of plan) and the one through the binary (`EndToEndTests.ConsistencyTests`:
/// the seed and a plan whose region has no price, with the processes' real exit codes). Each command's JSON — read
/// from the command's own fields where it has them — gives one row of facts: the verdict, the exit status (printed
/// and real), the as-planned and fix totals, the hot-key and busiest-node figures, the pre-warm and the per-user
/// cost; every row must agree.
public enum OneAnswer {
    /// One command's facts: key → normalised value ("5", "2377.2254…", "1.5").
    public struct Row: Sendable {
        public var command: String
        public var facts: [String: String]

        public init(command: String, facts: [String: String]) {
            self.command = command
            self.facts = facts
        }
    }

    /// The commands a row is read from, in the order they run.
    public enum Command: Sendable, Equatable {
        case estimate, explain, compare, search
        /// `sweep --users RANGE --steps 3`.
        case sweep(range: String)
        /// `simulate --prewarm auto`.
        case simulate
        /// `report --format json`: the report model (`report.json`).
        case report
        case validate
    }

    /// What a command printed: its real exit status and its JSON (empty when it printed none).
    public struct Output: Sendable {
        public var status: Int32
        public var json: String

        public init(status: Int32, json: String) {
            self.status = status
            self.json = json
        }
    }

    /// The keys where two commands disagree, each with every command's value: empty when they all agree.
    public static func disagreements(_ rows: [Row]) -> [String] {
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

    public static func money(_ any: Any?) -> String? {
        guard let s = any as? String, let d = Decimal(string: s) else { return nil }
        return "\(d)"
    }

    public static func number(_ any: Any?) -> String? {
        guard let d = (any as? NSNumber)?.doubleValue else { return nil }
        return String(format: "%.9g", d)
    }

    public static func json(_ text: String) -> [String: Any]? {
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

    /// Runs every command on one plan through `run` and returns one row per command; `users` is the plan's crowd
    /// (the sweep's middle point), `compare` false for a variant (compare runs a whole family).
    public static func rows(users: Int, compare: Bool, run: (Command) throws -> Output) throws -> [Row] {
        var rows: [Row] = []
        func row(_ name: String, _ command: Command, _ extract: ([String: Any], inout [String: String]) -> Void)
            throws
        {
            let r = try run(command)
            var f = ["exit": "\(r.status)"]
            if let d = json(r.json) { extract(d, &f) }
            if let printed = f["printed exit"] { f["exit"] = printed == f["exit"] ? f["exit"] : "printed \(printed)" }
            rows.append(Row(command: name, facts: f))
        }
        try row("estimate", .estimate) { d, f in
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
        rows.append(Row(command: "explain", facts: ["exit": "\(try run(.explain).status)"]))
        if compare {
            try row("compare", .compare) { d, f in
                digest(d["assessment"] as? [String: Any], into: &f)
                let c = d["comparison"] as? [String: Any]
                let base = c?["baseline"] as? String
                let col = (c?["columns"] as? [[String: Any]])?.first { $0["name"] as? String == base }
                f["verdict"] = (col?["verdict"] as? [String: Any])?["status"] as? String
                f["as planned per month"] = money(col?["perMonth"])
            }
        }
        try row("search", .search) { d, f in digest(d["assessment"] as? [String: Any], into: &f) }
        // Three evenly spaced points with the plan's own crowd in the middle.
        let range = "\(users - users / 2)..\(users + users / 2)"
        try row("sweep", .sweep(range: range)) { d, f in
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
        try row("simulate", .simulate) { d, f in
            digest(d["assessment"] as? [String: Any], into: &f)
            // The simulation's own pre-warm (`--prewarm auto`), read from the one pre-warm model.
            if let p = d["prewarm"] as? [String: Any] {
                f["pre-warm nodes"] = (p["nodes"] as? Int).map(String.init)
                f["pre-warm seconds"] = number(p["seconds"])
                f["pre-warm per event"] = money(p["costPerEvent"]) ?? "UNPRICED"
            }
        }
        let report = try run(.report)
        var rf = ["exit": "\(report.status)"]
        if let d = json(report.json) {
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
        try row("validate", .validate) { d, f in
            f["verdict"] = (d["verdict"] as? [String: Any])?["status"] as? String
            f["printed exit"] = (d["exit"] as? Int).map(String.init)
        }
        return rows
    }

    /// The seed's own price day (its $2.25 and $2,299.50), and a day every Seoul price is in force.
    public static func asOf(_ plan: String) -> String {
        plan.contains("traffic-tacos") ? "2024-10-31" : "2026-11-01"
    }

    /// The shipped plans (paths from the package root) and the variants of each.
    public static let shipped: [(plan: String, variants: [String])] = [
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

    /// The plan's `event.users` (the line "  users: N" of the shipped plan at `path`, from the package root).
    public static func users(_ path: String) throws -> Int {
        let text = try String(contentsOfFile: CLI.root.appendingPathComponent(path).path, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  users:") })
        let digits = line.dropFirst("  users:".count).prefix { $0 == " " || $0.isNumber }.filter(\.isNumber)
        return try #require(Int(digits))
    }

    /// One generated plan: a shipped plan with exact edits, and the verdict and exit every command must reach.
    public struct Generated: Sendable, CustomTestStringConvertible {
        public var name: String
        public var plan: String
        public var edits: [Edit]
        /// Empty when the run stops before a verdict (a missing region's prices).
        public var verdict: String
        public var exit: String
        public var testDescription: String { name }

        /// One exact replacement in the plan's text.
        public struct Edit: Sendable {
            public var old: String
            public var new: String
        }

        /// The plan's text with its edits; each edited line must be in the plan.
        public func text() throws -> String {
            var text = try String(contentsOfFile: CLI.root.appendingPathComponent(plan).path, encoding: .utf8)
            for edit in edits {
                #expect(text.contains(edit.old), "\(plan) has no line '\(edit.old)'")
                text = text.replacingOccurrences(of: edit.old, with: edit.new)
            }
            return text
        }
    }

    /// Generated from the shipped plans by one edit each; the verdict each must reach is stated, so the plan
    /// really is of its kind.
    public static let generated: [Generated] = [
        // Reads on the primary: baseline 15.7 % + the hot key's ZRANK 60,000/s × 25 µs = 150 % alone is 165.7 %,
        // bottom of the band × 0.75 = 124.3 % > 80 % → INFEASIBLE.
        Generated(
            name: "infeasible", plan: "plans/traffic-tacos.yaml",
            edits: [.init(old: "read_from_replicas: true", new: "read_from_replicas: false")], verdict: "INFEASIBLE",
            exit: "5"),
        // 4 KB items = 4 WRU per write × 1,000 admissions/s = 4,000 WRU/s on one key > 1,000 → INFEASIBLE;
        // 3 replicas take the hot key to 15.7 % + 150 % ÷ 3 = 65.7 % (band top 82.1 %: AT RISK at worst), so
        // DynamoDB decides the INFEASIBLE.
        Generated(
            name: "dynamodb-bound", plan: "plans/traffic-tacos.yaml",
            edits: [
                .init(old: "  item_size: 1KB", new: "  item_size: 4KB\n  partition_keys: 1"),
                .init(old: "  replicas: 1\n", new: "  replicas: 3\n"),
            ], verdict: "INFEASIBLE", exit: "5"),
        // A 64-vCPU pod fits no candidate node (the largest is 8 vCPU) → INFEASIBLE gateway.
        Generated(
            name: "gateway-bound", plan: "plans/regional-sale.yaml",
            edits: [.init(old: "  pod_cpu: 500m", new: "  pod_cpu: 64")], verdict: "INFEASIBLE", exit: "5"),
        // The regional plan on reference-VM costs: AT RISK, exit 0.
        Generated(name: "at-risk", plan: "plans/regional-sale.yaml", edits: [], verdict: "AT RISK", exit: "0"),
        // Seoul has no Valkey price (Docs/Pricing.md): one UNPRICED line. As shipped (2 replicas) its hot key is
        // 142.9 % (107.2–206.4 %): INFEASIBLE for capacity, exit 5. With 3 replicas the band straddles the
        // ceiling: max(writes on the primary 15.69 % + 33,333/s × 26.35 µs + 166.7/s × 48.35 µs = 104.3 %,
        // reads 15.69 % + 100,000/s × 25.45 µs ÷ 3 = 100.5 %) = 104.3 %, band 78.2 % (× 0.75) … 150.6 %
        // (× 1.25 × 1.10 Valkey) → AT RISK, exit 0: the missing price never makes it 5.
        Generated(
            name: "unpriced-infeasible", plan: "plans/seoul-concert.yaml", edits: [], verdict: "INFEASIBLE",
            exit: "5"),
        Generated(
            name: "unpriced", plan: "plans/seoul-concert.yaml",
            edits: [.init(old: "\n  replicas: 2 ", new: "\n  replicas: 3 ")], verdict: "AT RISK", exit: "0"),
        // A region with no bundled price: exit 3 from every command.
        Generated(
            name: "unpriced-region", plan: "plans/regional-sale.yaml",
            edits: [.init(old: "  region: us-east-1", new: "  region: eu-west-1")], verdict: "", exit: "3"),
    ]

    /// The check itself can fail: the seed's real rows (plans/traffic-tacos.yaml as of 2024-10-31, 300,000 users)
    /// agree, and changing one command's figure (the sweep's as-planned total at the plan's scale, by one cent) is
    /// reported under that key with both values.
    public static func aChangedFigureIsReported(_ seed: [Row]) throws {
        var rows = seed
        #expect(disagreements(rows).isEmpty)
        var exits = rows
        // 10 × $0.315 × 730 h = $2,299.50 for the failing Redis cluster, in the total every command states.
        let estimate = try #require(rows.first { $0.command == "estimate" })
        let total = try #require(Decimal(string: estimate.facts["as planned per month"] ?? ""))
        #expect(total > 2_299.50)
        let i = try #require(rows.firstIndex { $0.command == "sweep" })
        let cent = try #require(Decimal(string: "0.01"))
        rows[i].facts["as planned per month"] = "\(total + cent)"
        let bad = disagreements(rows)
        #expect(bad.count == 1 && bad[0].hasPrefix("as planned per month:") && bad[0].contains("sweep="))
        let r = try #require(exits.firstIndex { $0.command == "simulate" })
        exits[r].facts["exit"] = "0"
        #expect(disagreements(exits).first?.hasPrefix("exit:") == true)
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
        #expect(disagreements(warm).map { String($0.prefix(15)) } == ["pre-warm nodes:"])
    }
}
