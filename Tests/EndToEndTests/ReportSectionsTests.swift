import Foundation
import TestSupport
import Testing

/// What `report` gives a user for the seed plan beyond the golden fixtures: savings per lever from the plan's
/// variants and the validation against the bundled load test.
@Suite struct ReportSectionsTests {
    @Test func theSeedReportHasLeversAndValidation() throws {
        let cli = try CLI()
        let r = try cli.run(["report", "plans/traffic-tacos.yaml", "--as-of", "2026-11-01", "--evidence", "reference"])
        #expect(r.status == 0, "\(r.stderr)")
        // Valkey on the same 10 × cache.m7g.xlarge saves 10 × ($0.315 − $0.252) × 730 h = $459.90 a month.
        #expect(r.stdout.contains("| valkey: Valkey vs Redis OSS | \\$459.90 |"))
        // 300,000 users ÷ 5 s = 60,000 status requests/s: 2× the 30,000 RPS the load test reached.
        #expect(r.stdout.contains("Load-test envelope: FAILS"))
        #expect(r.stdout.contains("60,000 RPS is 2× (30,000 RPS) beyond the highest measured position_index step"))
        #expect(r.stderr.contains("written only with -o DIR"))
    }

    @Test func csvToADirectoryWritesNoChartsFolder() throws {
        let cli = try CLI()
        let out = cli.scratch.appendingPathComponent("out").path
        let r = try cli.run([
            "report", "plans/traffic-tacos.yaml", "--format", "csv", "-o", out, "--as-of", "2026-11-01",
            "--evidence", "reference",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/costs.csv"))
        #expect(!FileManager.default.fileExists(atPath: out + "/charts"))
    }
}
