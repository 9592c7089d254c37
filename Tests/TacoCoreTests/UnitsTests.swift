import Foundation
import Testing

@testable import TacoCore

/// Durations and sizes as a plan writes them: explicit units, decimal KB vs binary KiB, ambiguous spellings refused.
@Suite struct UnitsTests {
    func seconds(_ text: String) throws -> Double { try Seconds.parse(text).get().value }
    func bytes(_ text: String) throws -> Double { try Bytes.parse(text).get().value }

    @Test func durationsConvertToSeconds() throws {
        #expect(try seconds("30m") == 1800)  // 30 × 60 s
        #expect(try seconds("30min") == 1800)
        #expect(try seconds("5s") == 5)
        #expect(try seconds("250ms") == 0.25)  // 250 × 0.001 s
        #expect(try seconds("1h") == 3600)
        #expect(try seconds("2d") == 172_800)  // 2 × 86,400 s
        #expect(try seconds("1.5h") == 5400)  // 1.5 × 3,600 s
    }

    @Test func sizesUseDecimalKBAndBinaryKiB() throws {
        #expect(try bytes("1KB") == 1000)
        #expect(try bytes("1KiB") == 1024)
        #expect(try bytes("350B") == 350)
        #expect(try bytes("2GiB") == 2_147_483_648)  // 2 × 1,073,741,824
        #expect(try bytes("1.5KB") == 1500)
        #expect(try bytes("2GB") == 2_000_000_000)
    }

    @Test(arguments: ["1K", "1kb", "1Mb", "1kB", "1M"])
    func ambiguousSizesAreRefused(_ text: String) {
        guard case .failure(let error) = Bytes.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.message == "'\(text)' is ambiguous")
        #expect(error.fix.hasPrefix("write "))
    }

    @Test func bitsAreNotBytes() {
        guard case .failure(let error) = Bytes.parse("1Mb") else {
            Issue.record("'1Mb' was accepted")
            return
        }
        #expect(error.fix.contains("lower-case b means bits"))
    }

    @Test func aSizeWithoutAUnitIsRefused() {
        #expect(
            Bytes.parse("1000")
                == .failure(UnitError(message: "'1000' has no unit", fix: "write 1000B, 1000KB or 1000KiB")))
    }

    @Test func aBareNumberIsNotADuration() {
        guard case .failure(let error) = Seconds.parse("5") else {
            Issue.record("'5' was accepted as a duration")
            return
        }
        #expect(error.message == "'5' has no unambiguous unit")
        #expect(error.fix.contains("5s"))
    }

    @Test func capitalMIsNotMinutes() {
        guard case .failure(let error) = Seconds.parse("30M") else {
            Issue.record("'30M' was accepted as a duration")
            return
        }
        #expect(error.message == "'30M' has no unambiguous unit")
        #expect(error.fix.contains("min (minutes)"))
    }

    @Test func unknownUnitsAndTextAreRefused() {
        #expect((try? Seconds.parse("5 weeks").get()) == nil)
        #expect((try? Seconds.parse("soon").get()) == nil)
        #expect((try? Bytes.parse("1 furlong").get()) == nil)
    }

    @Test func zeroDurationParsesButAPlanRefusesIt() throws {
        // The unit parser reads 0s as 0 s; the plan reader rejects a zero interval (see PlanDecodingTests).
        #expect(try seconds("0s") == 0)
        let text = try Fixture.variant(Fixture.minimal, "status_poll: 5s", "status_poll: 0s")
        #expect(Fixture.problems(text).map(\.message) == ["must be longer than zero, found '0s'"])
    }
}

/// Calendar days: strict YYYY-MM-DD, real dates only, ordered by calendar.
@Suite struct DayTests {
    @Test func parsesISODatesAndIgnoresATimePart() throws {
        let d = try Fixture.day("2024-11-01")
        #expect(d.year == 2024 && d.month == 11 && d.day == 1)
        #expect(Day(iso: "2024-11-01T00:00:00Z") == d)
        #expect(d.description == "2024-11-01")
        #expect(Day(year: 2026, month: 3, day: 7)?.description == "2026-03-07")
    }

    @Test(arguments: [
        "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-11-01", "2024-1-01", "2024/11/01", "",
    ])
    func refusesImpossibleOrMisspelledDates(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func leapDayExistsOnlyInLeapYears() {
        #expect(Day(iso: "2024-02-29") != nil)  // 2024 ÷ 4, not a century
        #expect(Day(iso: "2000-02-29") != nil)  // 2000 ÷ 400
        #expect(Day(iso: "1900-02-29") == nil)  // 1900 ÷ 100, not ÷ 400
    }

    @Test func ordersByCalendar() throws {
        #expect(try Fixture.day("2024-10-31") < Fixture.day("2024-11-01"))
        #expect(try Fixture.day("2024-12-31") < Fixture.day("2025-01-01"))
        #expect(try Fixture.day("2024-02-09") < Fixture.day("2024-02-10"))
        #expect(try !(Fixture.day("2024-11-01") < Fixture.day("2024-11-01")))
        let sorted = try ["2026-11-01", "2023-09-18", "2024-11-01", "2024-07-01"].map(Fixture.day).sorted()
        #expect(sorted.map(\.description) == ["2023-09-18", "2024-07-01", "2024-11-01", "2026-11-01"])
    }

    @Test func ordinalCountsDaysSinceTheEpoch() throws {
        #expect(try Fixture.day("1970-01-01").ordinal == 0)
        #expect(try Fixture.day("1970-01-02").ordinal == 1)
        // 2024-10-31 → 2024-11-01 is one day; 2024-02-28 → 2024-03-01 is two (2024 is a leap year).
        #expect(try Fixture.day("2024-11-01").ordinal - Fixture.day("2024-10-31").ordinal == 1)
        #expect(try Fixture.day("2024-03-01").ordinal - Fixture.day("2024-02-28").ordinal == 2)
        // 2000-01-01 is 30 years after 1970 with 7 leap days (72, 76, 80, 84, 88, 92, 96): 30 × 365 + 7 = 10,957.
        #expect(try Fixture.day("2000-01-01").ordinal == 10_957)
    }
}
