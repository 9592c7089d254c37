import Foundation
import Testing

@testable import TacoCore

/// Load-test files are checked like prices (issue 13): impossible figures, broken JSON and duplicate columns are
/// refused naming the field or line and the value, and nothing from the file is echoed raw.
@Suite struct LoadTestValidationTests {
    /// A handleSummary document with one statistic replaced by `value` (raw JSON text).
    func summary(rate: String = "9998.1", failed: String = "0.0042", p95: String = "33.7", vus: String = "2000")
        -> String
    {
        """
        {"metrics": {
          "http_reqs": {"type": "counter", "values": {"count": 600000, "rate": \(rate)}},
          "http_req_failed": {"type": "rate", "values": {"rate": \(failed)}},
          "http_req_duration": {"type": "trend", "values": {"p(95)": \(p95)}},
          "vus_max": {"type": "gauge", "values": {"max": \(vus)}}
        }}
        """
    }

    func error(_ text: String, file: String = "k6.json") -> IngestError? {
        do {
            _ = try IngestedRun.read(file: file, text: text)
            return nil
        } catch { return error }
    }

    @Test func aValidSummaryIsASingleStep() throws {
        let run = try IngestedRun.read(file: "k6.json", text: summary())
        #expect(run.steps.count == 1)
        #expect(run.stepsDescription == "a single step")
        #expect(run.steps[0].rps == 9998.1)
    }

    @Test func impossibleSummaryFiguresAreRefusedNamingTheFieldAndValue() {
        let cases: [(String, String, String)] = [
            (summary(rate: "\"NaN\""), "metrics.http_reqs.values.rate", "found \"NaN\""),
            (summary(rate: "-5"), "metrics.http_reqs.values.rate", "found -5"),
            (summary(rate: "null"), "metrics.http_reqs.values.rate", "found null"),
            (summary(p95: "\"fast\""), "metrics.http_req_duration.values.p(95)", "found \"fast\""),
            (summary(p95: "-33.7"), "metrics.http_req_duration.values.p(95)", "found -33.7"),
            // 7.5 as a fraction is 750 %: k6 writes rates as fractions of 1.
            (summary(failed: "7.5"), "metrics.http_req_failed.values.rate", "found 7.5 (750 %"),
            (summary(vus: "-1"), "metrics.vus_max.values.max", "found -1"),
        ]
        for (text, field, found) in cases {
            let e = error(text)
            #expect(e?.field == field, "\(field)")
            #expect(e?.message.contains(found) == true, "\(e?.message ?? "accepted") should contain \(found)")
        }
    }

    @Test func aSummaryWithoutRequestsIsRefused() {
        #expect(error(summary(rate: "0"))?.message.contains("the request rate is 0") == true)
    }

    @Test func truncatedJSONGivesLineColumnAndSaysTruncated() throws {
        // The document is cut after `"values": {"count": 6` on line 3.
        let cut = String(summary().prefix(while: { $0 != "6" })) + "6"
        let e = try #require(error(cut))
        #expect(e.line == 2)
        // Line 2 is `  "http_reqs": {"type": "counter", "values": {"count": 6`: 56 characters, so the end of the file
        // is column 57.
        #expect(e.message.contains("column 57"))
        #expect(e.message.contains("looks truncated"))
        #expect(e.description.hasPrefix("k6.json:2: error: not valid JSON at column 57"))
    }

    @Test func aHugeNumberIsNamedNotDumped() throws {
        let e = try #require(error(summary(rate: "1e400")))
        #expect(e.message.contains("the number 1e400 is outside the range of a double"))
        #expect(!e.description.contains("DecodingError"))
        #expect(e.line == 2)
    }

