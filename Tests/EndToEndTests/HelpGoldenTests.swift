import Foundation
import TestSupport
import Testing

/// `--help` of every command against a golden file in Golden/help/ (`TACOPLAN_RECORD=1` rewrites them and fails).
@Suite struct HelpGoldenTests {
    static let commands: [[String]] = [
        [], ["estimate"], ["explain"], ["search"], ["compare"], ["report"], ["validate"], ["pricing"],
        ["pricing", "import"], ["pricing", "list"], ["pricing", "show"], ["pricing", "fetch"], ["pricing", "coverage"],
        ["bench"], ["bench", "redis"], ["ingest"],
        ["sweep"], ["simulate"], ["bill"], ["bill", "import"], ["bill", "list"], ["reconcile"],
        ["observe"],
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/help")

    @Test(arguments: commands)
    func helpMatchesItsGolden(_ command: [String]) throws {
        let cli = try CLI()
        // A fixed width: ArgumentParser wraps help to $COLUMNS.
        let r = try cli.run(command + ["--help"], environment: ["COLUMNS": "100"], addDB: false)
        #expect(r.status == 0, "\(r.stderr)")
        let name = command.isEmpty ? "tacoplan" : command.joined(separator: "-")
        try GoldenFile.check(r.stdout, Self.directory.appendingPathComponent("\(name).txt"))
    }

    /// `bench redis` documents every exit code it can return (it never exits 1).
    @Test func benchRedisHelpListsItsExitCodes() throws {
        let r = try CLI().run(["bench", "redis", "--help"], environment: ["COLUMNS": "100"], addDB: false)
        let text = r.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        for code in ["0 measured", "2 invalid option", "6 redis-cli", "7 the server did not start"] {
            #expect(text.contains(code), "\(code)")
        }
    }
}
