import Foundation
import GRDB
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tacoplan SQLite database: price book, instance specs, Spot snapshots, import and plan runs.
/// Owns the schema (named migrations in `Schema`) and is safe to share across tasks.
///
/// Two ways in: `open(path:)` for commands that write (imports, ingest: migrations applied, WAL, waits up to
/// `busyTimeout` for another writer) and `openForReading(path:bundled:)` for every command that only reads
/// (estimate, explain, search, compare, validate, report, pricing list/show): a `SQLITE_OPEN_READONLY` WAL
/// reader that never takes the write lock, so it runs at full speed while an import holds the write transaction
/// and works on a file the user cannot write.
public struct TacoDatabase: Sendable {
    /// Every read and write goes through this connection (a WAL `DatabaseQueue` on disk, in-memory in tests).
    let writer: any DatabaseWriter
    /// The file, or nil for an in-memory database.
    public let path: String?

    /// How long a write waits for another process's write transaction (for example a concurrent import)
    /// before failing with "database is locked".
    public static let busyTimeout: TimeInterval = 30

    /// How long a read-only connection waits on the rare locks a WAL reader can meet (a writer recovering the WAL
    /// index after a crash, or a checkpoint that truncates it); it never waits for an ordinary write transaction.
    public static let readerBusyTimeout: TimeInterval = 5

