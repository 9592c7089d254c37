import Foundation
import TestSupport
import Testing

/// Bad options through the built binary: exit 2 with ArgumentParser's usage message, nothing on stdout, never a
/// crash report (bad plans are tested in process by `BadPlanTests`).
@Suite struct BadInputTests {
    /// A bad option exits 2 (invalid input), as `tacoplan --help` documents — not ArgumentParser's own 64
    /// (`Tacoplan.main` maps it) — with ArgumentParser's usage message.
    @Test(arguments: [["--as-of", "2024-13-01"], ["--format", "xml"], ["--bogus"]])
    func badOptionIsAnInputError(_ option: [String]) throws {
        let cli = try CLI()
        let r = try cli.run(["estimate", "plans/traffic-tacos.yaml"] + option)
        #expect(!r.crashed)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Usage: tacoplan estimate"))
        if option.first == "--as-of" {
            #expect(r.stderr.contains("--as-of '2024-13-01' is not a date; write YYYY-MM-DD"))
        }
        #expect(r.status == 2)
    }
}
