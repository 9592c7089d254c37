import Dispatch
import Foundation

/// The temporary server `tacoplan bench redis` starts by default: its own `redis-server` (or `valkey-server`) on a
/// free 127.0.0.1 port with persistence off (`--save '' --appendonly no`) in a temporary `--dir`, stopped by its
/// PID whatever happens (error, timeout, SIGINT/SIGTERM to tacoplan). No user data is ever touched. While it runs a
/// `BenchServerRecord` names it in the state directory, so a run killed with SIGKILL is cleaned up by the next one.
final class BenchServer {
    let process: Process
    let port: Int
    let directory: URL
    /// The run's work directory (`BenchRunDirectory`), also removed on SIGINT/SIGTERM.
    let runDirectory: String
    /// The state file naming this server; nil when it could not be written (the run goes on, with a warning).
    private var recordPath: String?
    /// Signal sources that stop the server before tacoplan exits on Ctrl-C or SIGTERM.
    private var signalSources: [DispatchSourceSignal] = []

    var pid: Int32 { process.processIdentifier }

    private init(process: Process, port: Int, directory: URL, runDirectory: String) {
        self.runDirectory = runDirectory
        self.process = process
        self.port = port
        self.directory = directory
    }

    /// Starts `executable` with its `--dir` under `temporaryBase`, records it in `stateDirectory`, and waits (at most
    /// `timeout` seconds, bounded to 30) until it accepts connections.
    static func start(
        executable: String, timeout: Double, temporaryBase: String, runDirectory: String, stateDirectory: String,
        log: (String) -> Void
    ) throws -> BenchServer {
        let port = try freePort()
        let dir = URL(fileURLWithPath: temporaryBase).appendingPathComponent("tacoplan-redis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = [
            "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.path,
            "--daemonize", "no",
        ]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch {
            try? FileManager.default.removeItem(at: dir)
            throw BenchProcess.failure("cannot start \(executable): \(error)")
        }
        let server = BenchServer(process: p, port: port, directory: dir, runDirectory: runDirectory)
        server.record(executable: executable, in: stateDirectory, log: log)
        server.stopOnSignals()
        let deadline = Date().addingTimeInterval(min(timeout, 30))
        while !accepts(port: port) {
            guard p.isRunning, Date() < deadline else {
                server.stop()
                throw BenchProcess.failure(
                    "\(executable) did not accept connections on 127.0.0.1:\(port) within "
                        + "\(Int(min(timeout, 30))) s")
            }
            usleep(50_000)
        }
        return server
    }

    /// SIGTERM, then SIGKILL after 2 s; waits for the process and removes its directory. Idempotent.
    func stop() {
        for s in signalSources { s.cancel() }
        signalSources = []
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            for _ in 0..<40 where process.isRunning { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
        if let recordPath { try? FileManager.default.removeItem(atPath: recordPath) }
        recordPath = nil
    }

    /// Writes the state file; a failure is a warning, not a failed measurement.
    private func record(executable: String, in stateDirectory: String, log: (String) -> Void) {
        guard let server = ProcessIdentity.of(pid), let owner = ProcessIdentity.current else {
            log("warning: cannot read /proc for pid \(pid); this server is not recorded for a later clean-up")
            return
        }
        let record = BenchServerRecord(
            server: server, owner: owner, executable: executable, port: port,
            directory: directory.resolvingSymlinksInPath().path,
            startedAt: ISO8601DateFormatter().string(from: Date()))
        do {
            try record.save(in: stateDirectory)
            recordPath = record.path(in: stateDirectory)
        } catch {
            log(
                "warning: cannot write \(record.path(in: stateDirectory)) (\(error.localizedDescription)); if this "
                    + "run is killed, stop pid \(pid) yourself")
        }
    }

    private func stopOnSignals() {
        let pid = process.processIdentifier
        let dir = directory
        let recordPath = recordPath
        let runDirectory = runDirectory
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                try? FileManager.default.removeItem(at: dir)
                if let recordPath { try? FileManager.default.removeItem(atPath: recordPath) }
                try? FileManager.default.removeItem(atPath: runDirectory)
                exit(128 + sig)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// A port the kernel just handed out on 127.0.0.1 (bind to 0, read it back, close).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchProcess.failure("cannot open a socket to find a free port") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard bound else { throw BenchProcess.failure("cannot find a free loopback port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
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
}
