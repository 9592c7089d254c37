import ArgumentParser
import Foundation
import TacoCore
import TacoData
import TacoReport

/// `report`: the estimate as a Markdown report or a Marp deck with SVG charts, or the report model as JSON or CSV.
struct ReportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json, csv }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write a report for slides: Markdown or a Marp deck (--slides) with SVG charts, or JSON / CSV exports.",
        discussion:
            "Without -o, Markdown, JSON and CSV go to stdout. With -o DIR the file and its charts/ folder are written there."
    )

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption

    @Option(help: "Output format: markdown, json or csv.")
    var format: Format = .markdown

    @Flag(help: "Write a Marp deck (16:9) instead of the Markdown report; needs -o.")
    var slides = false

    @Option(
        name: .shortAndLong,
        help: "Directory to write into (report.md or deck.md, charts/*.svg, report.json, costs.csv).")
    var output: String?

    func validate() throws {
        if slides && format != .markdown {
            throw ValidationError("--slides writes Markdown; drop --format \(format.rawValue)")
        }
        if slides && output == nil {
            throw ValidationError("--slides writes a deck and its charts/ folder; add -o DIR, e.g. -o out/")
        }
    }

    func run() throws {
        try reporting {
            let loaded = try PlanLoader(options: options).load()
            let estimate = Estimate.compute(try calibration.apply(to: loaded, costsFile: options.costs))
            let report = ReportBuilder.build(
                estimate, levers: try leverSection(), validation: validationSection(loaded))
            let files = try ReportFiles.render(report, format: format.rawValue, slides: slides)
            if let output {
                try ReportFiles.write(files, to: output)
                Terminal.error(
                    "wrote \(([files.main] + files.charts).map { (output as NSString).appendingPathComponent($0.path) }.joined(separator: ", "))"
                )
            } else {
                if !files.charts.isEmpty {
                    Terminal.error("note: the SVG charts the Markdown links to are written only with -o DIR")
                }
                Terminal.out(files.main.text)
            }
            try Failure.check(estimate)
        }
    }
}

extension ReportCommand {
    /// Savings per lever when the plan declares variants: each variant against the plan itself ('base'),
    /// saving = base − variant per month (positive: the variant is cheaper). Infeasible variants are left out.
    func leverSection() throws -> LeverSection? {
        let entries = try CompareEntries.load(
            plans: [options.plan], asOf: options.asOf.flatMap(Day.init(iso:)), db: options.db,
            calibration: calibration)
        guard entries.count > 1, let c = Comparison.build(entries, baseline: PlanFamily.baseName),
            let base = c.columns.first(where: { $0.name == c.baseline })
        else { return nil }
        var levers: [LeverSection.Lever] = []
        for column in c.columns where column.name != c.baseline && column.feasible {
            for step in column.levers {
                let saving = Money(-step.deltaPerMonth.amount)
                let percent = base.perMonth.amount > 0 ? (saving.amount / base.perMonth.amount).doubleValue * 100 : nil
                levers.append(
                    LeverSection.Lever(
                        name: "\(column.name): \(step.lever)", description: column.about ?? "", perMonth: saving,
                        percent: percent))
            }
        }
        return LeverSection(baseline: c.baseline, baselinePerMonth: base.perMonth, levers: levers)
    }
}

extension ReportCommand {
    /// The plan validated against the bundled reference load test: predicted vs measured Redis engine CPU at the
    /// steps run with the plan's status implementation, and the verdict with its reasons.
    func validationSection(_ input: EstimateInput) -> ValidationSection? {
        guard
            case .success(let bench) = BenchmarkReader.read(
                text: BundledData.seedLoadTestYAML, file: "benchmarks/seed-load-test.yaml"),
            case .success(let v) = PlanValidation.run(input: input, benchmark: bench)
        else { return nil }
        let steps = v.comparisons.filter { $0.resource == "redis_engine_cpu" && $0.status == v.envelope.implementation }
            .map { c in
                ValidationSection.Step(
                    name: c.step, rps: c.rps, predictedPercent: c.predicted,
                    measuredPercent: c.predicted.flatMap { p in c.error.map { p - $0 } }, measured: c.measured)
            }
        let loo = v.redisLeaveOneOutMax.map {
            "largest leave-one-out error \(TacoCore.Format.number($0, maxDecimals: 2)) points"
        }
        let reasons = v.envelope.reasons.flatMap { $0.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let summary =
            (["Load-test envelope: \(v.envelope.verdict.rawValue)"] + reasons + (loo.map { [$0] } ?? []))
            .joined(separator: ". ") + "."
        return ValidationSection(benchmark: "\(v.benchmark) (\(v.benchmarkSource))", steps: steps, summary: summary)
    }
}

/// The files one `report` run produces: the main file and, for Markdown, one SVG per chart.
enum ReportFiles {
    struct File {
        var path: String
        var text: String
    }

    static func render(_ report: Report, format: String, slides: Bool) throws -> (main: File, charts: [File]) {
        let charts = report.charts.map { File(path: "charts/\($0.id).svg", text: SVGChart.render($0)) }
        switch format {
        case "json": return (File(path: "report.json", text: try ReportJSON.encode(report)), [])
        case "csv": return (File(path: "costs.csv", text: CostCSV.render(report)), [])
        default:
            return slides
                ? (File(path: "deck.md", text: MarpDeck.render(report)), charts)
                : (File(path: "report.md", text: MarkdownReport.render(report)), charts)
        }
    }

    static func write(_ files: (main: File, charts: [File]), to directory: String) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(
                atPath: files.charts.isEmpty ? directory : directory + "/charts", withIntermediateDirectories: true)
            for f in [files.main] + files.charts {
                try Data(f.text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(f.path))
            }
        } catch {
            throw Failure.input([
                "\(directory): error: cannot write the report: \(error.localizedDescription)",
                "    fix: choose a writable directory with -o",
            ])
        }
    }
}
