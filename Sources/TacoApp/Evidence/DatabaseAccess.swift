/// Whether a command writes to the database. Commands that only read say `.read`; the opener may then open the
/// file read-only (today both open it read-write, because the first open also loads the bundled price book).
public enum DatabaseAccess: Sendable {
    case read
    case write
}
