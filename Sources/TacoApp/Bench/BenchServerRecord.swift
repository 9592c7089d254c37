import Foundation

/// The state file of one temporary server `bench redis` started: written as soon as the server runs and removed
/// when it is stopped, so a run killed with SIGKILL leaves a record the next run uses to stop the leftover server
/// and remove its directory (`BenchReaper`). One JSON file per server, named `redis-PID.json`, in
/// `BenchServerRecord.directory` (Docs/Benchmarks.md "bench redis: leftover servers").
struct BenchServerRecord: Codable, Sendable, Equatable {
    /// The server process.
    var server: ProcessIdentity
    /// The `tacoplan` process that started it; while it runs, the server is not a leftover.
    var owner: ProcessIdentity
    var executable: String
    var port: Int
    /// The server's temporary `--dir`, unique per run, with symbolic links resolved: the server changes into it,
    /// so its working directory is what proves the PID is still ours (redis-server rewrites its command line to
    /// "redis-server 127.0.0.1:PORT", so the `--dir` argument cannot be read back from /proc/PID/cmdline).
    var directory: String
    /// When the server started (ISO-8601, UTC).
    var startedAt: String

    /// Where the state files live: `$XDG_RUNTIME_DIR/tacoplan-bench` when XDG_RUNTIME_DIR is set (a per-user
    /// directory cleared at logout), else `$TMPDIR/tacoplan-bench-UID` (TMPDIR defaults to /tmp; the UID keeps
    /// users apart in a shared /tmp).
    static func directory(_ environment: [String: String]) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return runtime + "/tacoplan-bench"
        }
        return temporaryBase(environment) + "/tacoplan-bench-\(getuid())"
    }

    /// `$TMPDIR` or /tmp, without a trailing slash: where the server's own `--dir` is made.
    static func temporaryBase(_ environment: [String: String]) -> String {
        let tmp = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return tmp.hasSuffix("/") && tmp.count > 1 ? String(tmp.dropLast()) : tmp
    }

    /// The file this record is stored in.
    func path(in directory: String) -> String { directory + "/redis-\(server.pid).json" }

    /// Writes the record (directory mode 0700), atomically.
    func save(in directory: String) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path(in: directory)), options: .atomic)
    }

    /// Every record in `directory` with the path it was read from; unreadable files come back as nil records so the
    /// reaper can report and remove them.
    static func all(in directory: String) -> [(path: String, record: BenchServerRecord?)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix("redis-") && $0.hasSuffix(".json") }.sorted().map { name in
            let path = directory + "/" + name
            let data = FileManager.default.contents(atPath: path) ?? Data()
            return (path, try? JSONDecoder().decode(BenchServerRecord.self, from: data))
        }
    }

    /// True when the process now running as `server.pid` is the server this record describes: the same start
    /// time, the recorded program (/proc/PID/exe) and this record's unique directory as its working directory
    /// (/proc/PID/cwd). Never true for an unrelated process that reused the PID.
    var serverIsOurs: Bool {
        guard server.isRunning, let cwd = ProcessIdentity.link(server.pid, "cwd"),
            let exe = ProcessIdentity.link(server.pid, "exe")
        else { return false }
        let program = URL(fileURLWithPath: executable).resolvingSymlinksInPath().path
        return cwd == directory && exe == program && server.isRunning
    }
}
