/// Ordinary least squares for models linear in their constants: y ≈ offset + Σⱼ βⱼ xⱼ (Docs/Benchmarks.md §3: "fits the model's
/// free constants … by least squares, and reports the fit (residuals, R²); a constant fitted from some steps is
/// checked on the others"). Solved through the normal equations XᵀX β = Xᵀ(y − offset) with partial pivoting: the
/// systems here have two or three unknowns, where that is exact enough and needs no linear-algebra library.
public struct LinearObservation: Hashable, Sendable {
    /// What the point is called in reports (a benchmark step's name).
    public var label: String
    /// One value per fitted constant (a column of 1 for an intercept).
    public var regressors: [Double]
    /// The part of the prediction with no free constant (e.g. measured command execution cost).
    public var offset: Double
    public var measured: Double

    public init(label: String, regressors: [Double], offset: Double = 0, measured: Double) {
        self.label = label
        self.regressors = regressors
        self.offset = offset
        self.measured = measured
    }
}
