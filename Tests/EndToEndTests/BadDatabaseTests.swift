import Foundation
import TestSupport
import Testing

/// Issue 9 acceptance: every command that takes `--db`, given a directory, a file of random bytes or a path in a
/// missing read-only location, exits 4 and names the path.
@Suite struct BadDatabaseTests {
    /// Every command with `--db`, with arguments that are otherwise valid (prices pinned with --as-of).
    static let commands: [[String]] = [
        ["estimate", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01"],
        ["explain", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01"],
        ["search", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01"],
        ["compare", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01"],
        ["report", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01"],
        ["validate", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01"],
        ["pricing", "list", "--as-of", "2026-09-01"],
        ["pricing", "show", "m7g.xlarge", "--as-of", "2026-09-01"],
        ["pricing", "import", "pricing/prices.csv"],
        ["ingest", "--list"],
        ["sweep", "plans/traffic-tacos.yaml", "--users", "100k..200k", "--steps", "2", "--as-of", "2026-09-01"],
        ["simulate", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01"],
        [
            "reconcile", "plans/traffic-tacos.yaml", "--from", "2026-01-01", "--to", "2026-01-02", "--as-of",
            "2026-09-01",
        ],
        ["bill", "list"],
        ["bill", "import", "Tests/Fixtures/focus/focus_sample.csv"],
        ["pricing", "coverage", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01"],
        ["pricing", "fetch", "--region", "us-west-2", "--endpoint", "http://127.0.0.1:9"],
        ["observe", "plans/traffic-tacos.yaml", "--as-of", "2026-09-01", "--format", "markdown"],
    ]

    enum BadPath: String, CaseIterable {
        case directory, randomBytes, missingReadOnly
    }

    @Test(arguments: BadPath.allCases)
    func everyCommandExits4NamingTheDatabase(_ kind: BadPath) throws {
        let cli = try CLI()
        let path: String
        switch kind {
        case .directory:
            path = cli.scratch.appendingPathComponent("a-directory").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        case .randomBytes:
            var generator = SystemRandomNumberGenerator()
            path = try cli.write(
                "random.sqlite", Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        case .missingReadOnly:
            // /proc is read-only and holds no such directory: it can be neither found nor created.
            path = "/proc/tacoplan-missing/tacoplan.sqlite"
        }
        for command in Self.commands {
            let r = try cli.run(command, db: path)
            #expect(r.status == 4, "\(command.joined(separator: " ")) with --db \(kind): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(path), "\(command.joined(separator: " ")): \(r.stderr)")
            #expect(!r.crashed)
        }
    }
}
