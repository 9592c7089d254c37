import Foundation

/// A plan whose gateway rate exceeds what the seed's load test reached (Docs/Model.md §7).
enum BeyondLoadTestRule: FindingRule {
    static func findings(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        let rate = e.traffic.gatewayRate
        guard rate > SeedClaims.loadTestPeakRPS else { return [] }
        let msg =
            "The plan's peak is \(Show.rate(rate)) at the gateway (status alone \(Show.rate(e.traffic.statusRate))), \(Show.n(rate / SeedClaims.loadTestPeakRPS, 2))× the 30,000 RPS the seed's load test reached: this sizing extrapolates beyond measured load (run `tacoplan validate`)."
        return [
            Finding(
                id: "beyond-load-test", severity: .warning, title: "Peak load exceeds the validated 30k RPS",
                message: msg, claim: "처리량: 30k RPS (목표 달성)")
        ]
    }
}
