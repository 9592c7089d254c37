/// Where the database file lives: `--db PATH` beats `TACOPLAN_DB`, which beats
/// `$XDG_DATA_HOME/tacoplan/tacoplan.sqlite`, else `~/.local/share/tacoplan/tacoplan.sqlite`.
public enum DatabaseLocation {
    /// The environment variable that overrides the default location.
    public static let environmentVariable = "TACOPLAN_DB"

    /// The database path for a `--db` option value (nil when absent) and the process environment.
    /// A path starting with `file:` is made relative (`./file:…`), so SQLite opens the same file the lock and
    /// device checks look at instead of reading it as a URI with options.
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let path = option, !path.isEmpty { return literal(path) }
        if let path = environment[environmentVariable], !path.isEmpty { return literal(path) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/tacoplan/tacoplan.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/tacoplan/tacoplan.sqlite"
    }

    static func literal(_ path: String) -> String { path.hasPrefix("file:") ? "./" + path : path }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DatabaseLocation {
    /// What sits at a database path, when it is something SQLite must not be pointed at.
    public enum Unusable: String, Sendable {
        case characterDevice = "a character device"
        case blockDevice = "a block device"
        case fifo = "a FIFO (named pipe)"
        case socket = "a socket"
        case directory = "a directory"
    }

    /// Why `path` cannot hold a database, or nil when it is a regular file (or a symlink to one) or does not exist.
    /// `/dev/null`, `/dev/zero`, a FIFO or a directory would make SQLite read garbage, block, or create
    /// `<path>.lock` and `<path>-wal` beside a device, so they are refused before anything is opened.
    public static func unusable(_ path: String) -> Unusable? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFDIR: return .directory
        default: return nil
        }
    }
}
