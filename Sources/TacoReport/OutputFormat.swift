/// How a command prints its result: one closed set for every command. Each command accepts the subset it can render
/// (its `formats`) and refuses any other before it runs, naming the ones it takes.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Terminal text: tables and sentences. `text` is accepted as another spelling of it.
    case table
    /// The command's versioned JSON document (Docs/JSON.md).
    case json
    /// Comma-separated values, one header row.
    case csv
    /// The chart as an SVG image (`sweep`).
    case svg
    /// A Markdown document (`report`).
    case markdown

    /// The other spellings accepted on the command line, each for the case it names.
    public static let aliases: [String: OutputFormat] = ["text": .table]

    /// The format a command-line word names (a case's name or an alias), nil for any other word.
    public init?(spelling: String) {
        guard let format = OutputFormat(rawValue: spelling) ?? Self.aliases[spelling] else { return nil }
        self = format
    }

    /// The formats as a sentence: "table, json or csv".
    public static func sentence(_ formats: [OutputFormat]) -> String {
        let names = formats.map(\.rawValue)
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// Why `self` cannot be used by a command that renders only `accepted`; nil when it can.
    public func refusal(accepted: [OutputFormat], command: String) -> String? {
        accepted.contains(self)
            ? nil : "\(command) cannot print --format \(rawValue); use \(OutputFormat.sentence(accepted))"
    }
}
