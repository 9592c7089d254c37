import Testing

@testable import TacoCore

@Suite struct ValidationLeastSquaresTests {
    func line(_ points: [(Double, Double)]) -> [LinearObservation] {
        points.map { LinearObservation(label: Format.plain($0.0), regressors: [1, $0.0], measured: $0.1) }
    }

    @Test func exactLineIsRecovered() throws {
        // y = 2 + 3x at x = 0…3: the fit must give a = 2, b = 3 and zero residuals.
        let fit = try LinearFit.fit(line([(0, 2), (1, 5), (2, 8), (3, 11)]))
        #expect(abs(fit.constants[0] - 2) < 1e-12)
        #expect(abs(fit.constants[1] - 3) < 1e-12)
        #expect(fit.residuals.allSatisfy { abs($0) < 1e-12 })
        #expect(abs((fit.rSquared ?? 0) - 1) < 1e-12)
    }

    @Test func noisyPointsGiveTheTextbookAnswer() throws {
        // (0,1), (1,3), (2,4): x̄ = 1, ȳ = 8/3; slope = Σ(x−x̄)(y−ȳ) ÷ Σ(x−x̄)² = (5/3 + 4/3) ÷ 2 = 1.5;
        // intercept = 8/3 − 1.5 = 7/6. Residuals −1/6, 1/3, −1/6; SS_res = 1/6, SS_tot = 42/9 → R² = 1 − 1/28 = 27/28.
        let fit = try LinearFit.fit(line([(0, 1), (1, 3), (2, 4)]))
        #expect(abs(fit.constants[0] - 7.0 / 6.0) < 1e-12)
        #expect(abs(fit.constants[1] - 1.5) < 1e-12)
        let expected = [-1.0 / 6.0, 1.0 / 3.0, -1.0 / 6.0]
        for (r, e) in zip(fit.residuals, expected) { #expect(abs(r - e) < 1e-12) }
        #expect(abs((fit.rSquared ?? 0) - 27.0 / 28.0) < 1e-12)
    }

    @Test func offsetIsSubtractedBeforeFitting() throws {
        // y = offset + 4 + 0.5x with offsets 10, 20, 30 at x = 2, 4, 6 → measured 15, 26, 37.
        let points = [(2.0, 10.0, 15.0), (4, 20, 26), (6, 30, 37)].map {
            LinearObservation(label: "", regressors: [1, $0.0], offset: $0.1, measured: $0.2)
        }
        let fit = try LinearFit.fit(points)
        #expect(abs(fit.constants[0] - 4) < 1e-9)
        #expect(abs(fit.constants[1] - 0.5) < 1e-9)
    }

    @Test func seedRedisStepsLeaveOneOut() throws {
        // 10k → 40 %, 20k → 70 %, 30k → 90 % (x in units of 10k RPS). Without 10k: line through (2,70),(3,90) has
        // slope 20, so at 1 it gives 50 → +10. Without 20k: (1,40),(3,90), slope 25 → 65 at 2 → −5.
        // Without 30k: (1,40),(2,70), slope 30 → 100 at 3 → +10.
        let points = line([(1, 40), (2, 70), (3, 90)])
        let loo = try LinearFit.leaveOneOut(points)
        let errors = loo.map(\.error)
        for (e, want) in zip(errors, [10.0, -5, 10]) { #expect(abs(e - want) < 1e-9) }
        #expect(errors.allSatisfy { abs($0) <= 10 + 1e-9 })
        // Full fit: slope 25, intercept 200/3 − 50 = 50/3; SS_res = 150/9, SS_tot = 11400/9 → R² = 75/76.
        let fit = try LinearFit.fit(points)
        #expect(abs(fit.constants[0] - 50.0 / 3.0) < 1e-9)
        #expect(abs(fit.constants[1] - 25) < 1e-9)
        #expect(abs((fit.rSquared ?? 0) - 75.0 / 76.0) < 1e-12)
    }

    @Test func degenerateAndTooFewPointsAreErrors() {
        #expect(throws: FitError.degenerate) { try LinearFit.fit(line([(1, 1), (1, 2), (1, 3)])) }
        #expect(throws: FitError.tooFewPoints(have: 1, need: 2)) { try LinearFit.fit(line([(1, 1)])) }
    }

    @Test func throughOriginFitForRequestsPerPod() throws {
        // Δpods = Δrps × (1/r): scale-ups (5,000 → 5), (10,000 → 10), (10,000 → 10): 1/r = Σ Δrps·Δpods ÷ Σ Δrps²
        // = (25,000 + 100,000 + 100,000) ÷ (25e6 + 1e8 + 1e8) = 1/1,000.
        let points = [(5000.0, 5.0), (10000, 10), (10000, 10)].map {
            LinearObservation(label: "", regressors: [$0.0], measured: $0.1)
        }
        let fit = try LinearFit.fit(points)
        #expect(abs(fit.constants[0] - 0.001) < 1e-15)
    }
}
