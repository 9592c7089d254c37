/// The architecture as a Mermaid flowchart for the Markdown report (GitHub draws it; Marp does not, so the deck
/// shows `ArchitectureDiagram`'s SVG): one node per box, each edge labelled with its peak rate.
public enum ArchitectureMermaid {
    public static func render(_ a: ArchitectureSection) -> String {
        let q = { (s: String) in "\"" + MarkdownText.mermaid(s) + "\"" }
        var lines = ["```mermaid", "flowchart LR"]
        for n in a.nodes { lines.append("    \(n.id)[\(q(n.name + " · " + n.detail))]") }
        for e in a.edges { lines.append("    \(e.from) -->|\(q(e.display + " " + e.what))| \(e.to)") }
        lines.append("```")
        return lines.joined(separator: "\n")
    }
}
