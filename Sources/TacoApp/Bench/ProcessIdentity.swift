import Foundation

/// What Linux says about a running process (proc(5)): enough to tell that a PID still belongs to the process we
/// started and not to an unrelated one that reused the number.
struct ProcessIdentity: Codable, Sendable, Equatable {
    var pid: Int32
    /// Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot. A reused PID has a later one.
    var startTicks: UInt64

    /// The identity of `pid` now, or nil when it does not exist or has exited (a zombie is no longer running).
    static func of(_ pid: Int32) -> ProcessIdentity? {
        guard pid > 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (comm) " the fields are: state(3) ppid(4) … starttime(22); comm may hold spaces, so split
        // after its closing parenthesis.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, fields[0] != "Z", fields[0] != "X", let ticks = UInt64(fields[19]) else { return nil }
        return ProcessIdentity(pid: pid, startTicks: ticks)
    }

    /// Where a symbolic link in /proc/PID points (`cwd`, `exe`), without the " (deleted)" mark Linux adds when the
    /// target is gone; nil when it cannot be read (no such process, or another user's).
    static func link(_ pid: Int32, _ name: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/\(name)") else {
            return nil
        }
        return target.hasSuffix(" (deleted)") ? String(target.dropLast(" (deleted)".count)) : target
    }

    /// This process.
    static var current: ProcessIdentity? { of(getpid()) }

    /// True while the same process (same PID, same start time) is running.
    var isRunning: Bool { Self.of(pid) == self }
}
