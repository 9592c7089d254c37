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
