import Foundation
import TestSupport
import Testing

/// `compare` through the shared runner (scratch database, package root as working directory).
enum CompareCLI {
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let r = try CLI().run(arguments)
        return (r.status, r.stdout, r.stderr)
    }
}

@Suite struct CompareEndToEndTests {
    /// The reference rung on purpose: with the load test's calibration the seed's Redis fits no cluster, and this
    /// suite checks the lever arithmetic on the reference-VM sizing.
    static let args = [
        "compare", "plans/traffic-tacos.yaml", "--baseline", "base", "--as-of", "2026-11-01", "--evidence", "reference",
    ]

    @Test func comparesEveryShippedVariant() throws {
        let r = try CompareCLI.run(Self.args)
        #expect(r.status == 0, "\(r.err)")
        for name in [
            "base (baseline)", "keys-scan", "x86-gateway", "x86-cache", "on-demand-gateway", "valkey",
            "dynamodb-provisioned", "always-on-on-demand-gateway",
        ] {
            #expect(r.out.contains("  \(name) "), "missing \(name)")
        }
        // Table columns are padded to the longest name: compare with runs of spaces folded to one.
        let out = r.out.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        // KEYS at N = 300,000 costs 118,937 µs (reference benchmark): one core saturates at 1e6 ÷ 118,937 ≈ 8.4/s.
        #expect(out.contains("keys-scan INFEASIBLE"))
        #expect(r.out.contains("one core saturates at 8.4 calls/s, the plan issues 60,000/s"))
        // Valkey on the same 10 × cache.m7g.xlarge: 10 × ($0.315 − $0.252) × 730 h = $459.90 per month.
        #expect(out.contains("Valkey vs Redis OSS -$459.90"))
        #expect(out.contains("Spot instances $1,200.00/month"))
        // The peak fleet all month: 80 % Spot on c7g.2xlarge = (2 × $0.29 + 8 × $0.29 × (1 − 60 %)) × 730 h
        // = $1.508 × 730 = $1,100.84; all On-Demand the cheapest is c6g.2xlarge: 10 × $0.272 × 730 = $1,985.60;
        // the Spot step saves $1,985.60 − $1,100.84 = $884.76 a month.
        #expect(out.contains("Spot instances, gateway always on $1,200.00/month $884.76/month"))
    }

    @Test func jsonIsByteIdenticalAcrossRuns() throws {
        let a = try CompareCLI.run(Self.args + ["--format", "json"])
        let b = try CompareCLI.run(Self.args + ["--format", "json"])
        #expect(a.status == 0, "\(a.err)")
        #expect(a.out == b.out)
        #expect(a.out.contains("\"schema\" : \"tacoplan.compare/1\""))
    }

    @Test func unknownBaselineIsAnInputError() throws {
        let r = try CompareCLI.run(["compare", "plans/traffic-tacos.yaml", "--baseline", "valky"])
        #expect(r.status == 2)
        #expect(r.err.contains("did you mean 'valkey'?"))
    }
}
