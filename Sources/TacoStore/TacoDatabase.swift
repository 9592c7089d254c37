import Foundation
import GRDB

/// The tacoplan SQLite database: price book, instance specs, Spot snapshots, import and plan runs.
/// Owns the schema (named migrations in `Schema`) and is safe to share across tasks.
public struct TacoDatabase: Sendable {
    /// Every read and write goes through this writer (a WAL `DatabaseQueue` on disk, in-memory in tests).
    let writer: any DatabaseWriter

    /// How long a write waits for another process's write transaction (for example a concurrent import)
    /// before failing with "database is locked".
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating when needed) the database file at `path`, its parent directories, and applies migrations.
    public static func open(path: String) throws -> TacoDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // WAL lets readers run during an import; synchronous NORMAL is durable at each commit in WAL mode
            // except on power loss, and a killed process never leaves a half-written transaction.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try MigrationLock.around(databasePath: path) {
            try TacoDatabase(writer: DatabaseQueue(path: path, configuration: config))
        }
    }

    /// A private in-memory database with the full schema, for tests.
    public static func inMemory() throws -> TacoDatabase {
        try TacoDatabase(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Schema.migrator.migrate(writer)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: it waits (busy timeout) for other writers up front instead
    /// of failing when it upgrades a read, and rolls back everything when `body` throws or the process dies.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let value = result else { throw StoreError.internalInconsistency("transaction returned no value") }
            return value
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// Number of rows in a table of the schema (diagnostics and tests).
    public func rowCount(_ table: Table) throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.rawValue)") ?? 0 }
    }

    /// The tables whose row counts can be asked for.
    public enum Table: String, CaseIterable, Sendable {
        case price, instanceSpec = "instance_spec", spotAdvice = "spot_advice", importRun = "import_run"
        case planRun = "plan_run", meta
        case benchmarkRun = "benchmark_run", benchmarkStep = "benchmark_step"
    }
}

/// Errors the store raises itself (SQLite errors pass through as GRDB's `DatabaseError`).
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case internalInconsistency(String)
    case badStoredValue(table: String, column: String, value: String)

    public var description: String {
        switch self {
        case .internalInconsistency(let what): "internal error: \(what)"
        case .badStoredValue(let table, let column, let value):
            "the database holds '\(value)' in \(table).\(column), which tacoplan cannot read"
        }
    }
}
