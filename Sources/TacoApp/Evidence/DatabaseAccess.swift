/// Whether a command writes to the database. Commands that only read say `.read`: the opener then opens the file
/// read-only as a WAL reader, so they never wait for an import and work on a read-only file (`DatabaseOpener`).
public enum DatabaseAccess: Sendable {
    case read
    case write
}
