/// One thing wrong with an input, as a value: where it is (file, line, column when known), what is wrong, and the
/// fix. Every error type that reports bad input carries or converts to one (`PlanProblem`, `BillProblem`,
/// `UnitError`, `SimulationError`, TacoApp's `InputFileProblem` and database failures), and
/// `lines` is the one place that formats it — as swift-format's findings are values that one place prints.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is. A field path or a table's column name says which value on that line.
    public struct Location: Hashable, Sendable, CustomStringConvertible {
        public var file: String
        /// 1-based; nil when the problem is the whole file.
        public var line: Int?
        /// 1-based character column on `line`; nil when unknown.
        public var column: Int?
        /// A named column of a table file (a bill's CSV header), printed as "column NAME".
        public var columnName: String?

        public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.columnName = columnName
        }

        /// "plan.yaml:12:5", "bill.csv:3: column BilledCost", "plan.yaml".
        public var description: String {
            var out = file
            if let line { out += ":\(line)" }
            if line != nil, let column { out += ":\(column)" }
            if let columnName { out += ": column \(columnName)" }
            return out
        }
    }

    public var location: Location?
    /// The field the message is about (`event.users`), printed before it; nil when the message names it itself.
    public var subject: String?
    /// What is wrong: what was expected and what was found.
    public var message: String
    /// How to fix it; nil when there is nothing better to say than the message.
    public var fix: String?
    /// The word before the message: "error" for every refused input; a failure that is not the input's fault may
    /// name its kind instead (`pricing`, `verdict`).
    public var label: String

    public init(
        _ message: String, at location: Location? = nil, subject: String? = nil, fix: String? = nil,
        label: String = "error"
    ) {
        self.location = location
        self.subject = subject
        self.message = message
        self.fix = fix
        self.label = label
    }

    /// A diagnostic naming only the file, the way most file errors read ("PATH: error: …").
    public static func file(_ path: String, _ message: String, fix: String? = nil) -> Diagnostic {
        Diagnostic(message, at: Location(file: path), fix: fix)
    }

    /// The terminal text: "FILE:LINE:COLUMN: error: SUBJECT: MESSAGE", then "    fix: FIX" when there is a fix.
    public var lines: [String] {
        let head = (location.map { "\($0): " } ?? "") + "\(label): " + (subject.map { "\($0): " } ?? "") + message
        return [head] + (fix.map { ["    fix: \($0)"] } ?? [])
    }

    public var description: String { lines.joined(separator: "\n") }

    /// One line, "message; fix", for an option error that the argument parser prints in its own frame.
    public var sentence: String { fix.map { "\(message); \($0)" } ?? message }
}
