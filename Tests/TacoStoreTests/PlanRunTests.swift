import Foundation
import GRDB
import Testing

@testable import TacoStore

/// `plan_run.loaded_at` is the time a plan was loaded (the caller's clock); the day its prices were read as of is
/// `as_of` (migration "v5 plan run as-of day").
@Suite struct PlanRunTests {
    @Test func loadTimeAndAsOfDayHaveTheirOwnColumns() throws {
        let db = try TacoDatabase.inMemory()
        try db.recordPlan(
            name: "seed", file: "plans/seed.yaml", text: "a: 1\n", loadedAt: "2026-09-01T12:34:56Z",
            asOf: "2024-10-31")
        let row = try db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT loaded_at, as_of FROM plan_run")
        }
        let r = try #require(row)
        #expect(r["loaded_at"] as String? == "2026-09-01T12:34:56Z")
        #expect(r["as_of"] as String? == "2024-10-31")
    }

    @Test func theMigrationMovesADayStoredAsTheLoadTimeToAsOf() throws {
        // A database written before v5 held the as-of day in loaded_at: migrate up to v4, write such a row, then
        // finish the migrations.
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v4 price list fetch validators")
        try queue.write { db in
            let insert = "INSERT INTO plan_run (name, file, text_hash, text, loaded_at) VALUES (?, ?, 'h', 't', ?)"
            try db.execute(sql: insert, arguments: ["p", "p.yaml", "2024-10-31"])
            try db.execute(sql: insert, arguments: ["q", "q.yaml", "2026-09-01T00:00:00Z"])
        }
        try Schema.migrator.migrate(queue)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, as_of FROM plan_run ORDER BY name").map {
                ($0["name"] as String, $0["as_of"] as String?)
            }
        }
        #expect(rows.map(\.0) == ["p", "q"])
        #expect(rows.map(\.1) == ["2024-10-31", nil])
    }
}
