import TacoCore
import Testing

/// The value rules every reader shares (Sources/TacoCore/Spec).
@Suite struct ValueRulesTests {
    @Test func regionCodesComeFromTheDocumentedList() {
        #expect(AWSRegion.isKnown("ap-northeast-2") && AWSRegion.isKnown("us-gov-west-1"))
        for bad in ["../x", "us-east-1; curl x | sh #", "US-EAST-1", "us-west-2-lax-1", "", "us-east-1\u{1B}"] {
            #expect(!AWSRegion.isKnown(bad), "\(bad)")
        }
        #expect(AWSRegion.unknown("a\u{1B}b").contains("'a\\u{1B}b'"))
    }

    @Test func spotRanges() {
        #expect(ValueRules.spotSavingsPercent.contains(0) && ValueRules.spotSavingsPercent.contains(99))
        #expect(!ValueRules.spotSavingsPercent.contains(100) && !ValueRules.spotSavingsPercent.contains(-50))
        #expect(ValueRules.spotBuckets == 0...4)
    }

    @Test func effectiveDatesArePlausibleFrom2006ToTwoYearsAhead() throws {
        let today = try #require(Day(iso: "2026-12-07"))
        #expect(ValueRules.plausibleEffectiveDate(try #require(Day(iso: "2006-01-01")), today: today))
        #expect(!ValueRules.plausibleEffectiveDate(try #require(Day(iso: "2005-12-31")), today: today))
        // 2026-12-07 + 731 days = 2028-12-07 (2027 has 365 days, 2028 is a leap year: 365 + 366 = 731).
        #expect(ValueRules.plausibleEffectiveDate(try #require(Day(iso: "2028-12-07")), today: today))
        #expect(!ValueRules.plausibleEffectiveDate(try #require(Day(iso: "2028-12-08")), today: today))
        #expect(!ValueRules.plausibleEffectiveDate(try #require(Day(iso: "9999-12-31")), today: today))
    }

    @Test func dayFromOrdinalInvertsOrdinal() throws {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "2028-12-07", "1900-01-01"] {
            let day = try #require(Day(iso: text))
            #expect(Day(ordinal: day.ordinal) == day)
        }
        #expect(Day(ordinal: Int.max / 4).description == "9999-12-31")
    }

    @Test func printableTextRefusesControlsAndBidi() {
        #expect(PrintableText.firstProblem("Tacos 서울 sale") == nil)
        #expect(PrintableText.firstProblem("two\nlines", multiline: true) == nil)
        #expect(PrintableText.firstProblem("two\nlines") == "\\n")
        #expect(PrintableText.firstProblem("x\u{1B}[2J") == "\\u{1B}")
        #expect(PrintableText.firstProblem("abc\u{202E}def") == "\\u{202E}")
    }
}
