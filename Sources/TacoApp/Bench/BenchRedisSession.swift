import Foundation
import TacoCore

/// One measurement session against a loopback server: preload, then per command CONFIG RESETSTAT, INFO cpu,
/// redis-benchmark --csv, INFO cpu, INFO commandstats (shared/reference/redis-bench.md §Method, step 3).
struct BenchRedisSession {
    var cli: String
    var bench: String
    var host: String
    var port: Int
    var timeout: Double
    /// The `measured_on` day of every row.
    var day: String
    /// The run's work directory (`BenchRunDirectory`): output files and the preload script.
    var scratch: String

    /// A token bucket per client IP (Docs/Model.md §2, seed Part 2.2): capacity ARGV[1], refill ARGV[2] per second.
    static let rateLimitScript = """
        local cap = tonumber(ARGV[1]) local rate = tonumber(ARGV[2]) local t = redis.call('TIME') \
        local now = t[1] + t[2] / 1e6 local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts') \
        local tokens = tonumber(b[1]) or cap local ts = tonumber(b[2]) or now \
        tokens = math.min(cap, tokens + (now - ts) * rate) local ok = 0 \
        if tokens >= 1 then tokens = tokens - 1 ok = 1 end \
        redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now) redis.call('EXPIRE', KEYS[1], 60) return ok
        """
    /// Admission: pop ARGV[1] users off the queue and give each a token with TTL ARGV[3] s (seed Part 2.1: 30 s).
    static let admissionScript = """
        local m = redis.call('ZPOPMIN', KEYS[1], tonumber(ARGV[1])) \
        for i = 1, #m, 2 do redis.call('SET', 'tok:' .. m[i], ARGV[2], 'EX', tonumber(ARGV[3])) end return #m / 2
        """

    var base: [String] { ["-h", host, "-p", String(port)] }

