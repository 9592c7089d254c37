import Foundation
import Testing

@testable import TacoCore

/// Plan text the decoder must refuse, each with file:line:column, what was expected, and a fix. Every case is a
/// small edit of `Fixture.minimal` (line map in Fixtures.swift).
@Suite struct PlanDecodingTests {
    func only(_ text: String) throws -> PlanProblem {
        let problems = Fixture.problems(text)
        try #require(problems.count == 1, "expected one problem, got \(problems.map(\.description))")
        return try #require(problems.first)
    }

    func at(_ line: Int, _ column: Int) -> TacoCore.SourceLocation {
        TacoCore.SourceLocation(file: "plan.yaml", line: line, column: column)
    }

    @Test func theMinimalPlanDecodesWithDefaults() throws {
        let (plan, provenance) = try Fixture.decode(Fixture.minimal)
        #expect(plan.event.window.value == 1800)
        #expect(plan.admission.maxBackendUtilization == 0.7)
        #expect(plan.redis.replicas == 1)
        // Values written in the plan carry their location; defaults say so.
        #expect(provenance.origin(of: "event.users") == "plan.yaml:6:10")
        #expect(provenance.origin(of: "admission.max_backend_utilization").hasPrefix("default: "))
    }

    @Test func theSeedPlanDecodes() throws {
        let (plan, provenance) = try Fixture.decode(try Fixture.seedText(), file: "plans/traffic-tacos.yaml")
        #expect(plan.event.users == 300_000)
        #expect(plan.apis.map(\.name) == ["join", "status", "enter", "reserve"])
        #expect(plan.gateway.interruptionLimit == .under5)
        #expect(plan.gateway.requestedInterruption == "<2%")
        // plans/traffic-tacos.yaml line 10 `  seats: 10000` → column 10.
        #expect(provenance.origin(of: "event.seats") == "plans/traffic-tacos.yaml:10:10")
    }

    @Test func malformedYAMLIsLocated() throws {
        // Line 5 `  seats: 10000: 5`: a second `: ` inside a plain value; the colon is the 15th character.
        let p = try only(try Fixture.variant(Fixture.minimal, "seats: 10000", "seats: 10000: 5"))
        #expect(p.location?.line == 5)
        #expect(p.location?.column == 15)
        #expect(p.message.hasPrefix("malformed YAML: "))
        #expect(p.fix?.contains("indentation") == true)
    }

    @Test func aTabIsMalformedYAML() throws {
        // Line 4 starts with a tab instead of two spaces.
        let p = try only(try Fixture.variant(Fixture.minimal, "  window: 30m", "\twindow: 30m"))
        #expect(p.location?.line == 4)
        #expect(p.message.hasPrefix("malformed YAML: "))
        #expect(p.fix?.contains("not tabs") == true)
    }

    @Test func duplicateKeyIsReportedNotSilentlyReplaced() throws {
        // A second `users:` on line 7; the first one is line 6, column 3.
        let p = try only(try Fixture.variant(Fixture.minimal, "  users: 300000\n", "  users: 300000\n  users: 5\n"))
        #expect(p.message == "duplicate key 'users' in the same mapping")
        #expect(p.location == at(6, 3))
        #expect(p.fix?.contains("keep one") == true)
    }

    @Test func wrongTypeSaysWhatWasExpected() throws {
        // Line 6 `  users: many`: the value starts after 2 + 6 + 1 = 9 characters → column 10.
        let p = try only(try Fixture.variant(Fixture.minimal, "users: 300000", "users: many"))
        #expect(p.path == "event.users")
        #expect(p.location == at(6, 10))
        #expect(p.message == "expected a whole number, found 'many'")
        #expect(p.fix == "write e.g. `users: 1`")
    }

    @Test func aMappingWhereANumberBelongsIsReported() throws {
        let p = try only(try Fixture.variant(Fixture.minimal, "users: 300000", "users: { n: 1 }"))
        #expect(p.message == "expected a whole number, found a mapping")
        #expect(p.location == at(6, 10))
    }

    @Test func unknownKeySuggestsTheKnownOne() throws {
        // `usres` on line 6 column 3 is unknown, and `users` is then missing (reported at the event mapping, 3:3).
        let problems = Fixture.problems(try Fixture.variant(Fixture.minimal, "users: 300000", "usres: 300000"))
        #expect(problems.count == 2)
        let unknown = try #require(problems.first { $0.message == "unknown field 'usres'" })
        #expect(unknown.location == at(6, 3))
        #expect(unknown.path == "event.usres")
        #expect(unknown.fix?.hasPrefix("did you mean 'users'?") == true)
        let missing = try #require(problems.first { $0.path == "event.users" })
        #expect(missing.message == "is required (a whole number)")
        #expect(missing.fix == "add `users: 300000` under `event`")
        #expect(missing.location == at(3, 3))
    }

