import Foundation
import TestSupport
import Testing

/// An imported AWS price list takes part in `estimate --as-of`: the newer row applies from its effective date,
/// the bundled one before it, and nothing is overwritten.
@Suite struct ImportedPriceEstimateTests {
    /// A hand-made AmazonElastiCache bulk CSV with one Redis OSS node row for cache.m7g.xlarge in us-east-1 at a
    /// made-up test price of $0.333/h effective 2026-11-01 (test data only; never shipped).
    static let elastiCacheCSV = """
        "FormatVersion","v1.0"
        "Disclaimer","test fixture"
        "Publication Date","2026-11-01T00:00:00Z"
        "Version","20261101000000"
        "OfferCode","AmazonElastiCache"
        "SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","Product Family","serviceCode","Location","Location Type","Instance Type","Current Generation","Instance Family","vCPU","Memory","Network Performance","Cache Engine","usageType","operation","Region Code"
        "TESTSKU1","JRTCKXETXF","TESTSKU1.JRTCKXETXF.6YS6EN2CT7","OnDemand","$0.333 per On-Demand cache.m7g.xlarge Redis hour","2026-11-01","0","Inf","Hrs","0.3330000000","USD","Cache Instance","AmazonElastiCache","US East (N. Virginia)","AWS Region","cache.m7g.xlarge","Yes","Standard","4","12.93 GiB","Up to 12500 Megabit","Redis","NodeUsage:cache.m7g.xlarge","CreateCacheCluster:0002","us-east-1"

        """

    func redisHourly(_ cli: CLI, asOf: String) throws -> String? {
        let r = try cli.run([
            "estimate", "plans/traffic-tacos.yaml", "--as-of", asOf, "--format", "json", "--evidence", "reference",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        return try EstimateJSON(r.stdout).costLine("redis")["hourly"] as? String
    }

    @Test func anImportedPriceAppliesFromItsEffectiveDate() throws {
        let cli = try CLI()
        let file = try cli.write("elasticache.csv", Self.elastiCacheCSV)
        let imported = try cli.run(["pricing", "import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 rows read, 1 kept, 0 rejected, 0 conflicts, 1 new"))
        // From 2026-11-01: 10 nodes × $0.333 = $3.33 per hour.
        #expect(try redisHourly(cli, asOf: "2026-11-15") == "3.33")
        // The day before, the bundled $0.315 (effective 2024-07-01) still applies: 10 × $0.315 = $3.15.
        #expect(try redisHourly(cli, asOf: "2026-10-31") == "3.15")
    }
}
