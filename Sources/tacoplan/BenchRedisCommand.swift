import ArgumentParser
import Foundation
import TacoCore

/// `tacoplan bench` groups the measurements tacoplan can make on your own hardware.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure per-command costs on your own hardware.",
        subcommands: [BenchRedisCommand.self])
}

/// `tacoplan bench redis`: measures per-command costs on a Redis or Valkey server on loopback, the way
/// shared/reference/redis-bench.md did, and writes rows in the schema of benchmarks/redis-command-costs.csv.
struct BenchRedisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redis",
        abstract:
            "Measure ZRANK, ZCARD, GET, ZADD NX, the rate-limit and admission scripts and KEYS queue:* on a local server.",
        discussion: """
            The server must already run on loopback (127.0.0.1, ::1, localhost); its data is replaced (FLUSHALL).
            Needs redis-cli and redis-benchmark: apt-get install redis-server redis-tools.
            """)

    @Option(help: "Loopback host of the server.") var host = "127.0.0.1"
    @Option(help: "Port of the server.") var port: Int = 6379
    @Option(help: "Waiting users to preload (ZSET members and per-user keys), 1…2,000,000.") var users = 20_000
    @Option(help: "Calls per command run, 100…1,000,000.") var requests = 20_000
    @Option(help: "Calls of KEYS queue:* (O(N) each), 1…1,000.") var keysRequests = 20
    @Option(help: "Seconds one run may take before it is killed, 1…3,600.") var timeout: Double = 120
    @Option(help: "Label for the run column.") var label = "tacoplan-bench"
    @Option(help: "Write the CSV here instead of standard output.") var output: String?

    func validate() throws {
        guard RedisBenchText.isLoopback(host) else {
            throw ValidationError(
                "--host \(host) is not loopback: tacoplan bench redis only measures a local server (127.0.0.1, ::1, localhost)"
            )
        }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1…65535, found \(port)") }
        guard (1...2_000_000).contains(users) else {
            throw ValidationError("--users must be 1…2,000,000, found \(users)")
        }
        guard (100...1_000_000).contains(requests) else {
            throw ValidationError("--requests must be 100…1,000,000, found \(requests)")
        }
        guard (1...1_000).contains(keysRequests) else {
            throw ValidationError("--keys-requests must be 1…1,000, found \(keysRequests)")
        }
        guard (1...3_600).contains(timeout) else {
            throw ValidationError("--timeout must be 1…3,600 seconds, found \(timeout)")
        }
    }

    func run() throws {
        guard let cli = BenchProcess.which("redis-cli"), let bench = BenchProcess.which("redis-benchmark") else {
            throw BenchProcess.Failure(
                description: "redis-cli and redis-benchmark are needed and were not found on PATH; install them with "
                    + "`apt-get install redis-server redis-tools`")
        }
        let session = BenchRedisSession(cli: cli, bench: bench, host: host, port: port, timeout: timeout)
        let csv = try session.measure(users: users, requests: requests, keysRequests: keysRequests, run: label)
        if let output {
            try csv.write(toFile: output, atomically: true, encoding: .utf8)
            FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
        } else {
            print(csv, terminator: "")
        }
    }
}
