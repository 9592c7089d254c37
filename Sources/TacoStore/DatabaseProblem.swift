import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What went wrong with the database, in the words a user can act on: each case has its own sentence and fix, so a
/// plain lock is never answered with advice to remove the file (which would delete a healthy shared price book).
public enum DatabaseProblem: Sendable, Equatable {
    /// Another connection holds the write lock past the busy timeout (`SQLITE_BUSY`/`SQLITE_LOCKED`): the holding
    /// process ("process 1234 (tacoplan)") when `/proc/locks` names one.
    case locked(String?)
    /// The file or its directory cannot be read or written by this user: the path that is refused.
    case permissionDenied(String)
    /// The file is not an SQLite database at all (`SQLITE_NOTADB`).
    case notADatabase
    /// An SQLite database whose pages are damaged (`SQLITE_CORRUPT`): `PRAGMA integrity_check`'s first line.
    case damaged(String)
    /// A tacoplan-specific refusal (device path, newer schema, read-only and not initialised): its sentence.
    case refused(String)
    /// Anything else: the error's own description.
    case other(String)

    /// The problem behind `error` raised while `path` was opened or used.
    public static func classify(_ error: any Error, path: String) -> DatabaseProblem {
        if case .permissionDenied(let denied) = error as? DatabaseOpenError { return .permissionDenied(denied) }
        if let refusal = error as? DatabaseOpenError { return .refused(refusal.description) }
        if let sqlite = error as? DatabaseError {
            switch sqlite.resultCode.primaryResultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(lockHolder(path))
            case .SQLITE_NOTADB: return .notADatabase
            case .SQLITE_CORRUPT: return .damaged(integrityLine(path) ?? sqlite.message ?? "damaged pages")
            case .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_AUTH:
                if let denied = deniedPath(path) { return .permissionDenied(denied) }
            default: break
            }
            return .other(sqlite.message ?? "\(sqlite)")
        }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            if [CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileReadNoPermission.rawValue].contains(ns.code)
                || (ns.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(EACCES)
            {
                return .permissionDenied(deniedPath(path) ?? path)
            }
            if let denied = deniedPath(path) { return .permissionDenied(denied) }
            return .other(ns.localizedDescription)
        }
        return .other("\(error)")
    }

    /// Whether `error` came from SQLite or the store's open checks (not from a file being imported).
    public static func isStoreError(_ error: any Error) -> Bool {
        error is DatabaseError || error is DatabaseOpenError
    }

    /// The process holding a POSIX lock on the database, its `-wal` or its `-shm` file (where SQLite's WAL write lock
    /// lives), read from Linux's `/proc/locks`; nil when none other than this process is listed or it cannot be read.
    static func lockHolder(_ path: String) -> String? {
        var inodes: Set<String> = []
        for file in [path, path + "-shm", path + "-wal"] {
            var info = stat()
            if stat(file, &info) == 0 { inodes.insert(String(info.st_ino)) }
        }
        guard !inodes.isEmpty, let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
            return nil
        }
        let me = String(getpid())
        for line in text.split(separator: "\n") {
            // "2: POSIX  ADVISORY  WRITE 26077 fe:00:5416349 1073741824 1073742335"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "POSIX" || fields[1] == "OFDLCK" else { continue }
            let pid = String(fields[4])
            guard pid != me, let inode = fields[5].split(separator: ":").last, inodes.contains(String(inode)) else {
                continue
            }
            let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return "process \(pid)" + (name.map { " (\($0))" } ?? "")
        }
        return nil
    }

    /// `PRAGMA integrity_check`'s first line on a separate read-only connection, or nil when even that fails.
    static func integrityLine(_ path: String) -> String? {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        return try? queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }

    /// The first of the file, its directory (or the nearest existing ancestor) that this user may not use.
    static func deniedPath(_ path: String) -> String? {
        let file = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) {
            if access(path, R_OK) != 0 || access(path, W_OK) != 0 { return path }
        }
        var directory = file.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.path) && directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return access(directory.path, W_OK | X_OK) != 0 ? directory.path : nil
    }

    /// The sentence after "PATH: error: ".
    public var reason: String {
        switch self {
        case .locked(let holder):
            "the database is locked: "
                + (holder.map { "\($0) is writing to it" } ?? "another process (an import or fetch) is writing to it")
        case .permissionDenied(let denied): "permission denied: \(denied)"
        case .notADatabase: "this file is not a tacoplan database (not an SQLite database at all)"
        case .damaged(let line): "the database is damaged: integrity_check says: \(line)"
        case .refused(let why): why
        case .other(let why): "cannot use the database: \(why)"
        }
    }

    /// What to do about it.
    public func fix(_ path: String) -> String {
        switch self {
        case .locked: "try again when the other run has finished (reading commands never wait; this one writes)"
        case .permissionDenied(let denied):
            "make \(denied) readable and writable by this user, or pass --db PATH to use another file"
        case .notADatabase: "check the path (--db or TACOPLAN_DB); pass --db PATH to use another file"
        case .damaged:
            "restore \(path) from a backup, or move it aside and run again to start a new database "
                + "(imported prices and bills will have to be imported again)"
        case .refused: "pass --db PATH to use another file"
        case .other: "pass --db PATH to use another file"
        }
    }
}
