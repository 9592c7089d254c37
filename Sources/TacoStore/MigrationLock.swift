import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Serialises schema migration between processes. GRDB's migrator checks which migrations ran and then applies
/// the rest, each in its own transaction; two processes opening a new database at once (concurrent imports) could
/// both see "not applied" and both run `CREATE TABLE`. An exclusive `flock` on `<db>.lock` around the migration
/// makes the second wait and then find the schema in place.
enum MigrationLock {
    static func around<T>(databasePath path: String, _ body: () throws -> T) throws -> T {
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES || code == EPERM || code == EROFS {
                // The lock file itself when it exists, else the directory it cannot be created in.
                let exists = access(lockPath, F_OK) == 0
                throw DatabaseOpenError.permissionDenied(
                    exists ? lockPath : (lockPath as NSString).deletingLastPathComponent)
            }
            throw StoreError.internalInconsistency(
                "cannot open the migration lock \(lockPath) (\(String(cString: strerror(code))))")
        }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else {
            throw StoreError.internalInconsistency("cannot lock \(lockPath) (errno \(errno))")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
