import Testing

@testable import TacoCore

@Suite struct ValidationScalabilityLawTests {
    @Test func recoversKnownParametersWithinOnePercent() throws {
        let truth = ScalabilityLaw(sigma: 0.02, kappa: 0.0001, lambda: 1000)
        let loads: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
        // Points generated from the truth with a deterministic ±0.1 % wobble (a measured ramp is never exact), so
        // Levenberg–Marquardt has to move away from the linearised start.
        let points = loads.enumerated().map { i, n in
            LoadPoint(load: n, throughput: truth.throughput(at: n) * (i.isMultiple(of: 2) ? 1.001 : 0.999))
        }
        let fit = try ScalabilityLaw.fit(points)
        #expect(abs(fit.sigma / 0.02 - 1) < 0.01)
        #expect(abs(fit.kappa / 0.0001 - 1) < 0.01)
        #expect(abs(fit.lambda / 1000 - 1) < 0.01)
    }

    @Test func exactPointsAreRecoveredExactly() throws {
        let truth = ScalabilityLaw(sigma: 0.05, kappa: 0.002, lambda: 250)
        let points = [1.0, 2, 3, 5, 8, 13, 21, 34].map { LoadPoint(load: $0, throughput: truth.throughput(at: $0)) }
        let fit = try ScalabilityLaw.fit(points)
        #expect(abs(fit.sigma / 0.05 - 1) < 1e-6)
        #expect(abs(fit.kappa / 0.002 - 1) < 1e-6)
        #expect(abs(fit.lambda / 250 - 1) < 1e-6)
    }

    @Test func peakFollowsCodahale() {
        // N* = √((1 − 0.02) ÷ 0.0001) = √9,800 = 98.99 → ⌊N*⌋ = 98;
        // X(98) = 1000 × 98 ÷ (1 + 0.02 × 97 + 0.0001 × 98 × 97) = 98,000 ÷ 3.8906.
        let m = ScalabilityLaw(sigma: 0.02, kappa: 0.0001, lambda: 1000)
        #expect(abs((m.peakLoad ?? 0) - 9800.0.squareRoot()) < 1e-9)
        #expect(m.maxConcurrency == 98)
        #expect(abs((m.peakThroughput ?? 0) - 98_000 / 3.8906) < 1e-6)
        #expect(ScalabilityLaw(sigma: 0.1, kappa: 0, lambda: 5).peakLoad == nil)
    }

    @Test func needsSixPoints() {
        let five = (1...5).map { LoadPoint(load: Double($0), throughput: Double($0) * 10) }
        #expect(throws: FitError.tooFewPoints(have: 5, need: 6)) { try ScalabilityLaw.fit(five) }
    }
}
