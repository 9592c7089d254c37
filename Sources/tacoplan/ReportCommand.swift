import ArgumentParser
import TacoApp
import TacoReport

/// `report`: the estimate as a Markdown report or a Marp deck with SVG charts, or the report model as JSON or CSV.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write a report for slides: Markdown or a Marp deck (--slides) with SVG charts, or JSON / CSV exports.",
        discussion:
            "Without -o, Markdown, JSON and CSV go to stdout. With -o DIR the file and its charts/ folder are written there."
    )

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption
    @OptionGroup(title: "Plan vs actual (a bill imported with `tacoplan bill import`)") var bill: BillWindowOptions

    @Option(help: "Output format: markdown, json or csv.")
    var format: OutputFormat = .markdown

    @Flag(help: "Write a Marp deck (16:9) instead of the Markdown report; needs -o.")
    var slides = false

    @Flag(help: "With --slides: also write the appendix slides (every figure, cost line, finding, timeline sample).")
    var appendix = false

    @Option(
        name: .shortAndLong,
        help: "Directory to write into (report.md or deck.md, charts/*.svg, report.json, costs.csv).")
    var output: String?

    func validate() throws {
        try format.check(ReportFiles.formats, command: "report")
        if slides && format != .markdown {
            throw ValidationError("--slides writes Markdown; drop --format \(format.rawValue)")
        }
        if slides && output == nil {
            throw ValidationError("--slides writes a deck and its charts/ folder; add -o DIR, e.g. -o out/")
        }
    }

    func run() throws {
        let outcome = try ReportUseCase.run(
            options.request, evidence: options.evidence(calibration), window: bill.window,
            context: Terminal.context)
        let files = try ReportFiles.render(outcome.report, format: format, slides: slides, appendix: appendix)
        if let output {
            let written = try ReportOutput.write(files, to: output)
            Terminal.error("wrote \(written.joined(separator: ", "))")
        } else {
            if !files.charts.isEmpty {
                Terminal.error("note: the SVG charts the Markdown links to are written only with -o DIR")
            }
            Terminal.out(files.main.text)
        }
        if let failure = outcome.failure { throw failure }
    }
}
