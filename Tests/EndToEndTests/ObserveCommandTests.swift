import Foundation
import TestSupport
import Testing

/// `tacoplan observe` (issue 23) checked by the real tools: cfn-lint on the CloudFormation template, every alarm
/// replayed through PutMetricAlarm into a local moto server and read back with DescribeAlarms, promtool check and
/// unit-test of the rules, and the Grafana JSON loaded panel by panel. `scripts/test` installs the tools; a test fails
/// (it does not skip) when one is missing.
@Suite(.serialized) struct ObserveCommandTests {
    /// The day prices are read as of, so the verdicts below do not move with the calendar.
    static let asOf = "2026-12-01"

    /// What each acceptance plan must produce, derived by hand from the plan file.
    struct Expected: Sendable, CustomTestStringConvertible {
        var plan: String
        var exit: Int32
        var verdict: String
        /// redis.engine_cpu_ceiling, in percent.
        var engineCeiling: Double
        /// Peak WRU/s: admission rate × attempts_per_user × WRU per write.
        var peakWRU: Double
        /// Peak gateway requests/s: Σ API rates.
        var peakRequests: Double
        /// ElastiCache nodes: shards × (1 + replicas), and the replicas among them.
        var nodes: Int
        var replicas: Int
        var pods: Int
        /// The chosen admission rate and the crowd.
        var admission: Double
        var users: Double
        var testDescription: String { plan }
    }

    static let acceptance: [Expected] = [
        // plans/traffic-tacos.yaml: engine_cpu_ceiling: 80% → 80.
        // admission: users ÷ target_wait = 300,000 ÷ 300 s = 1,000/s (below the backend cap 3,000 × 70 % = 2,100/s);
        // writes = 1,000/s × attempts_per_user 1 = 1,000/s; item 1 KB → ⌈1,000 ÷ 1,024⌉ = 1 WRU, not transactional,
        // no GSI → 1,000 WRU/s.
        // gateway: join 300,000 ÷ 60 s = 5,000 + status 300,000 ÷ 5 s = 60,000 + enter 1,000 + reserve 1,000
        // = 67,000/s; pods ⌈67,000 ÷ (1,667 × 60 %)⌉ = ⌈66.99⌉ = 67.
        // Redis is INFEASIBLE (the hot key needs 165.7 % of a core, band 124.3–207.1 %: even its bottom is above the
        // 80 % ceiling), so the alarms watch the cluster as planned: min_shards 5 × (1 + 1 replica) = 10 nodes, 5 of
        // them replicas.
        Expected(
            plan: "plans/traffic-tacos.yaml", exit: 5, verdict: "INFEASIBLE", engineCeiling: 80, peakWRU: 1000,
            peakRequests: 67000, nodes: 10, replicas: 5, pods: 67, admission: 1000, users: 300_000),
        // plans/seoul-concert.yaml: engine_cpu_ceiling: 80% → 80.
        // admission: 1,000,000 ÷ 600 s = 1,666.67/s (cap 6,000 × 70 % ÷ 1.5 = 2,800/s); writes × 1.5 attempts
        // = 2,500/s; WRU per write ⌈1,000 ÷ 1,024⌉ × 2 (transactional) × (1 + 1 GSI) = 4 → 10,000 WRU/s.
        // gateway: join 1,000,000 ÷ 30 s + status 1,000,000 ÷ 10 s + heartbeat 1,000,000 ÷ 30 s + enter 1,666.67
        // + reserve 2,500 = 170,833.33/s; pods ⌈170,833.33 ÷ 1,000.2⌉ = 171.
        // Redis is INFEASIBLE on the calibrated costs (the hot queue key needs 142.9 % of a core, band 107.2–206.4 %:
        // even its bottom is above the 80 % ceiling), exit 5, so no cluster is chosen and the alarms watch the
        // cluster as planned: shards = max(min_shards 2, memory shards, network shards) = 2, because
        //   memory: 1,000,000 × 1 KB + sessions 1,000,000 × 350 B + rate-limit buckets 100,000 polls/s × 2 s × 370 B
        //   + tokens 1,666.67/s × 30 s × 350 B + idempotency 2,500/s × 300 s × 350 B ≈ 1.024 + 0.35 + 0.074 + 0.0175
        //   + 0.2625 ≈ 1.73 GB, × buffer 2 ≈ 3.46 GB < one cache.m7g.xlarge's 9.70 GiB usable → 1 shard;
        //   network: ≈ 309,000 commands/s (join 33,333 × 2 + status 100,000 × 2 + heartbeat 33,333 + enter
        //   1,666.67 × 1.1 + reserve 2,500 × 3) at a few hundred bytes each ≈ 0.1 GB/s < 1.876 Gbps ÷ 8 = 0.2345
        //   GB/s baseline → 1 shard;
        // nodes 2 × (1 + 2 replicas) = 6, 4 of them replicas.
        Expected(
            plan: "plans/seoul-concert.yaml", exit: 5, verdict: "INFEASIBLE", engineCeiling: 80, peakWRU: 10000,
            peakRequests: 1_000_000.0 / 30 + 100_000 + 1_000_000.0 / 30 + 1_000_000.0 / 600 + 2500, nodes: 6,
            replicas: 4, pods: 171, admission: 1_000_000.0 / 600, users: 1_000_000),
    ]

