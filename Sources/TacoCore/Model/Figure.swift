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

/// Collects figures in the order the model derives them.
public struct Ledger: Sendable {
    public private(set) var figures: [Figure] = []
    public init() {}

    @discardableResult
    public mutating func record(
        _ id: String, _ label: String, value: Double, unit: String, display: String, formula: String,
        arithmetic: String, inputs: [FigureInput]
    ) -> Double {
        figures.append(
            Figure(
                id: id, label: label, value: value, unit: unit, display: display, formula: formula,
                arithmetic: arithmetic, inputs: inputs))
        return value
    }

    public func figure(_ id: String) -> Figure? { figures.first { $0.id == id } }

    /// An input that refers to an earlier figure.
    public func ref(_ id: String, _ name: String) -> FigureInput {
        FigureInput(name, figure(id)?.display ?? "?", "figure \(id)")
    }
}
