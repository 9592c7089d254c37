import Foundation

/// Gunther's Universal Scalability Law, with the same parameters as codahale/usl (`model.go`):
/// X(N) = λN ÷ (1 + σ(N−1) + κN(N−1)) — "Practical Scalability Analysis with the Universal Scalability Law", Eq. 3.
/// σ is contention (serialised work), κ coherency (crosstalk), λ throughput of one unit of load.
public struct ScalabilityLaw: Hashable, Sendable {
    public var sigma: Double
    public var kappa: Double
    public var lambda: Double

    public init(sigma: Double, kappa: Double, lambda: Double) {
        self.sigma = sigma
        self.kappa = kappa
        self.lambda = lambda
    }

    /// X(N), Eq. 3.
    public func throughput(at n: Double) -> Double { lambda * n / denominator(n) }

    func denominator(_ n: Double) -> Double { 1 + sigma * (n - 1) + kappa * n * (n - 1) }

    /// N* = √((1−σ)/κ), Eq. 4, unrounded; nil when κ ≤ 0 (no retrograde region: throughput never peaks).
    public var peakLoad: Double? {
        guard kappa > 0, sigma < 1 else { return nil }
        return ((1 - sigma) / kappa).squareRoot()
    }

    /// codahale/usl's `MaxConcurrency`: ⌊N*⌋ workers.
    public var maxConcurrency: Double? { peakLoad.map { $0.rounded(.down) } }

    /// codahale/usl's `MaxThroughput`: X(⌊N*⌋).
    public var peakThroughput: Double? { maxConcurrency.map { throughput(at: $0) } }
}

extension ScalabilityLaw {
    /// codahale/usl refuses fewer than 6 measurements: three constants need spare points to be checked.
    public static let minimumPoints = 6

    /// Non-linear least squares (Levenberg–Marquardt, analytic Jacobian) minimising Σ (Xᵢ − X(Nᵢ))².
    /// The start comes from the exact linearisation N/X = 1/λ + (σ/λ)(N−1) + (κ/λ)N(N−1), which is ordinary least
    /// squares in (1/λ, σ/λ, κ/λ); LM then refines in the throughput domain, where the errors live.
    public static func fit(_ points: [LoadPoint]) throws(FitError) -> ScalabilityLaw {
        guard points.count >= minimumPoints else { throw .tooFewPoints(have: points.count, need: minimumPoints) }
        guard points.allSatisfy({ $0.load > 0 && $0.throughput > 0 && $0.load.isFinite && $0.throughput.isFinite })
        else { throw .degenerate }
        var model = start(points)
        var damping = 1e-3
        var cost = sumOfSquares(model, points)
        for _ in 0..<500 {
            let (jtj, jtr) = normalEquations(model, points)
            var improved = false
            while damping < 1e12 {
                var augmented = jtj
                for i in 0..<3 { augmented[i][i] += damping * max(jtj[i][i], 1e-300) }
                let system = (0..<3).map { augmented[$0] + [jtr[$0]] }
                guard let step = try? LinearFit.solve(system) else {
                    damping *= 10
                    continue
                }
                let candidate = ScalabilityLaw(
                    sigma: model.sigma + step[0], kappa: model.kappa + step[1], lambda: model.lambda + step[2])
                let candidateCost = sumOfSquares(candidate, points)
                if candidateCost.isFinite && candidateCost <= cost {
                    let relative = (cost - candidateCost) / max(cost, 1e-300)
                    model = candidate
                    cost = candidateCost
                    damping = max(damping / 10, 1e-12)
                    improved = relative > 1e-15
                    break
                }
                damping *= 10
            }
            if !improved { return model }
        }
        throw .didNotConverge(iterations: 500)
    }

    static func start(_ points: [LoadPoint]) -> ScalabilityLaw {
        let linear = points.map { p in
            LinearObservation(
                label: "", regressors: [1, p.load - 1, p.load * (p.load - 1)], measured: p.load / p.throughput)
        }
        if let fit = try? LinearFit.fit(linear), fit.constants[0] > 0 {
            let lambda = 1 / fit.constants[0]
            return ScalabilityLaw(sigma: fit.constants[1] * lambda, kappa: fit.constants[2] * lambda, lambda: lambda)
        }
        // codahale/usl's start: σ = 0.1, κ = 0.01, λ = max(X/N).
        return ScalabilityLaw(sigma: 0.1, kappa: 0.01, lambda: points.map { $0.throughput / $0.load }.max() ?? 1)
    }

    static func sumOfSquares(_ m: ScalabilityLaw, _ points: [LoadPoint]) -> Double {
        points.reduce(0) { sum, p in
            let r = p.throughput - m.throughput(at: p.load)
            return sum + r * r
        }
    }

    /// JᵀJ and Jᵀr for parameters (σ, κ, λ); ∂X/∂σ = −λN(N−1)/D², ∂X/∂κ = −λN²(N−1)/D², ∂X/∂λ = N/D.
    static func normalEquations(_ m: ScalabilityLaw, _ points: [LoadPoint]) -> ([[Double]], [Double]) {
        var jtj = Array(repeating: Array(repeating: 0.0, count: 3), count: 3)
        var jtr = Array(repeating: 0.0, count: 3)
        for p in points {
            let n = p.load
            let d = m.denominator(n)
            let row = [-m.lambda * n * (n - 1) / (d * d), -m.lambda * n * n * (n - 1) / (d * d), n / d]
            let r = p.throughput - m.lambda * n / d
            for i in 0..<3 {
                for j in 0..<3 { jtj[i][j] += row[i] * row[j] }
                jtr[i] += row[i] * r
            }
        }
        return (jtj, jtr)
    }
}
