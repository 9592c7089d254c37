import Foundation
import TestSupport
import Testing

/// `pricing import` of hostile price files through the CLI: exit 2, one clear message, the database unchanged (the
/// sqlite3 shell's row counts and a dump of `price` compared before and after); `--accept-partial` keeps the good rows.
@Suite struct HostileImportTests {
    /// The 2025-09-12 EC2 CSV layout, reduced to the columns the importer reads.
    static let header = PriceListMirror.header

    /// A us-west-2 EC2 CSV whose Linux rows carry `prices` (one instance type each: c7g.large, c7g.xlarge, …).
    static func csv(_ prices: [String]) -> String {
        let types = ["c7g.large", "c7g.xlarge", "c7g.2xlarge", "m7g.large", "m7g.xlarge", "r7g.large"]
        var lines = [
            "\"FormatVersion\",\"v1.0\"", "\"Disclaimer\",\"fixture\"", "\"Publication Date\",\"2025-09-12T00:00:00Z\"",
            "\"Version\",\"20250912000000\"", "\"OfferCode\",\"AmazonEC2\"",
            header.map { "\"\($0)\"" }.joined(separator: ","),
        ]
        for (index, price) in prices.enumerated() {
            lines.append(
                PriceListMirror.ec2Row(
                    sku: "S\(index)", type: types[index % types.count], os: "Linux", price: price, vcpu: "2",
                    memory: "4 GiB"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func state(_ cli: CLI) throws -> String {
        try Tacoplan.sqlite(
            cli.db,
            "SELECT COUNT(*) FROM price; SELECT COUNT(*) FROM import_run; SELECT COUNT(*) FROM instance_spec; "
                + "SELECT group_concat(product || '=' || usd) FROM (SELECT product, usd FROM price ORDER BY id)")
    }

    @Test(arguments: [
        (["-5", "-5", "-5"], "3 price is negative"),
        (["abc", "NaN", "1e400"], "3 price is not a plain decimal number"),
        (["99999999999999999999999"], "1 price is outside the sane range for its unit"),
    ])
    func aFileWithNoValidPriceExits2AndChangesNothing(_ prices: [String], _ reason: String) throws {
        let cli = try CLI()
        _ = try cli.run(["pricing", "list"])
        let before = try state(cli)
        let file = try cli.write("index.csv", Self.csv(prices))
        let result = try cli.run(["pricing", "import", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no usable price in this file"))
        #expect(result.stderr.contains(reason))
        #expect(result.stderr.contains("Nothing was imported: the database is unchanged."))
        #expect(!result.crashed)
        #expect(try state(cli) == before)
    }

    @Test func aPartlyBadFileNeedsAcceptPartial() throws {
        let cli = try CLI()
        _ = try cli.run(["pricing", "list"])
        let before = try state(cli)
        // c7g.large 0.0725 and c7g.xlarge 0.145 are valid; c7g.2xlarge -1 is not.
        let file = try cli.write("index.csv", Self.csv(["0.0725", "0.145", "-1"]))
        let refused = try cli.run(["pricing", "import", file])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("pass --accept-partial to import the valid rows only"))
        #expect(refused.stderr.contains("line 9: '-1'"))
        #expect(try state(cli) == before)

        let partial = try cli.run(["pricing", "import", "--accept-partial", file])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.contains("3 rows read, 2 kept, 1 rejected (1 price is negative), 0 conflicts, 2 new"))
        let show = try cli.run(["pricing", "show", "c7g.2xlarge", "--as-of", "2025-10-01"])
        #expect(!show.stdout.contains("us-west-2"))
    }

    @Test func pricingListHasOneRowPerRegionAndService() throws {
        let cli = try CLI()
        let list = try cli.run(["pricing", "list", "--as-of", "2026-01-01"])
        #expect(list.status == 0)
        let seoulEC2 = list.stdout.split(separator: "\n").filter { $0.hasPrefix("ap-northeast-2  ec2 ") }
        #expect(seoulEC2.count == 1)
    }
}
