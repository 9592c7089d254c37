import Foundation
import TestSupport
import Testing

/// Issue 19: terminal output a person can read. Without `$COLUMNS` and not on a terminal, tables and prose fit
/// 120 columns; with `COLUMNS=80` they fit 80 where the numbers allow.
@Suite struct TerminalWidthTests {
    static func widest(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }

    @Test func estimateSearchAndCompareFit120ColumnsWhenNotATerminal() throws {
        let cli = try CLI()
        let seed = "plans/traffic-tacos.yaml"
        // Before issue 19 one `estimate` line was 965 columns and 36 of 125 lines passed 120.
        for args in [
            ["estimate", seed], ["explain", seed], ["search", seed], ["compare", seed],
            ["sweep", seed, "--users", "100k..1M", "--steps", "4"], ["simulate", seed],
        ] {
            let r = try cli.run(args + ["--as-of", "2024-10-31"], environment: ["COLUMNS": ""])
            #expect(r.status == 5 && !r.stdout.isEmpty)
            #expect(Self.widest(r.stdout) <= 120, "\(args[0]): \(Self.widest(r.stdout)) columns")
        }
    }

    @Test func columnsNarrowsTheTables() throws {
        let cli = try CLI()
        let args = ["estimate", "plans/traffic-tacos.yaml", "--as-of", "2024-10-31"]
        let narrow = try cli.run(args, environment: ["COLUMNS": "100"])
        let wide = try cli.run(args, environment: ["COLUMNS": "200"])
        // Text columns fold down to 16 characters; numbers never fold, so 100 is approached, not promised.
        #expect(Self.widest(narrow.stdout) < Self.widest(wide.stdout))
        #expect(Self.widest(wide.stdout) <= 200)
        #expect(narrow.stdout.contains("$2,299.50") && wide.stdout.contains("$2,299.50"))
    }
}
