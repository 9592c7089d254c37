import Foundation
import TacoCore

/// `bench redis`: per-command costs measured on a loopback Redis or Valkey server, as rows in the schema of
/// benchmarks/redis-command-costs.csv. Every run first stops the leftover servers of runs that were killed
/// (`BenchReaper`). Never exits 1: a missing program is exit 6; a failed measurement, a server that cannot be
/// reached or started, or a leftover that cannot be stopped exit 7; an unwritable `--output` exit 2.
public enum BenchRedisUseCase {
    public enum Engine: String, Sendable, CaseIterable { case redis, valkey }

    public struct Request: Sendable {
        public var engine: Engine
        public var host: String
        /// An existing server to measure (FLUSHALL consented); nil starts tacoplan's own.
        public var port: Int?
        public var users: Int
        public var requests: Int
        public var keysRequests: Int
        public var timeout: Double
        public var label: String
        /// Only stop leftover servers of killed runs; measure nothing.
        public var reapOnly: Bool
        /// `--output`: checked before the measurement starts.
        public var output: String?
        /// `--hardware`: the AWS type the machine is (e.g. m7g.xlarge), recorded in the `hardware` column; nil: not
        /// stated (the costs then apply to no node type without the transfer table's widest band).
        public var hardware: String?

        public init(
            engine: Engine, host: String, port: Int?, users: Int, requests: Int, keysRequests: Int, timeout: Double,
            label: String, reapOnly: Bool = false, output: String? = nil, hardware: String? = nil
        ) {
            self.output = output
            self.hardware = hardware
            self.engine = engine
            self.host = host
            self.port = port
            self.users = users
            self.requests = requests
            self.keysRequests = keysRequests
            self.timeout = timeout
            self.label = label
            self.reapOnly = reapOnly
        }
    }

    /// Measures and returns the CSV (empty with `reapOnly`); `log` receives progress lines for stderr.
    public static func run(_ r: Request, context: AppContext, log: (String) -> Void) throws(AppFailure) -> String {
        if let output = r.output, !r.reapOnly { try BenchOutput.check(output) }
        if let hardware = r.hardware, !isHardwareName(hardware) {
            let shown = hardware.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "?" }.joined()
            throw AppFailure.input(
                Diagnostic(
                    "--hardware '\(shown)' is not an AWS instance or node type",
                    fix: "write the type the bench ran on, e.g. --hardware m7g.xlarge or --hardware cache.m7g.xlarge"))
        }
        do {
            return try measure(r, context: context, log: log)
        } catch let failure as AppFailure {
            throw failure
        } catch {
            throw BenchProcess.failure("\(error)")
        }
    }

    static func measure(_ r: Request, context: AppContext, log: (String) -> Void) throws -> String {
        let stateDirectory = BenchServerRecord.directory(context.environment)
        let temporaryBase = BenchServerRecord.temporaryBase(context.environment)
        let reaped = try BenchReaper.reap(stateDirectory: stateDirectory, temporaryBase: temporaryBase, log: log)
        if r.reapOnly {
            log("\(reaped) leftover server(s) stopped (state files in \(stateDirectory))")
            return ""
        }
        let path = context.environment["PATH"]
        let cli = BenchProcess.which("redis-cli", path: path) ?? BenchProcess.which("valkey-cli", path: path)
        let bench =
            BenchProcess.which("redis-benchmark", path: path) ?? BenchProcess.which("valkey-benchmark", path: path)
        guard let cli, let bench else {
            throw AppFailure(
                .benchToolMissing,
                [
                    "error: redis-cli and redis-benchmark are needed and were not found on PATH; install them with "
                        + "`apt-get install redis-server redis-tools`"
                ])
        }
        let scratch = try BenchRunDirectory.create(in: temporaryBase)
        var server: BenchServer?
        defer {
            server?.stop()
            try? FileManager.default.removeItem(atPath: scratch)
        }
        let target: (host: String, port: Int)
        if let port = r.port {
            target = (r.host, port)
        } else {
            let name = r.engine == .valkey ? "valkey-server" : "redis-server"
            guard let executable = BenchProcess.which(name, path: path) else {
                throw AppFailure(
                    .benchToolMissing,
                    [
                        "error: \(name) is needed to start a temporary server and was not found on PATH; install it "
                            + (r.engine == .valkey
                                ? "with your distribution's valkey package"
                                : "with `apt-get install redis-server redis-tools`")
                            + ", or measure your own server with --port P --flush"
                    ])
            }
            let started = try BenchServer.start(
                executable: executable, timeout: r.timeout, temporaryBase: temporaryBase, runDirectory: scratch,
                stateDirectory: stateDirectory, log: log)
            server = started
            log("started \(name) (pid \(started.pid)) on 127.0.0.1:\(started.port); it is stopped at the end")
            target = ("127.0.0.1", started.port)
        }
        let session = BenchRedisSession(
            cli: cli, bench: bench, host: target.host, port: target.port, timeout: r.timeout,
            day: context.clock.today.description, scratch: scratch)
        let csv = try session.measure(
            users: r.users, requests: r.requests, keysRequests: r.keysRequests, run: r.label,
            hardware: r.hardware ?? "", log: log)
        // The rows pass the same checks a `--costs` file does (finite, positive, in range, one cost per command), so
        // a measurement that produced nonsense (a 0 µs command, a stalled run) fails here, not in a later estimate.
        do {
            _ = try CommandCostTable(csv: csv, file: "bench redis output", spelling: CommandSpelling.commandLine)
        } catch {
            throw BenchProcess.failure("the measurement produced an unusable row: \(error)")
        }
        return csv
    }

    /// An AWS type name: `[cache.|db.]family.size`, lowercase letters, digits and dashes, at most 40 characters.
    static func isHardwareName(_ s: String) -> Bool {
        guard s.count <= 40 else { return false }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let body = parts.first == "cache" || parts.first == "db" ? Array(parts.dropFirst()) : parts
        return body.count == 2
            && body.allSatisfy { p in
                !p.isEmpty
                    && p.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            }
    }

    /// Writes the CSV to `--output`; an unwritable path or a failed write is invalid input (exit 2) naming it.
    public static func write(_ csv: String, to path: String) throws(AppFailure) {
        try BenchOutput.write(csv, to: path)
    }
}
