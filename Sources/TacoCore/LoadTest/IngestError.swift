/// Why an input file could not be read: the file, where, and what was expected.
public struct IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String
    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): error: " + (field.map { "\($0): " } ?? "") + message
    }
}