    func cliCall(_ args: [String]) throws -> String {
        let out = try BenchProcess.run(cli, base + args, timeout: timeout, in: scratch)
        if (out.stderr + out.stdout).contains("Could not connect") {
            throw AppFailure(
                .benchFailed,
                Diagnostic(
                    "cannot connect to \(host):\(port): "
                        + (out.stderr + out.stdout).trimmingCharacters(in: .whitespacesAndNewlines),
                    fix: "start the server (or check --port), or drop --port to let tacoplan start its own"))
        }
        guard out.status == 0, !out.stdout.hasPrefix("ERR"), !out.stdout.contains("Could not connect") else {
            throw BenchProcess.failure(
                "redis-cli \(args.joined(separator: " ")) against \(host):\(port) failed: "
                    + (out.stderr + out.stdout).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return out.stdout
    }

    struct Run {
        var name: String
        var stat: String
        var clients: Int
        var count: Int
        var args: [String]
        var prepare: [[String]] = []
    }

    func measure(
        users n: Int, requests: Int, keysRequests: Int, run label: String, hardware: String, log: (String) -> Void
    ) throws -> String {
        let serverInfo = RedisBenchText.info(try cliCall(["INFO", "server"]))
        let engine = serverInfo["server_name"] == "valkey" || serverInfo["valkey_version"] != nil ? "valkey" : "redis"
        let version = serverInfo["valkey_version"] ?? serverInfo["redis_version"] ?? "unknown"
        _ = try cliCall(["FLUSHALL"])
        try preload(n)
        let rl = try cliCall(["SCRIPT", "LOAD", Self.rateLimitScript]).trimmingCharacters(in: .whitespacesAndNewlines)
        let admit = try cliCall(["SCRIPT", "LOAD", Self.admissionScript]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let member = "user:00000000-0000-4000-8000-__rand_int__"
        let admitCalls = max(1, min(requests, n * 8 / 100))  // each call pops 10: pop at most 80 % of the queue
        let runs = [
            Run(
                name: "ZRANK", stat: "zrank", clients: 50, count: requests,
                args: ["-r", String(n), "ZRANK", "q", member]),
            Run(name: "ZCARD", stat: "zcard", clients: 50, count: requests, args: ["ZCARD", "q"]),
            Run(
                name: "GET", stat: "get", clients: 50, count: requests,
                args: ["-r", String(n), "GET", "queue:00000000-0000-4000-8000-__rand_int__"]),
            Run(
                name: "ZADD_NX", stat: "zadd", clients: 50, count: min(n, requests),
                args: [
                    "-r", "100000000", "ZADD", "qz", "NX", "9__rand_int__", "user:10000000-0000-4000-8000-__rand_int__",
                ],
                prepare: [["COPY", "q", "qz", "REPLACE"]]),
            Run(
                name: "EVALSHA_admit10", stat: "evalsha", clients: 50, count: admitCalls,
                args: ["EVALSHA", admit, "1", "qa", "10", "tok-3f2a9c1e7b5d4e8fa0c6b2d1e9f7a3c5", "30"],
                prepare: [["COPY", "q", "qa", "REPLACE"]]),
            Run(
                name: "EVALSHA_ratelimit", stat: "evalsha", clients: 50, count: requests,
                args: ["-r", "10000", "EVALSHA", rl, "1", "rl:198.51.__rand_int__", "50", "50"]),
            Run(name: "KEYS_queue", stat: "keys", clients: 1, count: keysRequests, args: ["KEYS", "queue:*"]),
        ]
        let host = Self.hostDescription()
        let machine = Self.machine()
        var csv =
            "engine,version,run,command,N,clients,ops_per_sec,usec_per_call,p50_ms,p99_ms,cpu_us_per_call,server_cpu_util,host,measured_on,hardware,cpu_model,cores,arch\n"
        for r in runs {
            for p in r.prepare { _ = try cliCall(p) }
            _ = try cliCall(["CONFIG", "RESETSTAT"])
            guard let before = RedisBenchText.cpuSeconds(try cliCall(["INFO", "cpu"])) else {
                throw BenchProcess.failure("INFO cpu from \(host) has no used_cpu_user/used_cpu_sys")
            }
            let started = Date()
            let out = try BenchProcess.run(
                bench, base + ["-c", String(r.clients), "-n", String(r.count), "--csv"] + r.args, timeout: timeout,
                in: scratch)
            let wall = Date().timeIntervalSince(started)
            guard out.status == 0, let row = RedisBenchText.benchmarkCSV(out.stdout) else {
                throw BenchProcess.failure(
                    "redis-benchmark \(r.name) failed: \((out.stderr + out.stdout).prefix(400))")
            }
            let after = RedisBenchText.cpuSeconds(try cliCall(["INFO", "cpu"])) ?? before
            let stats = RedisBenchText.commandStats(try cliCall(["INFO", "commandstats"]))
            guard let s = stats[r.stat], s.calls > 0 else {
                throw BenchProcess.failure(
                    "INFO commandstats has no calls of \(r.stat) after the \(r.name) run")
            }
            let cpuMicros = (after - before) * 1_000_000 / s.calls
            let util = wall > 0 ? (after - before) / wall : 0
            let fields: [String] = [
                engine, version, label, r.name, String(n), String(r.clients), fmt(row.opsPerSecond, 1),
                fmt(s.usec / s.calls, 3),
                fmt(row.p50, 3), fmt(row.p99, 3), fmt(cpuMicros, 2), fmt(util, 2), host, day, hardware,
                machine.cpuModel, String(machine.cores), machine.architecture,
            ]
            csv += fields.map(Self.quoted).joined(separator: ",") + "\n"
            log("\(r.name): \(fmt(s.usec / s.calls, 2)) µs/call, \(fmt(cpuMicros, 2)) µs CPU/call")
        }
        return csv
    }

    func preload(_ n: Int) throws {
        let file = URL(fileURLWithPath: scratch).appendingPathComponent("preload-\(UUID().uuidString).resp")
        defer { try? FileManager.default.removeItem(at: file) }
        try RedisBenchText.preload(users: n).write(to: file, atomically: true, encoding: .utf8)
        let out = try BenchProcess.run(
            cli, base + ["--pipe"], stdinFile: file.path, timeout: timeout, in: scratch)
        guard out.status == 0, out.stdout.contains("errors: 0") else {
            throw BenchProcess.failure(
                "preloading \(n) users with redis-cli --pipe failed: \(out.stdout + out.stderr)")
        }
    }

    func fmt(_ v: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), v)
    }

    static func quoted(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// The machine the bench runs on, recorded in every row: CPU model (/proc/cpuinfo `model name`, or the Arm
    /// `CPU part` when there is none), logical CPUs, and the architecture the binary was built for (the machine's).
    static func machine() -> (cpuModel: String, cores: Int, architecture: String) {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        func field(_ name: String) -> String? {
            cpuinfo.split(separator: "\n").first { $0.hasPrefix(name) }?.split(separator: ":", maxSplits: 1).last
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let model = field("model name") ?? field("CPU part").map { "Arm CPU part \($0)" } ?? "unknown CPU"
        #if arch(x86_64)
            let arch = "x86_64"
        #elseif arch(arm64)
            let arch = "aarch64"
        #else
            let arch = "unknown"
        #endif
        return (model, ProcessInfo.processInfo.activeProcessorCount, arch)
    }

    /// "2-vCPU AMD EPYC … (Linux)": what the numbers were measured on.
    static func hostDescription() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":", maxSplits: 1)
            .last
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount)-vCPU \(model)"
    }
}
