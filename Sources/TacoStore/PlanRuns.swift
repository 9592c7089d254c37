import GRDB

extension TacoDatabase {
    /// Records a plan the CLI loaded (name, file, its text and a fingerprint of it). Loading the same text from the
    /// same file again adds nothing. `loadedAt` is the caller's clock, as ISO-8601 text.
    @discardableResult
    public func recordPlan(name: String, file: String, text: String, loadedAt: String) throws -> Bool {
        var hash = ContentHash()
        hash.update(text)
        return try writeTransaction { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO plan_run (name, file, text_hash, text, loaded_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, file, hash.hex, text, loadedAt])
            return db.changesCount > 0
        }
    }
}
