public struct LinearFit: Hashable, Sendable {
    public var constants: [Double]
    public var observations: [LinearObservation]

    public func predict(_ o: LinearObservation) -> Double {
        zip(constants, o.regressors).reduce(o.offset) { $0 + $1.0 * $1.1 }
    }

    /// measured − predicted, in the order of the observations.
    public var residuals: [Double] { observations.map { $0.measured - predict($0) } }

    /// Coefficient of determination 1 − SS_res ÷ SS_tot (SS_tot about the mean of the measured values).
    /// nil when every measured value is the same (SS_tot = 0: R² is undefined).
    public var rSquared: Double? {
        let ys = observations.map(\.measured)
        let mean = ys.reduce(0, +) / Double(ys.count)
        let total = ys.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        guard total > 0 else { return nil }
        let residual = residuals.reduce(0) { $0 + $1 * $1 }
        return 1 - residual / total
    }

    /// Fits the constants; needs at least as many points as constants.
    public static func fit(_ points: [LinearObservation]) throws(FitError) -> LinearFit {
        guard let p = points.first?.regressors.count, p > 0 else { throw .tooFewPoints(have: points.count, need: 1) }
        guard points.count >= p else { throw .tooFewPoints(have: points.count, need: p) }
        var normal = Array(repeating: Array(repeating: 0.0, count: p + 1), count: p)
        for point in points {
            let target = point.measured - point.offset
            for i in 0..<p {
                for j in 0..<p { normal[i][j] += point.regressors[i] * point.regressors[j] }
                normal[i][p] += point.regressors[i] * target
            }
        }
        let beta = try solve(normal)
        return LinearFit(constants: beta, observations: points)
    }

    /// Leave-one-out: for each point, the constants fitted from the others and that fit's prediction of the point.
    public static func leaveOneOut(_ points: [LinearObservation]) throws(FitError) -> [LeaveOneOut] {
        var out: [LeaveOneOut] = []
        for (i, held) in points.enumerated() {
            var rest = points
            rest.remove(at: i)
            let fit = try LinearFit.fit(rest)
            out.append(
                LeaveOneOut(
                    label: held.label, constants: fit.constants, predicted: fit.predict(held), measured: held.measured))
        }
        return out
    }

    /// Gaussian elimination with partial pivoting on an augmented p × (p+1) matrix.
    static func solve(_ matrix: [[Double]]) throws(FitError) -> [Double] {
        var m = matrix
        let p = m.count
        let scale = m.flatMap { $0.dropLast() }.map(abs).max() ?? 0
        for col in 0..<p {
            var pivot = col
            for row in col..<p where abs(m[row][col]) > abs(m[pivot][col]) { pivot = row }
            guard abs(m[pivot][col]) > scale * 1e-12, scale > 0 else { throw .degenerate }
            m.swapAt(col, pivot)
            for row in 0..<p where row != col {
                let factor = m[row][col] / m[col][col]
                for k in col...p { m[row][k] -= factor * m[col][k] }
            }
        }
        return (0..<p).map { m[$0][p] / m[$0][$0] }
    }
}
