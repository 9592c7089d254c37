import TacoCore

/// The files one `report` run produces: the main file and, for Markdown, one SVG per chart.
public enum ReportFiles {
    public enum Format: String, Sendable, CaseIterable { case markdown, json, csv }

    public struct File: Sendable {
        public var path: String
        public var text: String
    }

    public struct Rendered: Sendable {
        public var main: File
        public var charts: [File]
    }

    /// `appendix` false leaves the deck's appendix slides out (the main deck only, with a closing pointer).
    public static func render(_ report: Report, format: Format, slides: Bool, appendix: Bool = true) throws
        -> Rendered
    {
        let charts =
            report.charts.map { File(path: "charts/\($0.id).svg", text: SVGChart.render($0)) }
            + (report.architecture.map { [File(path: "charts/architecture.svg", text: ArchitectureDiagram.render($0))] }
                ?? [])
        switch format {
        case .json: return Rendered(main: File(path: "report.json", text: try ReportJSON.encode(report)), charts: [])
        case .csv: return Rendered(main: File(path: "costs.csv", text: CostCSV.render(report)), charts: [])
        case .markdown:
            return slides
                ? Rendered(
                    main: File(path: "deck.md", text: MarpDeck.render(report, appendix: appendix)), charts: charts)
                : Rendered(main: File(path: "report.md", text: MarkdownReport.render(report)), charts: charts)
        }
    }
}
