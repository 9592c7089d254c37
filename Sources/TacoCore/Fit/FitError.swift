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
