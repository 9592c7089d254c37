import Foundation
import TestSupport
import Testing

/// `--fail-on` through the built binary: the process's exit code is the one the verdict line prints (the assessment
/// itself is tested in process by `AssessmentUseCaseTests`).
@Suite struct AssessmentAcceptanceTests {
    static let seed = "plans/traffic-tacos.yaml"

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func decimal(_ any: Any?) -> Decimal? { (any as? String).flatMap { Decimal(string: $0) } }

    /// The text with lines folded to the terminal width joined again (a continuation line is indented).
    static func flat(_ s: String) -> String {
        s.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
    }

    /// `--fail-on` gates CI: the seed exits 0 with never; the AT RISK regional plan exits 8 with at-risk, and the
    /// printed "(exit N)" is the real code.
    @Test func failOnChoosesWhichVerdictFailsTheRun() throws {
        let cli = try CLI()
        let never = try cli.run(["estimate", Self.seed, "--as-of", "2024-10-31", "--fail-on", "never"])
        #expect(never.status == 0 && never.stdout.contains("(exit 0;"))
        let risk = try cli.run([
            "estimate", "plans/regional-sale.yaml", "--as-of", "2026-11-01", "--fail-on", "at-risk",
        ])
        #expect(risk.status == 8 && risk.stdout.contains("Verdict: AT RISK  (exit 8;"))
        // Prices before any price in force: most lines UNPRICED → 3, and the verdict line says 3.
        let old = try cli.run(["estimate", Self.seed, "--as-of", "2020-01-01"])
        #expect(old.status == 3 && old.stdout.contains("(exit 3;"))
    }
}
