import TacoCore
import TacoReport
import Testing

/// One `OutputFormat` for every command; `text` still means `table` so that scripts written for `validate` work.
@Suite struct OutputFormatTests {
    @Test func textIsAnotherSpellingOfTable() {
        #expect(OutputFormat(spelling: "text") == .table)
        #expect(OutputFormat(spelling: "table") == .table)
        #expect(OutputFormat(spelling: "svg") == .svg)
        #expect(OutputFormat(spelling: "xml") == nil)
        #expect(OutputFormat(spelling: "TABLE") == nil)
    }

    @Test func aCommandRefusesAFormatItCannotRenderNamingTheOnesItTakes() {
        #expect(OutputFormat.json.refusal(accepted: [.table, .json], command: "estimate") == nil)
        #expect(
            OutputFormat.csv.refusal(accepted: [.table, .json], command: "estimate")
                == "estimate cannot print --format csv; use table or json")
        #expect(OutputFormat.sentence([.table, .json, .csv, .svg]) == "table, json, csv or svg")
        #expect(OutputFormat.sentence([.markdown]) == "markdown")
    }

    @Test func aReportIsNotWrittenInAFormatItDoesNotHave() {
        #expect(ReportFiles.formats == [.markdown, .json, .csv])
    }
}

/// The progress lines, with the elapsed time handed in: the rates are bytes ÷ seconds.
@Suite struct ProgressTextTests {
    @Test func priceListImportLine() {
        // 10 MiB of 40 MiB read in 2 s: 10 ÷ 2 = 5 MB/s.
        let line = ProgressText.priceListImport(
            file: "index.csv", bytesRead: 10 * 1_048_576, totalBytes: 40 * 1_048_576, rowsKept: 900, rowsSeen: 1_000,
            elapsed: 2)
        #expect(line == "\r\u{1B}[Kindex.csv: 10 of 40 MB, 900 of 1000 rows kept, 5 MB/s")
    }

    @Test func priceListFetchLineWithAnETA() {
        // 30 MiB of 90 MiB in 10 s: 3 MiB/s; the 60 MiB left take 60 ÷ 3 = 20 s → ETA 0:20.
        let line = ProgressText.priceListFetch(
            file: "AmazonEC2 us-west-2 index.csv", bytes: 30 * 1_048_576, totalBytes: 90 * 1_048_576, rows: nil,
            elapsed: 10)
        #expect(line == "\r\u{1B}[KAmazonEC2 us-west-2 index.csv: 30.0 of 90.0 MB, 3.0 MB/s, ETA 0:20")
        let importing = ProgressText.priceListFetch(file: "f", bytes: 0, totalBytes: nil, rows: 1_200, elapsed: 1)
        #expect(importing == "\r\u{1B}[Kf: importing, 1200 rows read")
    }

    @Test func billImportLineOfAGzipFileHasNoSize() {
        // 8 MiB decompressed in 0 s: the elapsed time is floored at 1 ms, 8 ÷ 0.001 = 8000 MB/s.
        let line = ProgressText.billImport(
            file: "focus.csv.gz", bytesRead: 8 * 1_048_576, fileBytes: 1_000, gzip: true, rows: 42, elapsed: 0)
        #expect(line == "\r\u{1B}[Kfocus.csv.gz: 8 (decompressed) MB, 42 rows, 8000 MB/s")
    }
}

/// One formatter for every refused input.
@Suite struct DiagnosticTests {
    @Test func aPlanProblemAndABillProblemFormatAsBefore() {
        let plan = PlanProblem(
            file: "p.yaml", location: SourceLocation(file: "p.yaml", line: 3, column: 5), path: "event.users",
            message: "is required", fix: "add `users: 1000`")
        #expect(plan.description == "p.yaml:3:5: error: event.users: is required\n    fix: add `users: 1000`")
        let bill = BillProblem(file: "b.csv", line: 7, column: "BilledCost", message: "not a number", fix: "check it")
        #expect(bill.description == "b.csv:7: column BilledCost: error: not a number\n    fix: check it")
        let whole = BillProblem(file: "b.csv", line: nil, message: "is a directory", fix: "name a file")
        #expect(whole.description == "b.csv: error: is a directory\n    fix: name a file")
    }

    @Test func withoutALocationOrAFix() {
        #expect(Diagnostic("nothing to fetch").lines == ["error: nothing to fetch"])
        #expect(Diagnostic("x", fix: "y").sentence == "x; y")
    }
}