    /// Opens (creating when needed) the database file at `path`, its parent directories, and applies migrations.
    /// Refuses device files and a database whose schema is newer than this binary's. A write waits up to
    /// `busyTimeout` seconds for another writer (TacoApp's `DatabaseOpener` passes `$TACOPLAN_BUSY_TIMEOUT`).
    public static func open(path: String, busyTimeout: TimeInterval = busyTimeout) throws -> TacoDatabase {
        if let what = DatabaseLocation.unusable(path) { throw DatabaseOpenError.unusablePath(path, what) }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // A new file gets 16 KiB pages (SQLite's default is 4 KiB): a million-row bill then takes a quarter of the
            // page reads, writes and checkpoint copies (Docs/Performance.md); an existing file keeps its page size.
            try db.execute(sql: "PRAGMA page_size = \(Self.newFilePageSize)")
            // WAL lets readers run during an import; synchronous NORMAL is durable at each commit in WAL mode
            // except on power loss, and a killed process never leaves a half-written transaction.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try MigrationLock.around(databasePath: path) {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try Schema.refuseNewer(queue, path: path)
            return try TacoDatabase(writer: queue, path: path)
        }
    }

    /// The page size of a database file tacoplan creates: 16 KiB.
    static let newFilePageSize = 16_384

    /// A private in-memory database with the full schema, for tests.
    public static func inMemory() throws -> TacoDatabase {
        try TacoDatabase(writer: DatabaseQueue(), path: nil)
    }

    init(writer: any DatabaseWriter, path: String?) throws {
        self.writer = writer
        self.path = path
        try Schema.migrator.migrate(writer)
    }

    /// A connection used as it is: no migration (the read-only path checked the schema itself).
    private init(unmigrated writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: it waits (busy timeout) for other writers up front instead
    /// of failing when it upgrades a read, and rolls back everything when `body` throws or the process dies. With
    /// `checkingForeignKeys` false, SQLite skips its foreign-key checks for this one transaction: only for a caller
    /// whose rows reference keys it has just inserted itself.
    func writeTransaction<T>(checkingForeignKeys: Bool = true, _ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            if !checkingForeignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
            defer { if !checkingForeignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let value = result else { throw StoreError.internalInconsistency("transaction returned no value") }
            return value
        }
    }

    /// True when SQLite reports the main database of this connection read-only (`sqlite3_db_readonly`): the
    /// connection was opened `SQLITE_OPEN_READONLY` (GRDB `Configuration.readonly`), or the file could only be
    /// opened for reading. Unlike `PRAGMA query_only`, nothing on the connection can switch it back.
    public var isReadOnly: Bool {
        writer.writeWithoutTransaction { db in sqlite3_db_readonly(db.sqliteConnection, "main") == 1 }
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

/// The bundled price book texts (`pricing/prices.csv`, `instance-specs.csv`, `spot-advisor.csv`) a database is
/// initialised with; the CLI passes TacoData's copies.
public struct BundledTexts: Sendable {
    public var prices: String
    public var specs: String
    public var spot: String

    public init(prices: String, specs: String, spot: String) {
        self.prices = prices
        self.specs = specs
        self.spot = spot
    }

    /// The fingerprint `loadBundled` stores in `meta` (same FNV hash, same separators).
    var fingerprint: String {
        var hash = ContentHash()
        for text in [prices, "\u{1}", specs, "\u{1}", spot] { hash.update(text) }
        return hash.hex
    }
}

extension TacoDatabase {
    /// A read-only database and what the reader should be told about it (printed as notes, never failures).
    public struct Reading: Sendable {
        public var database: TacoDatabase
        /// For example "the bundled price book was not refreshed: … is read-only".
        public var notes: [String]
    }

    /// Opens `path` for a command that only reads.
    ///
    /// - A file that does not exist yet is created, migrated and loaded with the bundled price book through
    ///   `open(path:)` (the first run of any command initialises the database), then reopened read-only.
    /// - An existing file is opened `SQLITE_OPEN_READONLY`. When it lacks a migration this binary has, or has never
    ///   been loaded with the bundled price book, it is brought up to date through the write path when the file is
    ///   writable, and refused (`DatabaseOpenError.notInitialised`, exit 4) when it is not. When only the bundled
    ///   book changed since it was loaded, the refresh is tried without waiting; if the file is read-only or another
    ///   process holds the write lock, the reader goes on with the prices stored and gets a note.
    /// - A device, FIFO or directory, and a database with a migration this binary does not know, are refused.
    public static func openForReading(path: String, bundled: BundledTexts) throws -> Reading {
        if let what = DatabaseLocation.unusable(path) { throw DatabaseOpenError.unusablePath(path, what) }
        if !FileManager.default.fileExists(atPath: path) {
            let created = try open(path: path)
            try created.loadBundled(prices: bundled.prices, specs: bundled.specs, spot: bundled.spot)
        }
        var reader = try readOnly(path: path)
        var notes: [String] = []
        switch try reader.readiness(bundled) {
        case .ready: break
        case .needsSetup(let what):
            guard access(path, W_OK) == 0 else { throw DatabaseOpenError.notInitialised(path, what) }
            let writable = try open(path: path)
            try writable.loadBundled(prices: bundled.prices, specs: bundled.specs, spot: bundled.spot)
            reader = try readOnly(path: path)
        case .staleBundled:
            if let skipped = try refreshBundled(path: path, bundled) { notes.append(skipped) }
        }
        return Reading(database: reader, notes: notes)
    }

    /// A `SQLITE_OPEN_READONLY` connection: no migration, no journal-mode change, no lock file.
    ///
    /// A WAL reader needs the `-shm` wal-index beside the file. When no writer is connected (no `-shm`: SQLite
    /// removes it when the last writer closes) and the directory is not writable either (a shared price database
    /// the team may only read), SQLite cannot create it and fails with `SQLITE_READONLY_DIRECTORY`; the reader then
    /// opens the file as `immutable` (sqlite.org/uri.html#uriimmutable), which reads it without any lock or
    /// wal-index. Without a `-shm` every committed transaction is already in the main file, so nothing is missed;
    /// an import the owner starts meanwhile writes to its own `-wal` and does not change what this reader sees
    /// unless it checkpoints within the milliseconds the read takes.
    static func readOnly(path: String) throws -> TacoDatabase {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(readerBusyTimeout)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var location = path
        if !FileManager.default.fileExists(atPath: path + "-shm") && access(directory, W_OK) != 0 {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
            location = "file:\(escaped)?immutable=1"
        }
        let queue = try DatabaseQueue(path: location, configuration: config)
        try Schema.refuseNewer(queue, path: path)
        return TacoDatabase(unmigrated: queue, path: path)
    }

    enum Readiness: Equatable {
        case ready
        /// A migration is missing or the bundled book was never loaded: the reader cannot work without a write.
        case needsSetup(String)
        /// The bundled book in the binary differs from the one loaded (a newer tacoplan): usable as it is.
        case staleBundled
    }

    func readiness(_ bundled: BundledTexts) throws -> Readiness {
        try writer.read { db in
            let applied = try Schema.migrator.appliedIdentifiers(db)
            if let missing = Schema.migrator.migrations.first(where: { !applied.contains($0) }) {
                return .needsSetup("it lacks the migration '\(missing)'")
            }
            let stored = try String.fetchOne(
                db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.bundledHashKey])
            guard let stored else { return .needsSetup("the bundled price book was never loaded into it") }
            return stored == bundled.fingerprint ? .ready : .staleBundled
        }
    }

    /// Loads a changed bundled book without waiting for another writer; returns a note when it was skipped.
    static func refreshBundled(path: String, _ bundled: BundledTexts) throws -> String? {
        let skipped = "note: the bundled price book in this tacoplan is newer than the one in \(path)"
        do {
            try nonWaitingWriter(path: path).loadBundled(
                prices: bundled.prices, specs: bundled.specs, spot: bundled.spot)
            return nil
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            return skipped + ", which is read-only: using the prices it holds"
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return skipped + ", which another process is writing (an import?): using the prices it holds"
        }
    }

    /// A read-write connection to an existing, migrated file whose writes fail at once (`SQLITE_BUSY`) instead of
    /// waiting when another process holds the write lock, and with `SQLITE_READONLY` when the file is read-only.
    static func nonWaitingWriter(path: String) throws -> TacoDatabase {
        var config = Configuration()
        config.busyMode = .immediateError
        return TacoDatabase(unmigrated: try DatabaseQueue(path: path, configuration: config), path: path)
    }
}

/// Why a database file cannot be used; the CLI exits 4 for each, naming the file.
public enum DatabaseOpenError: Error, CustomStringConvertible, Sendable {
    case unusablePath(String, DatabaseLocation.Unusable)
    /// The file carries migrations this binary does not have: it was written by a newer tacoplan.
    case newerSchema(String, unknown: [String])
    /// A read-only file that lacks a migration or the bundled price book.
    case notInitialised(String, String)
    /// A file beside the database (its lock, `-wal`, `-shm`) this user may not create or write: that path.
    case permissionDenied(String)

    public var description: String {
        switch self {
        case .unusablePath(let path, let what):
            "\(path) is \(what.rawValue), not a database file; pass --db PATH (or TACOPLAN_DB) naming a regular file"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer tacoplan: it carries the migration"
                + (unknown.count == 1 ? " " : "s ") + unknown.map { "'\($0)'" }.joined(separator: ", ")
                + " that this binary does not know; upgrade tacoplan, or pass --db PATH to use another file"
        case .permissionDenied(let path):
            "permission denied: \(path)"
        case .notInitialised(let path, let what):
            "\(path) is read-only and not initialised for this tacoplan (\(what)); run any tacoplan command once "
                + "with write access to it, or pass --db PATH to use another file"
        }
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
