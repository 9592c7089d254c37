import Foundation
import TestSupport
import Testing

/// `tacoplan pricing fetch` against a REAL loopback HTTP server (Tests/Fixtures/fetch/price_list_server.py) laid out
/// like the AWS Price List; nothing here contacts an AWS host.
@Suite(.serialized) struct FetchCommandTests {
    typealias M = PriceListMirror

    /// A CLI scratch directory holding the mirror, and the server serving it.
    func setUp() throws -> (CLI, PriceListServer) {
        let cli = try CLI()
        try M.write(to: cli.scratch)
        return (cli, try PriceListServer(root: cli.scratch))
    }

    /// Loopback only, whatever proxy the environment sets.
    let direct = ["NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"]

    func fetch(_ cli: CLI, _ server: PriceListServer, _ extra: [String]) throws -> CLIResult {
        try cli.run(
            ["pricing", "fetch", "--endpoint", server.endpoint, "--backoff", "0"] + extra, environment: direct)
    }

    @Test func aUsWest2FetchPricesEveryLineOfAUsWest2PlanAndARepeatTransfersNoBody() throws {
        let (cli, server) = try setUp()
        let plan = CLI.root.appendingPathComponent("Tests/Fixtures/fetch/us-west-2-sale.yaml").path
        let before = try cli.run(["estimate", plan, "--as-of", "2025-10-01"])
        #expect(before.status == 3, "us-west-2 has no bundled prices: \(before.stderr)")

        let first = try fetch(
            cli, server,
            ["--region", "us-west-2", "--spot-advisor", "--spot-advisor-url", server.endpoint + M.spotAdvisor])
        #expect(first.status == 0, "\(first.stderr)")
        // EC2: 3 Linux rows kept of 4,003 (4,000 Windows rows dropped); ElastiCache 2; DynamoDB 2; EKS 1; Spot 2.
        #expect(first.stdout.contains("AmazonEC2 us-west-2: ") && first.stdout.contains("4003 rows read, 3 kept"))
        #expect(first.stdout.contains("AmazonElastiCache us-west-2: ") && first.stdout.contains("2 rows read, 2 kept"))
        #expect(first.stdout.contains("AmazonEKS us-west-2: ") && first.stdout.contains("1 rows read, 1 kept"))
        #expect(first.stdout.contains("5 of 5 files fetched"))

        let estimate = try cli.run(["estimate", plan, "--as-of", "2025-10-01", "--format", "json"])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        let json = try EstimateJSON(estimate.stdout)
        let costs = try #require(json.estimate["costs"] as? [[String: Any]])
        #expect(!costs.isEmpty)
        #expect(
            costs.allSatisfy { $0["unitPrice"] != nil && !($0["priceSource"] as? String ?? "").contains("UNPRICED") })
        // EKS control plane: 1 cluster × 0.10 USD/h (the fixture price) × 730 h = 73 USD a month.
        let eks = try json.costLine("eks")
        #expect("\(eks["perMonth"] ?? "")" == "73")

        let coverage = try cli.run(["pricing", "coverage", plan, "--as-of", "2025-10-01"])
        #expect(coverage.status == 0, "\(coverage.stdout)\(coverage.stderr)")
        // 2 Redis candidates + 2 gateway nodes + EKS + DynamoDB WCU + 2 Spot lines = 8.
        #expect(coverage.stdout.contains("8 of 8 prices in the book"))

