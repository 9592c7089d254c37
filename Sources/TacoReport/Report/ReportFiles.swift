import TacoCore

/// The files one `report` run produces: the main file and, for Markdown, one SVG per chart.
public enum ReportFiles {
    /// The formats a report is written in; any other `OutputFormat` is refused.
    public static let formats: [OutputFormat] = [.markdown, .json, .csv]

    /// A format `render` does not write (the CLI refuses it before running).
    public struct FormatRefused: Error, CustomStringConvertible {
        public var description: String
    }

    public struct File: Sendable {
        public var path: String
        public var text: String
    }

    public struct Rendered: Sendable {
        public var main: File
        public var charts: [File]
    }

    /// `appendix` false leaves the deck's appendix slides out (the main deck only, with a closing pointer).
    public static func render(_ report: Report, format: OutputFormat, slides: Bool, appendix: Bool = true) throws
        -> Rendered
    {
        let charts =
            report.charts.map { File(path: "charts/\($0.id).svg", text: SVGChart.render($0)) }
            + (report.architecture.map { [File(path: "charts/architecture.svg", text: ArchitectureDiagram.render($0))] }
                ?? [])
        switch format {
        case .json: return Rendered(main: File(path: "report.json", text: try ReportJSON.encode(report)), charts: [])
        case .csv: return Rendered(main: File(path: "costs.csv", text: CostCSV.render(report)), charts: [])
        case .table, .svg:
            throw FormatRefused(
                description: format.refusal(accepted: formats, command: "report") ?? "report: --format \(format)")
        case .markdown:
            return slides
                ? Rendered(
                    main: File(path: "deck.md", text: MarpDeck.render(report, appendix: appendix)), charts: charts)
                : Rendered(main: File(path: "report.md", text: MarkdownReport.render(report)), charts: charts)
        }
    }
}
