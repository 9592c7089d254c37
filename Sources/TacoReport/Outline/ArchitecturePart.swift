import TacoCore

/// The waiting room's flow with its peak rates: a picture (SVG in the deck, Mermaid and SVG in the Markdown) and
/// a table of the edges with where each rate comes from.
enum ArchitecturePart {
    static func part(_ r: Report) -> ReportPart? {
        guard let a = r.architecture else { return nil }
        let name = { (id: String) in a.nodes.first { $0.id == id }?.name ?? id }
        let rows = a.edges.map { e in ["\(name(e.from)) → \(name(e.to))", e.display, e.what, e.source] }
        return ReportPart(
            title: "The waiting room and its peak rates",
            blocks: [
                .diagram(
                    file: "architecture.svg", alt: "Clients, gateway, queue, backend and DynamoDB with peak rates",
                    mermaid: ArchitectureMermaid.render(a)),
                .table(headers: ["edge", "peak", "what", "from"], rows: rows, right: [1]),
            ], notes: SpeakerNotes.architecture(a))
    }
}
