import Foundation

/// The work directory of one `bench redis` run (redis-cli/redis-benchmark output files, the preload script):
/// `$TMPDIR/tacoplan-bench-run-PID-TICKS`, named for the tacoplan process that owns it (its PID and start time,
/// `ProcessIdentity`), removed at the end of the run, and by the next run's `BenchReaper` when the owner was killed.
enum BenchRunDirectory {
    static let prefix = "tacoplan-bench-run-"

    /// Creates this process's work directory under `temporaryBase`.
    static func create(in temporaryBase: String) throws -> String {
        guard let me = ProcessIdentity.current else {
            throw BenchProcess.failure("cannot read /proc/\(getpid())/stat to name the work directory")
        }
        let path = temporaryBase + "/" + prefix + "\(me.pid)-\(me.startTicks)"
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// The owner a work directory's name records, or nil for a name that is not one.
    static func owner(of name: String) -> ProcessIdentity? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: "-")
        guard parts.count == 2, let pid = Int32(parts[0]), let ticks = UInt64(parts[1]) else { return nil }
        return ProcessIdentity(pid: pid, startTicks: ticks)
    }

    /// Work directories under `temporaryBase` whose owner no longer runs.
    static func orphans(in temporaryBase: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporaryBase)) ?? []
        return names.sorted().compactMap { name in
            guard let owner = owner(of: name), !owner.isRunning else { return nil }
            return temporaryBase + "/" + name
        }
    }
}
