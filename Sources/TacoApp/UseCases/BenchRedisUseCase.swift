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

        public init(
            engine: Engine, host: String, port: Int?, users: Int, requests: Int, keysRequests: Int, timeout: Double,
            label: String, reapOnly: Bool = false
        ) {
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
        return try session.measure(
            users: r.users, requests: r.requests, keysRequests: r.keysRequests, run: r.label, log: log)
    }

    /// Writes the CSV to `--output`; an unwritable path is invalid input (exit 2).
    public static func write(_ csv: String, to path: String) throws(AppFailure) {
        do {
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw AppFailure.input([
                "\(path): error: cannot write the CSV: \(error.localizedDescription)",
                "    fix: choose a writable --output path",
            ])
        }
    }
}
