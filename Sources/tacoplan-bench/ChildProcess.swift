import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a command as a child process and reports its wall time and peak resident memory (from `wait4`'s rusage).
enum ChildProcess {
    struct Measurement {
        var seconds: Double
        var peakRSSMiB: Double
        var status: Int32
    }

    static func run(_ arguments: [String], quiet: Bool = true) throws -> Measurement {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = Date()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Measurement(seconds: seconds, peakRSSMiB: Double(usage.ru_maxrss) / 1024, status: exit)
    }

    /// True when `command` is found on PATH.
    static func available(_ command: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(command) >/dev/null"]).status) == 0
    }
}
