/// A derived number that can explain itself: the formula, the arithmetic with the numbers put in, and the
/// provenance of every input. Every figure tacoplan prints is one of these.
public struct Figure: Codable, Hashable, Sendable {
    /// Stable identifier, e.g. `traffic.status_rate`.
    public var id: String
    public var label: String
    public var value: Double
    public var unit: String
    /// The value as shown, e.g. "60,000/s".
    public var display: String
    /// Symbolic formula with its source, e.g. "users ÷ status_poll (Docs/Model.md §1)".
    public var formula: String
    /// The seed's style: "300,000 users ÷ 5 s = 60,000/s".
    public var arithmetic: String
    public var inputs: [FigureInput]
}