    @Test func zeroSeatsIsRefused() throws {
        // Line 5 `  seats: 0` → column 10.
        let p = try only(try Fixture.variant(Fixture.minimal, "seats: 10000", "seats: 0"))
        #expect(p.location == at(5, 10))
        #expect(p.message == "must be at least 1, found 0")
        #expect(p.fix == "use a value ≥ 1")
    }

    @Test func negativeUsersIsRefused() throws {
        let p = try only(try Fixture.variant(Fixture.minimal, "users: 300000", "users: -5"))
        #expect(p.location == at(6, 10))
        #expect(p.message == "must be at least 1, found -5")
    }

    @Test func zeroPollIntervalIsRefused() throws {
        // Line 10 `  status_poll: 0s`: 2 + 12 + 1 = 15 characters → column 16.
        let p = try only(try Fixture.variant(Fixture.minimal, "status_poll: 5s", "status_poll: 0s"))
        #expect(p.path == "clients.status_poll")
        #expect(p.location == at(10, 16))
        #expect(p.message == "must be longer than zero, found '0s'")
        #expect(p.fix == "e.g. `status_poll: 5s`")
    }

    @Test func aBareNumberIsNotAPollInterval() throws {
        let p = try only(try Fixture.variant(Fixture.minimal, "status_poll: 5s", "status_poll: 5"))
        #expect(p.location == at(10, 16))
        #expect(p.message == "'5' has no unambiguous unit")
    }

    @Test func ambiguousSizeUnitIsRefused() throws {
        // New line 11 `  response_bytes: 1K`: 2 + 15 + 1 = 18 characters → column 19.
        let text = try Fixture.variant(Fixture.minimal, "status_poll: 5s", "status_poll: 5s\n  response_bytes: 1K")
        let p = try only(text)
        #expect(p.path == "clients.response_bytes")
        #expect(p.location == at(11, 19))
        #expect(p.message == "'1K' is ambiguous")
        #expect(p.fix == "write KB (1,000 B) or KiB (1,024 B)")
    }

    @Test func ambiguousDurationUnitIsRefused() throws {
        // Line 4 `  window: 30M`: 2 + 7 + 1 = 10 characters → column 11. M could be months.
        let p = try only(try Fixture.variant(Fixture.minimal, "window: 30m", "window: 30M"))
        #expect(p.location == at(4, 11))
        #expect(p.message == "'30M' has no unambiguous unit")
        #expect(p.fix?.contains("min (minutes)") == true)
    }

    @Test func emptyFileSaysWhatAPlanNeeds() throws {
        for text in ["", "   \n\n"] {
            let p = try only(text)
            #expect(p.location == nil)
            #expect(p.message == "the file is empty")
            #expect(p.fix?.contains("event, clients, admission, redis and gateway") == true)
        }
    }

    @Test func aCommentOnlyFileIsNotAPlan() throws {
        let problems = Fixture.problems("# nothing here\n")
        #expect(!problems.isEmpty)
    }

    @Test func everyProblemIsReportedAtOnceInFileOrder() throws {
        var text = try Fixture.variant(Fixture.minimal, "seats: 10000", "seats: 0")
        text = try Fixture.variant(text, "users: 300000", "users: many")
        text = try Fixture.variant(text, "status_poll: 5s", "status_poll: 0s")
        text = try Fixture.variant(text, "backend_capacity: 3000", "backend_capacty: 3000")
        let problems = Fixture.problems(text)
        // seats (5:10), users (6:10), status_poll (10:16), the unknown key (17:3) and the now-missing
        // backend_capacity (reported at the admission mapping, 17:3): 5 problems, sorted by line then column.
        #expect(problems.count == 5)
        #expect(problems.map { $0.location?.line ?? 0 } == [5, 6, 10, 17, 17])
        #expect(problems.map(\.path).prefix(3) == ["event.seats", "event.users", "clients.status_poll"])
        #expect(Set(problems.suffix(2).map(\.path)) == ["admission.backend_capacty", "admission.backend_capacity"])
        let unknown = try #require(problems.first { $0.path == "admission.backend_capacty" })
        #expect(unknown.fix?.hasPrefix("did you mean 'backend_capacity'?") == true)
    }

    @Test func aMissingSectionIsNamed() throws {
        let text = try Fixture.variant(
            Fixture.minimal, "gateway:\n  rps_per_pod: 1667\n  node_candidates: [c7g.xlarge]\n", "")
        let problems = Fixture.problems(text)
        #expect(problems.contains { $0.message == "section 'gateway' is missing" })
    }

    @Test func problemDescriptionCarriesLocationMessageAndFix() throws {
        let p = try only(try Fixture.variant(Fixture.minimal, "users: 300000", "users: many"))
        #expect(
            p.description
                == "plan.yaml:6:10: error: event.users: expected a whole number, found 'many'\n    fix: write e.g. `users: 1`"
        )
    }
}
