import Foundation
import TestSupport
import Testing

/// The shared runner (TestSupport `CLI`) for tests that name their own database: no `--db` is added.
enum Tacoplan {
    static let binary = CLI.binary.path
    static let bench = CLI.root.appendingPathComponent(".build/debug/tacoplan-bench").path

    static func start(_ executable: String, _ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        try CLI.start(executable, arguments)
    }

    static func run(_ arguments: [String], executable: String = binary) throws -> CLIResult {
        try CLI().program(executable, arguments)
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tacoplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `SELECT COUNT(*) FROM price` and `PRAGMA integrity_check` through the sqlite3 shell.
    static func sqlite(_ db: String, _ sql: String) throws -> String {
        try run([db, sql], executable: "/usr/bin/sqlite3").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite(.serialized) struct PricingCommandTests {
    @Test func importListAndShowASmallEC2File() throws {
        let dir = try Tacoplan.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db/tacoplan.sqlite").path
        let csv = dir.appendingPathComponent("ec2.csv").path
        _ = try Tacoplan.run(["generate-ec2-csv", "2000", csv], executable: Tacoplan.bench)
        let first = try Tacoplan.run(["pricing", "import", "--db", db, csv])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2000 rows read"))
        let again = try Tacoplan.run(["pricing", "import", "--db", db, csv])
        #expect(again.stdout.contains(", 0 new"))
        let list = try Tacoplan.run(["pricing", "list", "--db", db, "--as-of", "2026-01-01"])
        #expect(list.status == 0)
        // One row per region and service; us-east-1 EC2 now mixes the bundled book and the imported file.
        #expect(list.stdout.contains("us-east-1       ec2          2025-09-01"))
        #expect(list.stdout.contains("aws-price-list,confirmed"))
        #expect(list.stdout.components(separatedBy: "\nus-east-1       ec2 ").count == 2)
        let show = try Tacoplan.run(["pricing", "show", "m7g.xlarge", "--db", db, "--as-of", "2026-01-01"])
        #expect(show.status == 0 && show.stdout.contains("* ec2 us-east-1 linux on-demand"))
        let missing = try Tacoplan.run(["pricing", "show", "no.such", "--db", db])
        #expect(missing.status == 2 && missing.stderr.contains("no prices for 'no.such'"))
    }

    @Test func badFilesFailClearlyAndChangeNothing() throws {
        let dir = try Tacoplan.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("tacoplan.sqlite").path
        let empty = dir.appendingPathComponent("empty.csv").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        _ = try Tacoplan.run(["pricing", "list", "--db", db])
        let before = try Tacoplan.sqlite(db, "SELECT COUNT(*) FROM price")
        let result = try Tacoplan.run(["pricing", "import", "--db", db, empty])
        #expect(result.status == 2)
        #expect(result.stderr.contains("empty.csv: the file is empty"))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try Tacoplan.sqlite(db, "SELECT COUNT(*) FROM price") == before)
    }

    @Test func aKilledImportLeavesTheDatabaseAsBefore() throws {
        let dir = try Tacoplan.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("tacoplan.sqlite").path
        let csv = dir.appendingPathComponent("big.csv").path
        _ = try Tacoplan.run(["generate-ec2-csv", "400000", csv], executable: Tacoplan.bench)
        _ = try Tacoplan.run(["pricing", "list", "--db", db])
        let before = try Tacoplan.sqlite(db, "SELECT COUNT(*) FROM price; SELECT COUNT(*) FROM import_run")
        let (process, _, _) = try Tacoplan.start(Tacoplan.binary, ["pricing", "import", "--db", db, csv])
        Thread.sleep(forTimeInterval: 0.8)
        #expect(process.isRunning, "the import finished before it could be killed; use a bigger file")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Tacoplan.sqlite(db, "PRAGMA integrity_check") == "ok")
        #expect(try Tacoplan.sqlite(db, "SELECT COUNT(*) FROM price; SELECT COUNT(*) FROM import_run") == before)
    }

    @Test func concurrentImportsWaitForEachOtherAndAllSucceed() throws {
        let dir = try Tacoplan.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("tacoplan.sqlite").path
        var files: [String] = []
        for n in 0..<3 {
            let csv = dir.appendingPathComponent("ec2-\(n).csv").path
            _ = try Tacoplan.run(["generate-ec2-csv", "\(30_000 + n * 10_000)", csv], executable: Tacoplan.bench)
            files.append(csv)
        }
        let runs = try files.map { try Tacoplan.start(Tacoplan.binary, ["pricing", "import", "--db", db, $0]) }
        for (process, out, err) in runs {
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            _ = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(stderr)")
        }
        #expect(try Tacoplan.sqlite(db, "SELECT COUNT(*) FROM import_run") == "3")
        #expect(try Tacoplan.sqlite(db, "PRAGMA integrity_check") == "ok")
    }
}
