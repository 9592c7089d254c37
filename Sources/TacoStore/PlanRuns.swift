import GRDB

/// What became of a plan run a read-only command asked to record.
public enum PlanRunRecord: Equatable, Sendable {
    case recorded
    /// The same text from the same file was recorded before.
    case alreadyRecorded
    /// Not recorded, and why (the file is read-only, or another process holds the write lock): a note for stderr.
    case skipped(String)
}

extension TacoDatabase {
    /// Records a plan the CLI loaded (name, file, its text and a fingerprint of it). Loading the same text from the
    /// same file again adds nothing. `loadedAt` is the caller's clock, as ISO-8601 text (`loaded_at`); `asOf` the
    /// day its prices were read as of, YYYY-MM-DD (`as_of`).
    @discardableResult
    public func recordPlan(name: String, file: String, text: String, loadedAt: String, asOf: String? = nil) throws
        -> Bool
    {
        var hash = ContentHash()
        hash.update(text)
        return try writeTransaction { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO plan_run (name, file, text_hash, text, loaded_at, as_of)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [name, file, hash.hex, text, loadedAt, asOf])
            return db.changesCount > 0
        }
    }

    /// Records the plan run of a read-only command without ever making it wait or fail: through a separate
    /// connection that gives up at once when another process holds the write lock (an import) or the file is
    /// read-only. The reading connection itself never writes.
    public func recordPlanWithoutWaiting(
        name: String, file: String, text: String, loadedAt: String, asOf: String? = nil
    ) -> PlanRunRecord {
        guard let path else {
            return (try? recordPlan(name: name, file: file, text: text, loadedAt: loadedAt, asOf: asOf)) == true
                ? .recorded : .alreadyRecorded
        }
        let skipped = "note: the plan run was not recorded in \(path)"
        do {
            let writer = try Self.nonWaitingWriter(path: path)
            return try writer.recordPlan(name: name, file: file, text: text, loadedAt: loadedAt, asOf: asOf)
                ? .recorded : .alreadyRecorded
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            return .skipped(skipped + ": the database is read-only")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return .skipped(skipped + ": another process is writing it (an import?)")
        } catch {
            return .skipped(skipped + ": \(error)")
        }
    }
}