        let served = try server.requests().count
        let second = try fetch(
            cli, server,
            ["--region", "us-west-2", "--spot-advisor", "--spot-advisor-url", server.endpoint + M.spotAdvisor])
        #expect(second.status == 0, "\(second.stderr)")
        let repeats = try server.requests().dropFirst(served)
        // offer index + 4 region indexes + 4 regional files + Spot Advisor = 10 requests, every one 304 with no body.
        #expect(repeats.count == 10)
        #expect(repeats.allSatisfy { $0.status == 304 && $0.bytes == 0 })
        #expect(second.stdout.contains("0 bytes transferred"))
    }

    @Test func aCoveragePlanLacksUsWest2PricesBeforeAFetchAndNamesTheCommand() throws {
        let cli = try CLI()
        let plan = CLI.root.appendingPathComponent("Tests/Fixtures/fetch/us-west-2-sale.yaml").path
        let coverage = try cli.run(["pricing", "coverage", plan, "--as-of", "2025-10-01"])
        #expect(coverage.status == 3)
        #expect(coverage.stdout.contains("UNPRICED"))
        #expect(
            coverage.stdout.contains(
                "To fetch the rest: tacoplan pricing fetch --region us-west-2 --service dynamodb,ec2,eks,elasticache --spot-advisor"
            ))
    }

    @Test func aConnectionDroppedHalfWayLeavesTheDatabaseUnchangedAndTheNextFetchResumes() throws {
        let (cli, server) = try setUp()
        let listBefore = try cli.run(["pricing", "list", "--as-of", "2025-10-01"])
        try server.faults(drop: [M.ec2West])
        let broken = try fetch(cli, server, ["--region", "us-west-2", "--service", "ec2", "--attempts", "2"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("the connection broke off before the end of the file"))
        #expect(broken.stderr.contains("(2 attempts); the partial download is kept and the next fetch resumes it"))
        #expect(broken.stderr.contains("Nothing of this file was imported"))
        let listAfter = try cli.run(["pricing", "list", "--as-of", "2025-10-01"])
        #expect(listAfter.stdout == listBefore.stdout)

        try server.faults()
        let resumed = try fetch(cli, server, ["--region", "us-west-2", "--service", "ec2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let last = try #require(try server.requests().last)
        #expect(last.path == M.ec2West && last.status == 206 && last.range.hasPrefix("bytes="))
        #expect(resumed.stdout.contains("4003 rows read, 3 kept"))
    }

    @Test func aRegionThe404sIsAClearErrorAndChangesNothing() throws {
        let (cli, server) = try setUp()
        let listBefore = try cli.run(["pricing", "list", "--as-of", "2025-10-01"])
        try server.faults(missing: [M.dynamoWest])
        let result = try fetch(cli, server, ["--region", "us-west-2", "--service", "dynamodb"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("404 Not Found"))
        #expect(try cli.run(["pricing", "list", "--as-of", "2025-10-01"]).stdout == listBefore.stdout)
    }

    @Test func aRegionTheIndexDoesNotListIsAClearError() throws {
        let (cli, server) = try setUp()
        let result = try fetch(cli, server, ["--region", "xx-nowhere-1", "--service", "eks"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("AWS publishes no AmazonEKS price list for region 'xx-nowhere-1'"))
    }

    @Test func aSlowServerHitsTheTimeout() throws {
        let (cli, server) = try setUp()
        try server.faults(slow: [M.ec2West: 4])
        let started = Date()
        let result = try fetch(
            cli, server, ["--region", "us-west-2", "--service", "ec2", "--timeout", "1", "--attempts", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no data for the whole timeout"))
        // One attempt with a 1 s timeout ends well before the server's 4 s delay would.
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func theRealSamplesServeAsUsEast1() throws {
        let (cli, server) = try setUp()
        // The real ElastiCache fragment: 30 price dimensions, 10 of them Redis/Valkey/Memcached node prices.
        let cache = try fetch(cli, server, ["--region", "us-east-1", "--service", "elasticache"])
        #expect(cache.status == 0, "\(cache.stderr)")
        #expect(cache.stdout.contains("30 rows read, 10 kept"))
        // The real EC2 excerpt holds only Windows and Dedicated rows: no price the planner uses, so rc 2.
        let ec2 = try fetch(cli, server, ["--region", "us-east-1", "--service", "ec2"])
        #expect(ec2.status == 2)
        #expect(ec2.stderr.contains("none of its rows is one tacoplan prices"))
    }
}
