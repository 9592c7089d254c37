import Yams

/// A plan file's text as the CLI read it. `file` is the name problems are reported under; for `extends`
/// targets the loader returns a normalized path so that cycles are recognized.
public struct PlanSource: Sendable, Hashable {
    public var file: String
    public var text: String
    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}
