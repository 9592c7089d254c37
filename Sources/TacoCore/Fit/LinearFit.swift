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
        var normal = NormalSums(width: p)
        for point in points { normal.add(point) }
        let beta = try solve(normal.matrix)
        return LinearFit(constants: beta, observations: points)
    }

    /// Leave-one-out: for each point, the constants fitted from the others and that fit's prediction of the point.
    ///
    /// Linear in the points: the normal equations of "all but point i" are the sums over the points before i plus
    /// the sums over the points after it (prefix and suffix sums, each built once), so each held-out fit solves a
    /// p × p system instead of re-summing n − 1 points (which would make 30,000 steps take minutes and gigabytes).
    /// Adding the two partial sums rather than subtracting point i from the total keeps the result as exact as a
    /// direct refit (no cancellation).
    public static func leaveOneOut(_ points: [LinearObservation]) throws(FitError) -> [LeaveOneOut] {
        guard let p = points.first?.regressors.count, p > 0 else { return [] }
        guard points.count - 1 >= p else { throw .tooFewPoints(have: points.count - 1, need: p) }
        var suffix = [NormalSums](repeating: NormalSums(width: p), count: points.count + 1)
        for i in stride(from: points.count - 1, through: 0, by: -1) {
            suffix[i] = suffix[i + 1]
            suffix[i].add(points[i])
        }
        var prefix = NormalSums(width: p)
        var out: [LeaveOneOut] = []
        out.reserveCapacity(points.count)
        for (i, held) in points.enumerated() {
            let constants = try solve(prefix.plus(suffix[i + 1]).matrix)
            let predicted = zip(constants, held.regressors).reduce(held.offset) { $0 + $1.0 * $1.1 }
            out.append(
                LeaveOneOut(label: held.label, constants: constants, predicted: predicted, measured: held.measured))
            prefix.add(held)
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

/// One leave-one-out check: the point was left out of the fit and then predicted.
public struct LeaveOneOut: Hashable, Sendable {
    public var label: String
    public var constants: [Double]
    public var predicted: Double
    public var measured: Double
    /// predicted − measured (positive: the model over-predicts).
    public var error: Double { predicted - measured }
}

/// Why a least-squares fit has no unique answer.
public enum FitError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooFewPoints(have: Int, need: Int)
    /// The regressors do not vary enough to tell the constants apart (XᵀX is singular).
    case degenerate
    case didNotConverge(iterations: Int)

    public var description: String {
        switch self {
        case .tooFewPoints(let have, let need): "needs at least \(need) points, has \(have)"
        case .degenerate: "the points do not separate the constants (all at the same load?)"
        case .didNotConverge(let n): "did not converge in \(n) iterations"
        }
    }
}
