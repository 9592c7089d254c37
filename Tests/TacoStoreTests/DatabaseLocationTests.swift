import Foundation
import GRDB
import Testing

@testable import TacoStore

@Suite struct DatabaseLocationTests {
    @Test func optionBeatsEnvironmentBeatsXDGBeatsHome() {
        let env = ["TACOPLAN_DB": "/env/db.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]
        #expect(DatabaseLocation.resolve(option: "/opt/db.sqlite", environment: env) == "/opt/db.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: env) == "/env/db.sqlite")
        #expect(
            DatabaseLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/u"])
                == "/xdg/tacoplan/tacoplan.sqlite")
        #expect(
            DatabaseLocation.resolve(option: nil, environment: ["HOME": "/home/u"])
                == "/home/u/.local/share/tacoplan/tacoplan.sqlite")
    }

    @Test func openingCreatesParentDirectoriesAndUsesWAL() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tacoplan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a/b/tacoplan.sqlite").path
        let db = try TacoDatabase.open(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try db.integrityCheck() == "ok")
        let mode = try db.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Reopening applies no migration twice.
        _ = try TacoDatabase.open(path: path)
    }
}
