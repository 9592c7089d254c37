/// One input behind a figure: its value and where it came from (plan file:line, price row, benchmark row, a
/// named default, or another figure).
public struct FigureInput: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    public var origin: String
    public init(_ name: String, _ value: String, _ origin: String) {
        self.name = name
        self.value = value
        self.origin = origin
    }
}
