/// One measured figure at one step beside the model's prediction (Docs/Benchmarks.md §3: "report predicted vs measured with the
/// error"). Bounds and censored values get a consistency check instead of an error.
public struct StepComparison: Codable, Hashable, Sendable {
    public var step: String
    public var rps: Double
    public var status: String
    public var resource: String
    /// Percent; nil when the model does not predict this resource.
    public var predicted: Double?
    public var measured: String
    /// predicted − measured, in percentage points, for point measurements.
    public var error: Double?
    /// For bounds, censored values and `ok`: does the prediction agree? nil for points and unpredicted figures.
    public var consistent: Bool?
    public var note: String

    public init(
        step: BenchmarkStep, resource: BenchmarkResource, predicted: Double?, figure: MeasuredFigure, note: String = ""
    ) {
        self.step = step.name
        self.rps = step.rps
        self.status = step.status?.rawValue ?? "as plan"
        self.resource = resource.rawValue
        self.predicted = predicted
        self.measured = figure.description
        self.note = note
        switch (figure, predicted) {
        case (.point(let v), let p?): error = p - v
        case (.below(let v), let p?): consistent = p < v
        case (.atLeast(let v), let p?): consistent = p >= v
        case (.ok, let p?): consistent = p < 100
        default: break
        }
    }
}
