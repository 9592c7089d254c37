/// One thing wrong with a plan: where, what was expected, and how to fix it. Validation collects all of them.
public struct PlanProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation?
    /// The field path, e.g. `event.users`.
    public var path: String
    public var message: String
    public var fix: String?
    /// The problem is missing pricing data (region, date), not a mistake in the plan: the CLI exits 3 for it.
    public var isPricing = false

    public init(file: String, location: SourceLocation?, path: String, message: String, fix: String? = nil) {
        self.file = file
        self.location = location
        self.path = path
        self.message = message
        self.fix = fix
    }

    public var diagnostic: Diagnostic {
        let place =
            location.map { Diagnostic.Location(file: $0.file, line: $0.line, column: $0.column) }
            ?? Diagnostic.Location(file: file)
        return Diagnostic(message, at: place, subject: path.isEmpty ? nil : path, fix: fix)
    }

    public var description: String { diagnostic.description }
}