    // MARK: helpers

    /// The absolute path of `name` on PATH, or nil.
    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func require(_ name: String) throws -> String {
        try #require(
            tool(name), "\(name) is not installed: run ./scripts/test (it installs cfn-lint, moto[server], promtool)")
    }

    /// Runs `observe` for `plan` into a fresh directory and returns it.
    static func observe(_ cli: CLI, _ plan: String, _ extra: [String] = []) throws -> (URL, CLIResult) {
        let name = URL(fileURLWithPath: plan).deletingPathExtension().lastPathComponent
        let dir = cli.scratch.appendingPathComponent("observe-\(name)-\(UUID().uuidString)")
        let r = try cli.run(["observe", plan, "--as-of", asOf, "-o", dir.path] + extra)
        #expect(!r.crashed, "\(r.stderr)")
        return (dir, r)
    }

    /// A YAML file as JSON objects, read by Python's YAML parser (PyYAML, which cfn-lint installs).
    static func yaml(_ cli: CLI, _ path: URL) throws -> [String: Any] {
        let r = try cli.program(
            try require("python3"),
            ["-c", "import json,sys,yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", path.path])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-9 * max(1, abs(b))
    }

    // MARK: acceptance: thresholds equal the plan's figures, in every format

    @Test(arguments: acceptance)
    func thresholdsEqualThePlansFigures(_ x: Expected) throws {
        let cli = try CLI()
        let (dir, r) = try Self.observe(cli, x.plan)
        #expect(r.status == x.exit, "\(r.stderr)")
        // The verdict first, in every file.
        for file in ["alarms.yaml", "rules.yaml", "runbook.md"] {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let first = text.split(separator: "\n").first { !$0.hasPrefix("# Runbook") && !$0.isEmpty } ?? ""
            #expect(first.contains("VERDICT: \(x.verdict)"), "\(file): \(first)")
        }
        let template = try Self.yaml(cli, dir.appendingPathComponent("alarms.yaml"))
        let resources = try #require(template["Resources"] as? [String: [String: Any]])
        let alarms = resources.values.filter { $0["Type"] as? String == "AWS::CloudWatch::Alarm" }
            .compactMap { $0["Properties"] as? [String: Any] }
        let cpu = alarms.filter { $0["MetricName"] as? String == "EngineCPUUtilization" }
        #expect(cpu.count == x.nodes)
        #expect(cpu.allSatisfy { Self.close($0["Threshold"] as? Double, x.engineCeiling) })
        let lag = alarms.filter { $0["MetricName"] as? String == "ReplicationLag" }
        #expect(lag.count == x.replicas)
        let wru = try #require(alarms.first { Self.metricName($0) == "ConsumedWriteCapacityUnits" })
        #expect(Self.close(wru["Threshold"] as? Double, x.peakWRU))
        let pods = try #require(alarms.first { $0["MetricName"] as? String == "service_number_of_running_pods" })
        #expect(Self.close(pods["Threshold"] as? Double, Double(x.pods)))

        let rules = try Self.yaml(cli, dir.appendingPathComponent("rules.yaml"))
        let groups = try #require(rules["groups"] as? [[String: Any]])
        let all = groups.flatMap { ($0["rules"] as? [[String: Any]]) ?? [] }
        let rate = try #require(all.first { $0["alert"] as? String == "GatewayRequestRateAboveSized" })
        let expr = try #require(rate["expr"] as? String)
        let threshold = Double(expr.split(separator: " ").last.map(String.init) ?? "")
        #expect(Self.close(threshold, x.peakRequests), "\(expr)")
    }

    static func metricName(_ props: [String: Any]) -> String? {
        if let m = props["MetricName"] as? String { return m }
        let metrics = props["Metrics"] as? [[String: Any]] ?? []
        return metrics.compactMap {
            (($0["MetricStat"] as? [String: Any])?["Metric"] as? [String: Any])?["MetricName"] as? String
        }
        .first
    }

    // MARK: cfn-lint and promtool check on every shipped plan

    /// Every shipped plan, and the hostile plan name of `aHostilePlanNameIsEscapedInEveryFile` (its files must still
    /// pass the real checkers).
    @Test func cfnLintAndPromtoolPassOnEveryShippedPlanAndAHostileName() throws {
        let cfnLint = try Self.require("cfn-lint")
        let promtool = try Self.require("promtool")
        let cli = try CLI()
        let plans = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("plans").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(plans.count >= 3)
        var dirs: [URL] = []
        for plan in plans.map({ "plans/" + $0 }) + [try Self.hostilePlan(cli)] {
            let (dir, r) = try Self.observe(cli, plan)
            #expect([0, 3, 5].contains(r.status), "\(plan): \(r.stderr)")
            dirs.append(dir)
        }
        // One cfn-lint and one promtool over every plan's files: each tool starts once (cfn-lint loads its
        // resource specs for seconds at every start), and each reports a problem with the file's path, which holds
        // the plan's directory (`observe-<plan>`). Both exit non-zero when any file fails.
        let lint = try cli.program(cfnLint, dirs.map { $0.appendingPathComponent("alarms.yaml").path })
        #expect(lint.status == 0, "cfn-lint \(lint.stdout) \(lint.stderr)")
        let check = try cli.program(
            promtool, ["check", "rules"] + dirs.map { $0.appendingPathComponent("rules.yaml").path })
        #expect(check.status == 0, "promtool \(check.stdout) \(check.stderr)")
        // promtool prints "SUCCESS: N rules found" once per file it checked.
        #expect(check.stdout.components(separatedBy: "SUCCESS").count - 1 == dirs.count, "\(check.stdout)")
    }

    // MARK: moto: PutMetricAlarm for every alarm, DescribeAlarms returns them with the plan's thresholds

    /// Starts `moto_server` on a free loopback port, waits until it answers, and returns it with its endpoint.
    static func startMoto(_ cli: CLI) throws -> (Process, String) {
        let moto = try require("moto_server")
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: moto)
        process.arguments = ["-H", "127.0.0.1", "-p", "\(port)"]
        process.currentDirectoryURL = cli.scratch
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let endpoint = "http://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if connects(port) { return (process, endpoint) }
            usleep(100_000)
        }
        stop(process)
        Issue.record("moto_server did not listen on \(endpoint) within 30 s")
        throw CancellationError()
    }

    /// SIGTERM, then SIGKILL after 2 s: a child spawned by the test runner may have SIGTERM blocked (as in
    /// BenchRedisTests.stop).
    static func stop(_ server: Process) {
        kill(server.processIdentifier, SIGTERM)
        for _ in 0..<40 where server.isRunning { usleep(50_000) }
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        server.waitUntilExit()
    }

    static func connects(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { Foundation.close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// One moto server for both plans (it takes seconds to start): each plan's alarms go to their own region, which
    /// moto keeps apart, so DescribeAlarms lists exactly the alarms of that plan.
    @Test(.timeLimit(.minutes(3))) func alarmsReplayedIntoMotoAreListedWithThePlansThresholds() throws {
        let cli = try CLI()
        let (moto, endpoint) = try Self.startMoto(cli)
        defer { Self.stop(moto) }
        for (x, region) in zip(Self.acceptance, ["us-east-1", "ap-northeast-2"]) {
            try replayedAlarms(cli, x, endpoint: endpoint, region: region)
        }
    }

    func replayedAlarms(_ cli: CLI, _ x: Expected, endpoint: String, region: String) throws {
        let (dir, _) = try Self.observe(cli, x.plan)
        let script = CLI.root.appendingPathComponent("Tests/Fixtures/observe/replay_alarms.py").path
        let r = try cli.program(
            try Self.require("python3"),
            [
                script, dir.appendingPathComponent("alarms.yaml").path, "--endpoint", endpoint, "--stack", "sale",
                "--region", region,
            ])
        try #require(r.status == 0, "\(x.plan): \(r.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let described = try #require(out["alarms"] as? [[String: Any]])
        let template = try String(contentsOf: dir.appendingPathComponent("alarms.yaml"), encoding: .utf8)
        let inTemplate = template.components(separatedBy: "Type: \"AWS::CloudWatch::Alarm\"").count - 1
        #expect(out["put"] as? Int == inTemplate, "\(x.plan)")
        #expect(described.count == inTemplate, "\(x.plan): DescribeAlarms in \(region) lists other alarms")

        func named(_ suffix: String) -> [String: Any]? {
            described.first { $0["AlarmName"] as? String == "sale-" + suffix }
        }
        func dims(_ a: [String: Any]) -> [String: String] {
            var out: [String: String] = [:]
            for d in a["Dimensions"] as? [[String: Any]] ?? [] {
                out[d["Name"] as? String ?? ""] = d["Value"] as? String
            }
            return out
        }
        let group = x.plan.contains("seoul") ? "seoul-concert-k-pop-1m-fans" : "traffic-tacos-seed"
        // Every node of the cluster: <group>-<shard 4 digits>-<node 3 digits>, engine CPU at the ceiling.
        let cpu = described.filter { $0["MetricName"] as? String == "EngineCPUUtilization" }
        #expect(cpu.count == x.nodes, "\(x.plan)")
        for a in cpu {
            #expect(a["Namespace"] as? String == "AWS/ElastiCache")
            #expect(Self.close(a["Threshold"] as? Double, x.engineCeiling))
            #expect(a["Statistic"] as? String == "Average")
            #expect(a["ComparisonOperator"] as? String == "GreaterThanThreshold")
            let id = dims(a)["CacheClusterId"] ?? ""
            #expect(id.hasPrefix(group + "-000") && id.count == group.count + 9, "\(id)")
        }
        let first = try #require(named("redis-0001-001-engine-cpu"))
        #expect(dims(first) == ["CacheClusterId": group + "-0001-001"])
        #expect((first["AlarmActions"] as? [String])?.first?.hasPrefix("arn:aws:sns:") == true)
        // DynamoDB: per-second metric math over the per-minute Sum, threshold = the sized peak WRU/s.
        let wru = try #require(named("dynamodb-write-units"))
        #expect(Self.close(wru["Threshold"] as? Double, x.peakWRU))
        let metrics = try #require(wru["Metrics"] as? [[String: Any]])
        let stat = try #require(metrics.compactMap { $0["MetricStat"] as? [String: Any] }.first)
        let metric = try #require(stat["Metric"] as? [String: Any])
        #expect(metric["MetricName"] as? String == "ConsumedWriteCapacityUnits")
        #expect(metric["Namespace"] as? String == "AWS/DynamoDB")
        #expect(stat["Stat"] as? String == "Sum")
        #expect(dims(metric) == ["TableName": "reservations"])
        #expect(metrics.contains { $0["Expression"] as? String == "m1 / PERIOD(m1)" })
        let throttles = try #require(named("dynamodb-write-throttles"))
        #expect(throttles["MetricName"] as? String == "WriteThrottleEvents")
        #expect(Self.close(throttles["Threshold"] as? Double, 0))
        let pods = try #require(named("eks-gateway-pods"))
        #expect(Self.close(pods["Threshold"] as? Double, Double(x.pods)))
        #expect(dims(pods)["Namespace"] == "gateway")
    }

    // MARK: promtool test rules: the alert fires just above the sized peak and stays quiet just below

    @Test(arguments: acceptance)
    func alertsFireAboveTheirThresholdOnly(_ x: Expected) throws {
        let promtool = try Self.require("promtool")
        let cli = try CLI()
        let (dir, _) = try Self.observe(cli, x.plan, ["--format", "prometheus"])
        // (alert, input series, severity, threshold, counter?): a counter sampled every 15 s grows at 1 % above
        // (below) the threshold — rate() of a straight line is its slope, so the recorded rate is 1.01 × (0.99 ×) the
        // threshold; a gauge is held there. The alerts have `for: 120s`, so at 5 m they fire or stay quiet.
        let cases: [(String, String, String, Double, Bool)] = [
            (
                "GatewayRequestRateAboveSized", "http_requests_total{job=\"gateway\",code=\"200\"}", "page",
                x.peakRequests, true
            ),
            ("AdmissionRateAboveChosen", "waitingroom_admissions_total{job=\"gateway\"}", "warning", x.admission, true),
            ("QueueLongerThanPlanned", "waitingroom_queue_length{job=\"gateway\"}", "warning", x.users, false),
        ]
        for (alert, series, severity, threshold, counter) in cases {
            func values(_ factor: Double) -> String {
                counter
                    ? "'0+\(Int((threshold * factor * 15).rounded()))x40'"
                    : "'\(Int((threshold * factor).rounded()))x40'"
            }
            func firing(_ value: Int?) -> String {
                let sample =
                    value.map {
                        "\n          - labels: 'ALERTS{alertname=\"\(alert)\",alertstate=\"firing\",job=\"gateway\",severity=\"\(severity)\",source=\"tacoplan\"}'\n            value: \($0)"
                    } ?? " []"
                return """
                        promql_expr_test:
                          - expr: ALERTS{alertname="\(alert)",alertstate="firing"}
                            eval_time: 5m
                            exp_samples:\(sample)
                    """
            }
            let test = """
                rule_files: [rules.yaml]
                evaluation_interval: 15s
                tests:
                  - interval: 15s
                    input_series:
                      - series: '\(series)'
                        values: \(values(1.01))
                \(firing(1))
                  - interval: 15s
                    input_series:
                      - series: '\(series)'
                        values: \(values(0.99))
                \(firing(nil))

                """
            try Data(test.utf8).write(to: dir.appendingPathComponent("rules_test.yaml"))
            let r = try cli.program(promtool, ["test", "rules", "rules_test.yaml"], directory: dir)
            #expect(r.status == 0, "\(alert): \(r.stdout) \(r.stderr)\n\(test)")
            #expect(r.stdout.contains("SUCCESS"))
            // The test itself can fail: the series 1 % below expected to fire must make promtool report a failure.
            let wrong = test.replacingOccurrences(of: firing(nil), with: firing(1))
            try Data(wrong.utf8).write(to: dir.appendingPathComponent("rules_wrong.yaml"))
            let failing = try cli.program(promtool, ["test", "rules", "rules_wrong.yaml"], directory: dir)
            #expect(failing.status != 0, "\(alert)")
        }
    }

    // MARK: Grafana: every panel's query and threshold

    @Test(arguments: acceptance)
    func dashboardPanelsCarryTheirQueryAndThreshold(_ x: Expected) throws {
        let cli = try CLI()
        let (dir, _) = try Self.observe(cli, x.plan, ["--format", "grafana"])
        let data = try Data(contentsOf: dir.appendingPathComponent("dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((dashboard["title"] as? String)?.hasSuffix(x.verdict) == true)
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let series = panels.filter { $0["type"] as? String == "timeseries" }
        #expect(series.count >= 10)
        var red: [String: Double] = [:]
        for p in series {
            let title = p["title"] as? String ?? ""
            let targets = p["targets"] as? [[String: Any]] ?? []
            #expect(!targets.isEmpty, "\(title)")
            for t in targets {
                let query = (t["expr"] as? String) ?? (t["metricName"] as? String) ?? (t["expression"] as? String)
                #expect(query?.isEmpty == false, "\(title): \(t)")
            }
            let defaults = (p["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any]
            let steps = (defaults?["thresholds"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
            #expect(steps.first?["value"] is NSNull, "\(title): the base step is -Infinity (null)")
            let values = steps.dropFirst().compactMap { $0["value"] as? Double }
            #expect(values == values.sorted(), "\(title)")
            let r = try #require(steps.first { $0["color"] as? String == "red" }?["value"] as? Double, "\(title)")
            red[title] = r
        }
        #expect(Self.close(red["Gateway requests/s (sized peak)"], x.peakRequests))
        #expect(Self.close(red["Engine CPU per node (ceiling 80 %)"], x.engineCeiling))
        #expect(Self.close(red["Write units per second (sized peak)"], x.peakWRU))
        // The hard limit beyond the request-rate alarm: the sized pods at 100 % CPU, pods × rps_per_pod 1,667
        // (67 × 1,667 = 111,689/s; 171 × 1,667 = 285,057/s).
        let rate = try #require(series.first { $0["title"] as? String == "Gateway requests/s (sized peak)" })
        let rateSteps =
            ((rate["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any])?["thresholds"] as? [String: Any]
        let darkRed = (rateSteps?["steps"] as? [[String: Any]])?.first { $0["color"] as? String == "dark-red" }
        #expect(Self.close(darkRed?["value"] as? Double, Double(x.pods * 1667)))
        let cpu = try #require(series.first { ($0["title"] as? String)?.hasPrefix("Engine CPU") == true })
        #expect((cpu["targets"] as? [Any])?.count == x.nodes)
    }

    // MARK: the deck's appendix slide

    @Test func theDeckHasTheRunbookSlideFromTheSameModel() throws {
        let cli = try CLI()
        let out = cli.scratch.appendingPathComponent("deck")
        // The runbook slide is an appendix slide; the plan is INFEASIBLE, so the report exits 5 after writing.
        let r = try cli.run([
            "report", "plans/seoul-concert.yaml", "--slides", "--appendix", "--as-of", Self.asOf, "-o", out.path,
        ])
        #expect(r.status == 5, "\(r.stderr)")
        let deck = try String(contentsOf: out.appendingPathComponent("deck.md"), encoding: .utf8)
        // The slide and its continuation: the deck splits a slide that would overflow 1280×720 into "… (cont.)".
        let heading = try #require(deck.range(of: "## Appendix: Runbook: alarms from the plan"))
        let rest = deck[heading.upperBound...]
        let parts = rest.components(separatedBy: "\n## Appendix: ")
        let continued = parts.dropFirst().prefix(1).filter { $0.hasPrefix("Runbook: alarms from the plan (cont.)") }
        let body = ([parts[0]] + continued).joined(separator: "\n")
        // The same thresholds as alarms.yaml and rules.yaml: ceiling 80 % on the 6 nodes as planned (2 shards ×
        // (1 + 2 replicas)), marked "!" (expected to fire: the hot key needs 142.9 % > 80 %), 10,000 WRU/s,
        // 170,833.33 requests/s.
        #expect(body.contains("| ! EngineCPUUtilization (6 nodes) | &gt; 80 % |"), "\(body)")
        #expect(body.contains("| ConsumedWriteCapacityUnits | &gt; 10,000 WRU/s |"))
        #expect(body.contains("| GatewayRequestRateAboveSized | &gt; 170,833.33 requests/s |"))
        #expect(body.contains("INFEASIBLE"))
        // report.json does not carry the model: `observe` writes it in its tools' formats.
        let json = try cli.run(["report", "plans/seoul-concert.yaml", "--format", "json", "--as-of", Self.asOf])
        #expect(!json.stdout.contains("\"observability\""))
    }

    // MARK: plan changes and plan options

    @Test func changingThePlanChangesTheThresholdsAndNamesComeFromTheObservabilitySection() throws {
        let cli = try CLI()
        var text = try String(contentsOf: CLI.root.appendingPathComponent("plans/seoul-concert.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "engine_cpu_ceiling: 80%", with: "engine_cpu_ceiling: 70%")
        text += """

            observability:
              replication_group: kpop-queue
              table: seats
              requests_metric: gw_requests_total
              job: edge

            """
        let plan = try cli.write("changed.yaml", text)
        let (dir, r) = try Self.observe(cli, plan)
        #expect(!r.crashed)
        let template = try Self.yaml(cli, dir.appendingPathComponent("alarms.yaml"))
        let params = try #require(template["Parameters"] as? [String: [String: Any]])
        #expect(params["ReplicationGroupId"]?["Default"] as? String == "kpop-queue")
        #expect(params["TableName"]?["Default"] as? String == "seats")
        let resources = try #require(template["Resources"] as? [String: [String: Any]])
        let cpu = try #require(resources["RedisEngineCpu0001001"]?["Properties"] as? [String: Any])
        #expect(Self.close(cpu["Threshold"] as? Double, 70))
        let rules = try String(contentsOf: dir.appendingPathComponent("rules.yaml"), encoding: .utf8)
        #expect(rules.contains("rate(gw_requests_total{job=\\\"edge\\\"}[1m])"))
    }

    /// A plan name is text we did not write: a YAML comment and key, a Prometheus template, quotes, a CloudFormation
    /// substitution, a shell substitution, Markdown and HTML must not change what any file means, and the real
    /// checkers still pass. (A name with a control character never gets this far: see the next test.)
    /// The hostile name as written in the YAML double-quoted scalar (\" is a quote).
    static let hostileQuoted =
        #"Evil # x: {{ $value }} \"q\" 's | <script>alert(1)</script> ${AWS::Region} *b* $(rm -rf /) `t` [l](u) & %s"#

    /// plans/seoul-concert.yaml renamed to `hostileQuoted`, written as `hostile.yaml` in the scratch directory.
    static func hostilePlan(_ cli: CLI) throws -> String {
        var text = try String(contentsOf: CLI.root.appendingPathComponent("plans/seoul-concert.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "name: Seoul concert (K-pop, 1M fans)", with: "name: \"\(hostileQuoted)\"")
        return try cli.write("hostile.yaml", text)
    }

    @Test func aHostilePlanNameIsEscapedInEveryFile() throws {
        let cli = try CLI()
        // As the plan reads it.
        let name = Self.hostileQuoted.replacingOccurrences(of: #"\""#, with: #"""#)
        let (dir, r) = try Self.observe(cli, try Self.hostilePlan(cli))
        // The name changes nothing but the name: the same verdict and exit as plans/seoul-concert.yaml (INFEASIBLE).
        // cfn-lint and promtool pass on its files: `cfnLintAndPromtoolPassOnEveryShippedPlanAndAHostileName`.
        #expect(r.status == 5, "\(r.stderr)")
        // CloudFormation: the name is one quoted scalar — no key `x`, the HTML and template text kept as text; `${`
        // is broken to `$ {` so no Fn::Sub could ever read it as a substitution.
        let template = try Self.yaml(cli, dir.appendingPathComponent("alarms.yaml"))
        #expect(template["x"] == nil)
        let description = try #require(template["Description"] as? String)
        #expect(
            description.contains(
                name.replacingOccurrences(of: "${", with: "$ {")), "\(description)")
        #expect(!description.contains("${"))
        // Prometheus: the rules parse to the same 12 rules as the plain plan (promtool counts them in the lint test) and no rule
        // carries the name's template text, which Prometheus would expand.
        let rules = try Self.yaml(cli, dir.appendingPathComponent("rules.yaml"))
        #expect(rules["x"] == nil)
        let rulesJSON = try JSONSerialization.data(withJSONObject: rules)
        #expect(!String(decoding: rulesJSON, as: UTF8.self).contains("{{ $value }} \\\"q\\\""))
        // Both YAML files: the name stays inside the one header comment line.
        for file in ["alarms.yaml", "rules.yaml"] {
            let yaml = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let lines = yaml.split(separator: "\n").filter { $0.contains("Evil") }
            #expect(lines.allSatisfy { $0.hasPrefix("# ") || $0.hasPrefix("Description: \"") }, "\(file): \(lines)")
        }
        // Grafana: JSON parses and the title is the name, exactly (Grafana renders titles as text).
        let data = try Data(contentsOf: dir.appendingPathComponent("dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(dashboard["title"] as? String == "tacoplan: \(name) — INFEASIBLE")
        // Markdown (runbook and the dashboard's text panel): MarkdownText escapes \ | * _ ` [ ] # ~ $ with a
        // backslash and < > & as entities, so the title line is, character by character:
        let escaped =
            ##"Evil \# x: {{ \$value }} "q" 's \| &lt;script&gt;alert(1)&lt;/script&gt; \${AWS::Region} \*b\* \$(rm -rf /) \`t\` \[l\](u) &amp; %s"##
        let runbook = try String(contentsOf: dir.appendingPathComponent("runbook.md"), encoding: .utf8)
        #expect(runbook.hasPrefix("# Runbook: " + escaped + "\n"), "\(runbook.prefix(200))")
        #expect(!runbook.contains("<script>"))
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let verdictText = try #require((panels.first?["options"] as? [String: Any])?["content"] as? String)
        #expect(verdictText.contains(escaped))
        #expect(!verdictText.contains("<script>"))
    }

    /// A plan name with a control character (here a line break, which would end a YAML comment and start a key) is
    /// refused when the plan is read: exit 2, the file, line and column, and nothing written.
    @Test func aPlanNameWithAControlCharacterIsRefused() throws {
        let cli = try CLI()
        var text = try String(contentsOf: CLI.root.appendingPathComponent("plans/seoul-concert.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "name: Seoul concert (K-pop, 1M fans)", with: #"name: "Evil\n# x: {{ $value }}""#)
        let plan = try cli.write("control.yaml", text)
        let (dir, r) = try Self.observe(cli, plan)
        #expect(r.status == 2, "\(r.stderr)")
        // `name:` is line 11 of plans/seoul-concert.yaml; its value starts at column 7 (after "name: ").
        #expect(r.stderr.contains("control.yaml:11:7:"), "\(r.stderr)")
        #expect(r.stderr.contains("name"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test func aBadMetricNameIsRefusedWithItsLocation() throws {
        let cli = try CLI()
        let text =
            try String(contentsOf: CLI.root.appendingPathComponent("plans/seoul-concert.yaml"), encoding: .utf8)
            + "\nobservability:\n  queue_metric: \"queue{x}\"\n"
        let plan = try cli.write("bad.yaml", text)
        let (_, r) = try Self.observe(cli, plan)
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:"))
        #expect(r.stderr.contains("observability.queue_metric"))
        #expect(r.stderr.contains("is not a Prometheus name"))
    }
}
