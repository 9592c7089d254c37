import Foundation
import TestSupport
import Testing

/// The us-west-1 case: a Spot price history (two 2014 rows) imported for a region with no other prices.
@Suite struct SpotHistoryRegionTests {
    @Test func spotHistoryAloneLeavesARegionUnpriced() throws {
        let cli = try CLI()
        let history = try cli.write(
            "spot.json",
            """
            {"SpotPriceHistory": [
              {"Timestamp": "2014-01-06T04:32:53.000Z", "ProductDescription": "Linux/UNIX (Amazon VPC)",
               "InstanceType": "m1.xlarge", "SpotPrice": "0.080000", "AvailabilityZone": "us-west-1a"},
              {"Timestamp": "2014-01-05T11:28:26.000Z", "ProductDescription": "Linux/UNIX (Amazon VPC)",
               "InstanceType": "m1.xlarge", "SpotPrice": "0.080000", "AvailabilityZone": "us-west-1c"}]}
            """)
        #expect(try cli.run(["pricing", "import", history]).status == 0)
        let plan = try cli.write(
            "west.yaml",
            PlanFixture.minimal.replacingOccurrences(of: "region: us-east-1", with: "region: us-west-1")
                + "  spot_share: 70%\n")
        let r = try cli.run(["estimate", plan, "--as-of", "2026-11-01"])
        // Not exit 0 with "$0.0000 + 5 UNPRICED": the region has no On-Demand prices at all → pricing error, exit 3,
        // and the hint lists only fully priced regions.
        #expect(r.status == 3)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no prices for region 'us-west-1' in the price book"))
        #expect(r.stderr.contains("ap-northeast-2, us-east-1"))
        #expect(!r.crashed)
    }
}
