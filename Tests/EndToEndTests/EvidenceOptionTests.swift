import Foundation
import TestSupport
import Testing

/// One `--evidence` option: `--calibrated` stays as a hidden alias of `--evidence calibrated` (the same request, so
/// the same bytes), and contradicting it is an option error (exit 2).
@Suite struct EvidenceOptionTests {
    @Test func theHiddenAliasIsTheSameChoice() throws {
        let cli = try CLI()
        let base = ["estimate", "plans/traffic-tacos.yaml", "--as-of", "2026-11-01"]
        let alias = try cli.run(base + ["--calibrated"])
        let option = try cli.run(base + ["--evidence", "calibrated"])
        #expect(alias.status == option.status)
        #expect(alias.stdout == option.stdout)
        #expect(alias.stderr == option.stderr)
        let help = try cli.run(["estimate", "--help"])
        #expect(!help.stdout.contains("--calibrated"))
        #expect(help.stdout.contains("--evidence"))
    }

    @Test func contradictingTheAliasIsAnOptionError() throws {
        let cli = try CLI()
        let r = try cli.run([
            "estimate", "plans/traffic-tacos.yaml", "--as-of", "2026-11-01", "--calibrated", "--evidence", "reference",
        ])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--calibrated means --evidence calibrated"))
    }
}
