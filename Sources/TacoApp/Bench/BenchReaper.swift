import Foundation

/// Stops what a killed `bench redis` run left behind, before a new run starts: for every state file
/// whose owning `tacoplan` is gone, the server is stopped (only when its PID still carries our start time and our
/// `--dir`), its directory removed and the state file deleted, each said on stderr. A record whose owner still runs
/// belongs to a concurrent run and is left alone. Work directories of killed runs (`BenchRunDirectory`) are removed
/// too.
enum BenchReaper {
    /// Reaps leftovers recorded in `stateDirectory`; returns the number of servers stopped. Throws `benchFailed`
    /// (exit 7) when a leftover server cannot be stopped.
    @discardableResult
    static func reap(stateDirectory: String, temporaryBase: String, log: (String) -> Void) throws(AppFailure) -> Int {
        var stopped = 0
        for (path, record) in BenchServerRecord.all(in: stateDirectory) {
            guard let record else {
                try? FileManager.default.removeItem(atPath: path)
                log("removed \(path): not a bench redis state file tacoplan can read")
                continue
            }
            if record.owner.isRunning { continue }
            let what = "redis server (pid \(record.server.pid), port \(record.port), started \(record.startedAt))"
            if record.serverIsOurs {
                guard stop(record.server) else {
                    throw BenchProcess.failure(
                        "cannot stop the leftover \(what) of a killed bench redis run; stop it yourself (kill "
                            + "\(record.server.pid)) and remove \(path)")
                }
                stopped += 1
                log("stopped the leftover \(what) of a killed bench redis run")
            } else {
                log(
                    "the \(what) recorded in \(path) is no longer running (or its PID now belongs to another "
                        + "process, which is left alone)")
            }
            // Only a directory named as tacoplan names its servers' directories (tacoplan-redis-UUID) is removed.
            let name = (record.directory as NSString).lastPathComponent
            if name.hasPrefix("tacoplan-redis-"), FileManager.default.fileExists(atPath: record.directory) {
                try? FileManager.default.removeItem(atPath: record.directory)
                log("removed its directory \(record.directory)")
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        for orphan in BenchRunDirectory.orphans(in: temporaryBase) {
            try? FileManager.default.removeItem(atPath: orphan)
            log("removed the work directory \(orphan) of a killed bench redis run")
        }
        return stopped
    }

    /// SIGTERM, then SIGKILL after 2 s; true once the process is gone (or a zombie: it is no longer our parent's
    /// to reap).
    static func stop(_ server: ProcessIdentity) -> Bool {
        guard kill(server.pid, SIGTERM) == 0 || errno == ESRCH else { return false }
        for _ in 0..<40 where server.isRunning { usleep(50_000) }
        if server.isRunning {
            kill(server.pid, SIGKILL)
            for _ in 0..<40 where server.isRunning { usleep(50_000) }
        }
        return !server.isRunning
    }
}