    @Test func controlBytesAreEscapedAndExcerptsCapped() {
        #expect(Excerpt.quoted("a\u{1}b\u{1B}[31m\n") == "a\\u{1}b\\u{1B}[31m\\n")
        let long = String(repeating: "x", count: 100)
        // 40 characters then an ellipsis.
        #expect(Excerpt.quoted(long) == String(repeating: "x", count: 40) + "…")
        // A binary "CSV": 4,096 control bytes where the header should be.
        let binary = String(repeating: "\u{2}", count: 4096) + "\n1\n"
        let e = error(binary, file: "bin.csv")
        let text = e?.description ?? ""
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.count < 400)
    }

    @Test func aStepCSVWithADuplicateColumnIsRefused() {
        let e = error("rps,rps\n100,200\n", file: "steps.csv")
        #expect(e?.line == 1)
        #expect(e?.message.contains("the column 'rps' appears twice (columns 1 and 2)") == true)
    }

    @Test func impossibleStepCSVValuesNameTheLineAndValue() {
        let cases: [(String, Int, String, String)] = [
            ("rps\nNaN\n", 2, "rps", "'NaN'"),
            ("rps\n-10\n", 2, "rps", "'-10'"),
            ("rps,error_rate\n100,0\n100,750\n", 3, "error_rate", "'750'"),
            ("rps,vus\n100,fast\n", 2, "vus", "'fast'"),
            ("rps,redis_engine_cpu\n100,-33.7\n", 2, "redis_engine_cpu", "'-33.7'"),
        ]
        for (text, line, field, found) in cases {
            let e = error(text, file: "steps.csv")
            #expect(e?.line == line, "\(text)")
            #expect(e?.field == field, "\(text)")
            #expect(e?.message.contains(found) == true, "\(e?.message ?? "accepted")")
        }
    }

    @Test func aK6CSVWithADuplicateColumnIsRefused() {
        let e = error("metric_name,timestamp,metric_value,metric_value\nhttp_reqs,1,1,1\n", file: "k6.csv")
        #expect(e?.message.contains("appears twice (columns 3 and 4)") == true)
    }

    @Test func limitsNameTheFileAndTheLimit() {
        // InputLimits.loadTestSteps + 1 rows of a one-column step CSV.
        let rows = String(repeating: "100\n", count: InputLimits.loadTestSteps + 1)
        let steps = error("rps\n" + rows, file: "many.csv")
        #expect(steps?.file == "many.csv")
        #expect(steps?.message.contains("100,001 rows, over the limit of 100,000 load-test steps") == true)

        let field = error(
            "rps,name\n100," + String(repeating: "n", count: InputLimits.fieldBytes + 1) + "\n", file: "f.csv")
        #expect(field?.line == 2)
        #expect(field?.message.contains("field 2 is 4,097 bytes, over the 4,096 bytes limit") == true)

        let big = "{\"metrics\": {}, \"pad\": \"" + String(repeating: " ", count: InputLimits.k6SummaryBytes) + "\"}"
        #expect(error(big)?.message.contains("over the 16 MiB limit for a k6 summary") == true)
    }

    @Test func leaveOneOutMatchesARefitWithoutEachPoint() throws {
        // y = a + b·x at (0,1), (1,3), (2,5), (3,8).
        let points = [(0.0, 1.0), (1, 3), (2, 5), (3, 8)].map {
            LinearObservation(label: "x\($0.0)", regressors: [1, $0.0], measured: $0.1)
        }
        let loo = try LinearFit.leaveOneOut(points)
        #expect(loo.count == 4)
        // Without (3,8) the other three lie on y = 1 + 2x exactly: predicted 1 + 2·3 = 7, error 7 − 8 = −1.
        #expect(abs(loo[3].predicted - 7) < 1e-9)
        #expect(abs(loo[3].constants[0] - 1) < 1e-9 && abs(loo[3].constants[1] - 2) < 1e-9)
        // Without (0,1): x̄ = 2, ȳ = 16/3, Sxy = (−1)(3 − 16/3) + (1)(8 − 16/3) = 5, Sxx = 2 → b = 2.5,
        // a = 16/3 − 2.5·2 = 1/3: predicted 1/3 at x = 0.
        #expect(abs(loo[0].predicted - 1.0 / 3) < 1e-9)
        #expect(abs(loo[0].constants[1] - 2.5) < 1e-9)
    }
}

/// Plan errors in file order (issue 13): a document that is not a mapping says so alone; located problems come
/// before the ones with no line.
@Suite struct PlanErrorOrderTests {
    @Test func aDocumentThatIsNotAMappingSaysSoFirstAndAlone() {
        let problems = Fixture.problems("just a string\n")
        #expect(problems.count == 1)
        #expect(problems.first?.message == "expected a mapping of fields, found 'just a string'")
        #expect(problems.first?.location?.line == 1)
    }

    @Test func locatedProblemsComeFirstInFileOrder() throws {
        // Line 6 gets a bad users value and the whole gateway section (lines 20–22) is removed: its absence
        // has no line of its own.
        var text = try Fixture.variant(Fixture.minimal, "users: 300000", "users: many")
        text = try Fixture.variant(text, "gateway:\n  rps_per_pod: 1667\n  node_candidates: [c7g.xlarge]\n", "")
        text = try Fixture.variant(
            text, "  candidates: [cache.m7g.xlarge]\n", "  candidates: [cache.m7g.xlarge]\n  replicas: x\n")
        let problems = Fixture.problems(text)
        let lines = problems.map { $0.location?.line }
        let located = lines.prefix { $0 != nil }.compactMap { $0 }
        #expect(located == located.sorted())
        // Line 1 (the mapping the gateway section is missing from), line 6 (users), line 20 (replicas).
        #expect(located.contains(6) && located.contains(20))
        #expect(lines.suffix(from: located.count).allSatisfy { $0 == nil })
        #expect(problems.count > located.count)
    }
}

/// The fast digit-string rounding `Format.grouped` uses agrees with the Decimal path it replaces.
@Suite struct FormatFastPathTests {
    @Test func roundedDigitsMatchTheDecimalPath() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 2.675, 0.125, 9.995, 99.995, -0.001, 0.0049, 1234.5678]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -4...12, using: &generator)
            let v = Double.random(in: -1...1, using: &generator) * pow(10, magnitude)
            values.append(v)
            // Values that sit exactly on a rounding boundary: n + 0.5, n.x5, n.xx5.
            values.append((v * 1000).rounded() / 1000)
        }
        for v in values {
            for decimals in 0...4 {
                guard let fast = Format.roundedDigits(v, decimals: decimals) else { continue }
                #expect(fast == Format.decimalText(Decimal(exactly: v), decimals: decimals), "\(v) at \(decimals)")
            }
        }
        // By hand: 2.675 is "2.675" in shortest digits and rounds half away from zero to 2.68; 9.995 → 10.00;
        // −0.001 → "0" (no minus on zero).
        #expect(Format.roundedDigits(2.675, decimals: 2) == "2.68")
        #expect(Format.roundedDigits(9.995, decimals: 2) == "10.00")
        #expect(Format.roundedDigits(-0.001, decimals: 2) == "0.00")
        #expect(Format.roundedDigits(1e-7, decimals: 2) == nil)
    }
}
