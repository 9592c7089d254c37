import Foundation
import TestSupport
import Testing

/// Small things a newcomer trips over (issue 22): `--version` prints the one version constant, and `explain --only`
/// with a prefix no figure has is invalid input naming the prefixes it knows, not an empty listing with exit 0.
@Suite struct NewcomerTests {
    let seed = "plans/traffic-tacos.yaml"

    /// The version is written once, in Sources/TacoApp/Version.swift; `--version` prints exactly that string.
    @Test func versionPrintsTheOneConstant() throws {
        let source = try String(
            contentsOf: CLI.root.appendingPathComponent("Sources/TacoApp/Version.swift"), encoding: .utf8)
        let match = try #require(source.firstMatch(of: /static let current = "([0-9]+\.[0-9]+\.[0-9]+)"/))
        let r = try CLI().run(["--version"], addDB: false)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(match.1)\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func explainOnlyWithAnUnknownPrefixExits2NamingTheKnownPrefixes() throws {
        let cli = try CLI()
        let r = try cli.run(["explain", seed, "--as-of", "2024-10-31", "--evidence", "reference", "--only", "nosuch"])
        #expect(r.status == 2, "\(r.stderr)")
        // No header and no figures: nothing matched, so nothing is explained.
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: --only nosuch matches no figure of this estimate\n"))
        // The nearest name to "nosuch" is "cost." at 4 edits, over the guess limit max(2, 6 / 3) = 2: no guess.
        #expect(!r.stderr.contains("did you mean"))
        // Every figure group of an estimate is named, in the estimate's order.
        for group in ["traffic.", "admission.", "redis.", "gateway.", "dynamodb.", "cost."] {
            #expect(r.stderr.contains(group), "\(group) missing from \(r.stderr)")
        }
    }

    @Test func explainOnlyWithATypoSuggestsTheNearestFigure() throws {
        let cli = try CLI()
        let r = try cli.run([
            "explain", seed, "--as-of", "2024-10-31", "--evidence", "reference", "--only", "redis.shrads",
        ])
        #expect(r.status == 2, "\(r.stderr)")
        // "shrads" → "shards" is two substitutions, within the guess limit max(2, 12 / 3) = 4, so it is offered.
        #expect(r.stderr.contains("(did you mean redis.shards?)"), "\(r.stderr)")
    }

    @Test func explainOnlyWithAKnownPrefixListsOnlyThoseFigures() throws {
        let cli = try CLI()
        let r = try cli.run([
            "explain", seed, "--as-of", "2024-10-31", "--evidence", "reference", "--only", "redis.shards",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let ids = r.stdout.matches(of: #/ \[([a-z_.]+)\] = /#).map { String($0.1) }
        // "redis.shards" is a whole id and a prefix of no other id.
        #expect(ids == ["redis.shards"])
    }
}
