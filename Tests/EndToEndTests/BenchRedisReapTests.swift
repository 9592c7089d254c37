import Foundation
import TestSupport
import Testing

/// `bench redis` killed with SIGKILL leaves its redis-server running; the next run stops it and removes its
/// directory, and never touches an unrelated process that holds a recorded PID (issue 13). Real redis-server, real
/// signals; every server a test causes to start is stopped by the test whatever happens.
@Suite(.serialized) struct BenchRedisReapTests {
    /// TMPDIR in the scratch directory and no XDG_RUNTIME_DIR: the servers' directories and the state files of these
    /// runs stay apart from any other run on the machine.
    func environment(_ cli: CLI) throws -> (env: [String: String], tmp: String, state: String) {
        let tmp = cli.scratch.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        return (["TMPDIR": tmp, "XDG_RUNTIME_DIR": ""], tmp, tmp + "/tacoplan-bench-\(getuid())")
    }

    /// Field 3 (state) and field 22 (start time in ticks) of /proc/PID/stat; nil when the process is gone.
    static func stat(_ pid: Int32) -> (state: Substring, ticks: Substring)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return (fields[0], fields[19])
    }

    /// Running: present in /proc and not a zombie (a reparented child may stay a zombie if PID 1 does not reap).
    static func running(_ pid: Int32) -> Bool { stat(pid).map { $0.state != "Z" } ?? false }

    /// The working directory of `pid` (redis-server changes into its --dir), or "".
    static func workingDirectory(_ pid: Int32) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) ?? ""
    }

    /// Stops `pid` only if it is still running AND works in `marker` (our scratch TMPDIR).
    static func stopIfOurs(_ pid: Int32, marker: String) {
        guard running(pid), workingDirectory(pid).hasPrefix(marker) else { return }
        kill(pid, SIGKILL)
        for _ in 0..<100 where running(pid) { usleep(20_000) }
    }

    @Test(
        .enabled(
            if: BenchRedisTests.redisServer != nil
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/redis-benchmark"),
            "redis-server is not installed: apt-get install redis-server redis-tools (CI installs it)"),
        .timeLimit(.minutes(3)))
    func theNextRunStopsTheServerAKilledRunLeft() throws {
        let cli = try CLI()
        let (env, tmp, state) = try environment(cli)
        let process = Process()
        process.executableURL = CLI.binary
        // 200,000 users take seconds to preload, so the server is certainly running when tacoplan is killed.
        process.arguments = ["bench", "redis", "--users", "200000", "--timeout", "60"]
        process.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        var stderr = ""
        while !stderr.contains(") on 127.0.0.1:") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stderr += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        // "started redis-server (pid N) on 127.0.0.1:P; …"
        let pidText = try #require(stderr.split(separator: "(pid ").dropFirst().first?.split(separator: ")").first)
        let pid = try #require(Int32(pidText), "\(stderr)")
        defer { Self.stopIfOurs(pid, marker: tmp) }
        #expect(Self.running(pid), "the server should outlive the killed tacoplan")
        let dir = Self.workingDirectory(pid)
        #expect(dir.hasPrefix("\(tmp)/tacoplan-redis-"), "\(dir)")
        #expect(FileManager.default.fileExists(atPath: dir))
        let record = "\(state)/redis-\(pid).json"
        #expect(FileManager.default.fileExists(atPath: record))
        // The killed run's work directory (tacoplan-bench-run-PID-TICKS) is left behind too.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp)
        #expect(leftovers.contains { $0.hasPrefix("tacoplan-bench-run-\(process.processIdentifier)-") }, "\(leftovers)")

        // The next run reaps before it starts its own server, and measures normally.
        let next = try cli.run(
            [
                "bench", "redis", "--users", "1000", "--requests", "200", "--keys-requests", "2", "--timeout", "30",
                "--output", cli.scratch.appendingPathComponent("costs.csv").path,
            ], environment: env, addDB: false)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("stopped the leftover redis server (pid \(pid), port "), "\(next.stderr)")
        #expect(next.stderr.contains("removed its directory \(dir)"), "\(next.stderr)")
        #expect(next.stderr.contains("removed the work directory \(tmp)/tacoplan-bench-run-"), "\(next.stderr)")
        #expect(!Self.running(pid))
        #expect(!FileManager.default.fileExists(atPath: dir))
        #expect(!FileManager.default.fileExists(atPath: record))
        // The second run cleaned up after itself: no state file, and TMPDIR holds only the state directory.
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp) == ["tacoplan-bench-\(getuid())"])
    }

    @Test(.timeLimit(.minutes(1)))
    func anUnrelatedProcessHoldingARecordedPIDIsLeftAlone() throws {
        let cli = try CLI()
        let (env, tmp, state) = try environment(cli)
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["60"]
        try sleeper.run()
        defer {
            kill(sleeper.processIdentifier, SIGKILL)
            sleeper.waitUntilExit()
        }
        let pid = sleeper.processIdentifier
        let ticks = try #require(Self.stat(pid)?.ticks)
        // A record that names the sleeper's PID and even its start time, as a reused PID could: it does not work in
        // the recorded directory nor run redis-server, so it is not our server. The owner PID does not exist.
        let dir = "\(tmp)/tacoplan-redis-00000000-0000-0000-0000-000000000000"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let json = """
            {"directory": "\(dir)", "executable": "/usr/bin/redis-server", "owner": {"pid": 2147483647,
             "startTicks": 1}, "port": 6399, "server": {"pid": \(pid), "startTicks": \(ticks)},
             "startedAt": "2026-12-01T00:00:00Z"}
            """
        try Data(json.utf8).write(to: URL(fileURLWithPath: "\(state)/redis-\(pid).json"))

        let r = try cli.run(["bench", "redis", "--reap-only"], environment: env, addDB: false)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("is no longer running (or its PID now belongs to another process"), "\(r.stderr)")
        #expect(r.stderr.contains("0 leftover server(s) stopped"), "\(r.stderr)")
        #expect(Self.running(pid), "the unrelated process was killed")
        #expect(!FileManager.default.fileExists(atPath: "\(state)/redis-\(pid).json"))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test(.timeLimit(.minutes(1)))
    func aRecordWhoseOwnerStillRunsIsAConcurrentRunAndIsKept() throws {
        let cli = try CLI()
        let (env, tmp, state) = try environment(cli)
        let owner = Process()
        owner.executableURL = URL(fileURLWithPath: "/bin/sleep")
        owner.arguments = ["60"]
        try owner.run()
        defer {
            kill(owner.processIdentifier, SIGKILL)
            owner.waitUntilExit()
        }
        let pid = owner.processIdentifier
        let ticks = try #require(Self.stat(pid)?.ticks)
        let dir = "\(tmp)/tacoplan-redis-11111111-1111-1111-1111-111111111111"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        // The owner (PID and start time) is alive: another bench redis run is measuring; nothing is touched.
        let json = """
            {"directory": "\(dir)", "executable": "/usr/bin/redis-server", "owner": {"pid": \(pid),
             "startTicks": \(ticks)}, "port": 6399, "server": {"pid": \(pid), "startTicks": \(ticks)},
             "startedAt": "2026-12-01T00:00:00Z"}
            """
        let record = "\(state)/redis-\(pid).json"
        try Data(json.utf8).write(to: URL(fileURLWithPath: record))

        let r = try cli.run(["bench", "redis", "--reap-only"], environment: env, addDB: false)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("0 leftover server(s) stopped"), "\(r.stderr)")
        #expect(Self.running(pid))
        #expect(FileManager.default.fileExists(atPath: record))
        #expect(FileManager.default.fileExists(atPath: dir))
    }

    @Test(.timeLimit(.minutes(1)))
    func connectionRefusedIsExitSevenNotOne() throws {
        let cli = try CLI()
        let (env, _, _) = try environment(cli)
        // A port nothing listens on: freePort binds, reads and closes, so it is free right after.
        let port = try freePort()
        let r = try cli.run(
            ["bench", "redis", "--port", String(port), "--flush", "--timeout", "10"], environment: env, addDB: false)
        // Exit 7 (measurement failed, `tacoplan bench redis --help`), never the undocumented 1; or 6 where
        // redis-cli is not installed.
        let expected: Int32 = FileManager.default.isExecutableFile(atPath: "/usr/bin/redis-cli") ? 7 : 6
        #expect(r.status == expected, "\(r.stderr)")
        #expect(!r.crashed)
        if expected == 7 {
            #expect(r.stderr.contains("error: cannot connect to 127.0.0.1:\(port)"), "\(r.stderr)")
            #expect(r.stderr.contains("fix: start the server"), "\(r.stderr)")
        }
    }
}
