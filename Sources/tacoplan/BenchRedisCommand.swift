import ArgumentParser
import TacoApp

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
            By default tacoplan starts its own temporary server (redis-server, or valkey-server with --engine valkey)
            on a free 127.0.0.1 port with persistence off, and stops it whatever happens. To measure a server you
            run yourself, pass --port P --flush: --flush consents to FLUSHALL, which deletes all of its data.
            Loopback only (127.0.0.1, ::1, localhost).
            Needs redis-server, redis-cli and redis-benchmark: apt-get install redis-server redis-tools.
            Each server tacoplan starts is recorded (pid, port, directory, start time) in \
            $XDG_RUNTIME_DIR/tacoplan-bench, or $TMPDIR/tacoplan-bench-UID without XDG_RUNTIME_DIR; every run first \
            stops the server and removes the directory a killed run (SIGKILL) left behind, and says so on stderr. \
            --reap-only does only that.
            Exit codes: 0 measured (or leftovers reaped); 2 invalid option or unwritable --output; 6 redis-cli, \
            redis-benchmark or the server program is not installed; 7 the server did not start or cannot be \
            reached, a command failed, a run passed --timeout, or a leftover server could not be stopped.
            """)

    @Option(help: "Server to start when no --port is given: redis (redis-server) or valkey (valkey-server).")
    var engine: BenchRedisUseCase.Engine = .redis
    @Option(help: "Loopback host of an existing server (with --port).") var host = "127.0.0.1"
    @Option(help: "Measure the existing server on this port instead of starting one; needs --flush.") var port: Int?
    @Flag(help: "Consent to FLUSHALL on the --port server: ALL of its data is deleted.") var flush = false
    @Option(help: "Waiting users to preload (ZSET members and per-user keys), 1…2,000,000.") var users = 20_000
    @Option(help: "Calls per command run, 100…1,000,000.") var requests = 20_000
    @Option(help: "Calls of KEYS queue:* (O(N) each), 1…1,000.") var keysRequests = 20
    @Option(help: "Seconds one run may take before it is killed, 1…3,600.") var timeout: Double = 120
    @Option(help: "Label for the run column.") var label = "tacoplan-bench"
    @Option(help: "Write the CSV here instead of standard output (a regular file; checked before measuring).")
    var output: String?
    @Option(
        help:
            "The AWS type this machine is (e.g. m7g.xlarge), recorded in the hardware column: the costs then count as measured for that node type."
    )
    var hardware: String?
    @Flag(help: "Only stop leftover servers of killed runs and remove their directories; measure nothing.")
    var reapOnly = false

    func validate() throws {
        guard RedisBenchText.isLoopback(host) else {
            throw ValidationError(
                "--host \(host) is not loopback: tacoplan bench redis only measures a local server (127.0.0.1, ::1, localhost)"
            )
        }
        if let port {
            guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1…65535, found \(port)") }
            guard flush else {
                throw ValidationError(
                    "--port \(port) measures an existing server and replaces ALL of its data (FLUSHALL); pass --flush "
                        + "to consent, or drop --port and tacoplan starts its own temporary server")
            }
        } else if flush {
            throw ValidationError("--flush only applies with --port (tacoplan's own server is always empty)")
        } else if host != "127.0.0.1" {
            throw ValidationError("--host only applies with --port (tacoplan's own server listens on 127.0.0.1)")
        }
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
        let request = BenchRedisUseCase.Request(
            engine: engine, host: host, port: port, users: users, requests: requests, keysRequests: keysRequests,
            timeout: timeout, label: label, reapOnly: reapOnly, output: output, hardware: hardware)
        let csv = try BenchRedisUseCase.run(request, context: Terminal.context, log: Terminal.error)
        if reapOnly { return }
        if let output {
            try BenchRedisUseCase.write(csv, to: output)
            Terminal.error("wrote \(output)")
        } else {
            Terminal.out(csv)
        }
    }
}

extension BenchRedisUseCase.Engine: ExpressibleByArgument {}
