import Foundation
import TestSupport
import Testing

/// Impossible load-test data and non-mapping plans through the CLI (issue 13): exit 2 naming the file, the field or
/// line and the value, and nothing stored.
@Suite struct LoadTestInputCommandTests {
    @Test func ingestRefusesImpossibleK6FiguresAndStoresNothing() throws {
        let cli = try CLI()
        let nan = try cli.write(
            "nan.json", #"{"metrics": {"http_reqs": {"values": {"count": 10, "rate": "NaN"}}}}"#)
        let r = try cli.run(["ingest", nan])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nan.json: error: metrics.http_reqs.values.rate: expected requests per second"))
        #expect(r.stderr.contains(#"found "NaN""#))
        #expect(r.stderr.contains("nothing was stored"))
        #expect(!r.crashed)
    }

    @Test func ingestCallsAOneStepSummaryASingleStep() throws {
        let cli = try CLI()
        let ok = try cli.write(
            "ok.json", #"{"metrics": {"http_reqs": {"values": {"count": 600, "rate": 10}}}}"#)
        let r = try cli.run(["ingest", ok])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ok.json: k6 handleSummary data, a single step; stored as run #1"))
    }

    @Test func aDuplicateColumnIsRefusedByIngestAndValidate() throws {
        let cli = try CLI()
        let csv = try cli.write("dup.csv", "rps,rps\n100,200\n")
        for args in [["ingest", csv], ["validate", "plans/traffic-tacos.yaml", "--benchmark", csv]] {
            let r = try cli.run(args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("dup.csv:1: error: rps: the column 'rps' appears twice (columns 1 and 2)"))
        }
    }

    @Test func truncatedJSONIsLocatedAndCalledTruncated() throws {
        let cli = try CLI()
        let cut = try cli.write("cut.json", "{\"metrics\": {\"http_reqs\": {\"values\": {\"rate\": 1")
        let r = try cli.run(["ingest", cut])
        #expect(r.status == 2)
        // One line of 47 characters: the file ends at column 48.
        #expect(r.stderr.contains("cut.json:1: error: not valid JSON at column 48"))
        #expect(r.stderr.contains("it looks truncated"))
    }

    @Test func aPlanThatIsNotAMappingSaysSoAlone() throws {
        let cli = try CLI()
        let plan = try cli.write("string.yaml", "just a string\n")
        let r = try cli.run(["estimate", plan])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.first?.hasSuffix("error: expected a mapping of fields, found 'just a string'") == true)
        #expect(!r.stderr.contains("is required"))
    }
}
