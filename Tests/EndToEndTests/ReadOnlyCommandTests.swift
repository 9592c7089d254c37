import Foundation
import GRDB
import TestSupport
import Testing

@testable import TacoStore

/// Read commands open the database read-only (issue 13): they run during an import that holds the write
/// transaction, on a chmod 444 file, and refuse a database from a newer tacoplan or a device path with exit 4.
@Suite struct ReadOnlyCommandTests {
    let seed = "plans/traffic-tacos.yaml"

    @Test func estimateCompletesWhileAnImportHoldsTheWriteTransaction() throws {
        let cli = try CLI()
        let args = ["estimate", seed, "--as-of", "2024-10-31", "--evidence", "reference", "--format", "json"]
        #expect(try cli.run(args).status == 0)
        // This test process plays the importer: its connection takes the write lock (BEGIN IMMEDIATE) and deletes
        // every price without committing, as `pricing import` does for the length of a file.
        let importer = try DatabaseQueue(path: cli.db)
        try importer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "DELETE FROM price")
            for _ in 0..<3 {
                let started = Date()
                let r = try cli.run(args)
                let seconds = Date().timeIntervalSince(started)
                #expect(r.status == 0, "\(r.stderr)")
                // A writer would wait the 30 s busy timeout and then fail with "database is locked".
                #expect(seconds < TacoDatabase.busyTimeout / 3)
                // The committed prices, not the uncommitted delete: 1,000/s × 1,800 s × $0.00000125 = $2.25.
                #expect(try EstimateJSON(r.stdout).section("dynamodb")["ceilingCost"] as? String == "2.25")
                #expect(r.stderr.contains("the plan run was not recorded"))
                #expect(r.stderr.contains("another process is writing it"))
            }
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func estimateWorksOnAReadOnlyFileThroughAReadOnlyConnection() throws {
        let cli = try CLI()
        let args = ["estimate", seed, "--as-of", "2024-10-31", "--evidence", "reference", "--format", "json"]
        #expect(try cli.run(args).status == 0)
        #expect(chmod(cli.db, 0o444) == 0)
        let r = try cli.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try EstimateJSON(r.stdout).section("dynamodb")["ceilingCost"] as? String == "2.25")
        // CI runs as root, where chmod does not stop writes: the connection openForReading reads through
        // (`readOnly(path:)`) is checked directly with sqlite3_db_readonly.
        #expect(try TacoDatabase.readOnly(path: cli.db).isReadOnly)
    }

    @Test func everyCommandRefusesADatabaseFromANewerTacoplan() throws {
        let cli = try CLI()
        #expect(try cli.run(["estimate", seed, "--as-of", "2024-10-31", "--evidence", "reference"]).status == 0)
        try DatabaseQueue(path: cli.db).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9 from the future')")
        }
        let price = try cli.write("empty.csv", "")
        let commands: [[String]] = [
            ["estimate", seed], ["explain", seed], ["search", seed], ["compare", seed], ["validate", seed],
            ["report", seed], ["pricing", "list"], ["pricing", "show", "m7g.xlarge"], ["pricing", "import", price],
            ["ingest", "--list"],
        ]
        for command in commands {
            let r = try cli.run(command)
            #expect(r.status == 4, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("'v9 from the future'"), "\(command)")
            #expect(r.stderr.contains(cli.db), "\(command)")
            #expect(!r.crashed)
        }
    }

    @Test func aDevicePathIsRefusedWithoutCreatingALockFile() throws {
        let cli = try CLI()
        let lockExisted = FileManager.default.fileExists(atPath: "/dev/null.lock")
        for command in [["estimate", seed], ["pricing", "list"]] {
            let r = try cli.run(command, db: "/dev/null")
            #expect(r.status == 4)
            #expect(r.stderr.contains("/dev/null is a character device, not a database file"))
        }
        if !lockExisted { #expect(!FileManager.default.fileExists(atPath: "/dev/null.lock")) }
    }
}
