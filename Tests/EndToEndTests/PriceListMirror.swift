import Foundation
import TestSupport

/// Writes a directory laid out like the AWS Price List bulk API (`/offers/v1.0/aws/index.json` → region indexes →
/// regional files): generated us-west-2 files for EC2 (CSV), ElastiCache, DynamoDB and EKS (JSON), the real samples
/// of `../shared/reference/samples/` as us-east-1 EC2 and ElastiCache, and a Spot Advisor file. The us-west-2
/// prices are fixtures for these tests, not AWS prices.
enum PriceListMirror {
    static let version = "20250912000000"
    static let samples = CLI.root.deletingLastPathComponent()
        .appendingPathComponent("shared/reference/samples")

    static func regional(_ offer: String, _ region: String, csv: Bool = false) -> String {
        "/offers/v1.0/aws/\(offer)/\(version)/\(region)/index.\(csv ? "csv" : "json")"
    }

    static let ec2West = regional("AmazonEC2", "us-west-2", csv: true)
    static let dynamoWest = regional("AmazonDynamoDB", "us-west-2")
    static let spotAdvisor = "/spot-advisor-data.json"

    /// Writes the mirror under `root/mirror`.
    static func write(to root: URL) throws {
        let mirror = root.appendingPathComponent("mirror")
        func put(_ path: String, _ data: Data) throws {
            let url = mirror.appendingPathComponent(String(path.dropFirst()))
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let offers = ["AmazonEC2", "AmazonElastiCache", "AmazonDynamoDB", "AmazonEKS"]
        let entries = offers.map { code in
            "\"\(code)\": {\"offerCode\": \"\(code)\", \"currentRegionIndexUrl\": "
                + "\"/offers/v1.0/aws/\(code)/current/region_index.json\", \"currentVersionUrl\": "
                + "\"/offers/v1.0/aws/\(code)/current/index.json\"}"
        }
        try put(
            "/offers/v1.0/aws/index.json",
            Data(
                "{\"formatVersion\": \"v1.0\", \"publicationDate\": \"2025-09-12T00:00:00Z\", \"offers\": {\(entries.joined(separator: ", "))}}"
                    .utf8))
        for code in offers {
            var regions = ["us-west-2"]
            if code == "AmazonEC2" || code == "AmazonElastiCache" { regions.append("us-east-1") }
            let list = regions.map { region in
                "\"\(region)\": {\"regionCode\": \"\(region)\", \"currentVersionUrl\": \"\(regional(code, region))\"}"
            }
            try put(
                "/offers/v1.0/aws/\(code)/current/region_index.json",
                Data("{\"formatVersion\": \"v1.0\", \"regions\": {\(list.joined(separator: ", "))}}".utf8))
        }
        try put(ec2West, Data(ec2CSV().utf8))
        try put(regional("AmazonElastiCache", "us-west-2"), Data(elastiCacheJSON.utf8))
        try put(dynamoWest, Data(dynamoJSON.utf8))
        try put(regional("AmazonEKS", "us-west-2"), Data(eksJSON.utf8))
        try put(
            regional("AmazonEC2", "us-east-1", csv: true),
            try Data(contentsOf: samples.appendingPathComponent("ec2-price-list-2025-09-12.excerpt.csv")))
        try put(
            regional("AmazonElastiCache", "us-east-1"),
            try Data(contentsOf: samples.appendingPathComponent("elasticache-offer-fragment-2025-06-24.json")))
        try put(spotAdvisor, Data(spotJSON.utf8))
    }

    static let header = [
        "SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange",
        "EndingRange", "Unit", "PricePerUnit", "Currency", "LeaseContractLength", "PurchaseOption", "OfferingClass",
        "Product Family", "serviceCode", "Location", "Location Type", "Instance Type", "vCPU", "Physical Processor",
        "Memory", "Network Performance", "Tenancy", "Operating System", "License Model", "usageType", "operation",
        "CapacityStatus", "MarketOption", "Pre Installed S/W", "Region Code",
    ]

    /// One EC2 row in `header` order.
    static func ec2Row(sku: String, type: String, os: String, price: String, vcpu: String, memory: String) -> String {
        let values = [
            sku, "JRTCKXETXF", "\(sku).JRTCKXETXF.6YS6EN2CT7", "OnDemand", "$\(price) per \(os) \(type) Instance Hour",
            "2025-09-01", "0", "Inf", "Hrs", price, "USD", "", "", "", "Compute Instance", "AmazonEC2",
            "US West (Oregon)", "AWS Region", type, vcpu, "AWS Graviton3 Processor", memory, "Up to 12500 Megabit",
            "Shared", os, "No License required", "USW2-BoxUsage:\(type)", "RunInstances", "Used", "OnDemand", "NA",
            "us-west-2",
        ]
        return values.map { "\"\($0)\"" }.joined(separator: ",")
    }

    /// us-west-2 EC2: Linux c7g.large 0.0725, c7g.xlarge 0.145, m7g.xlarge 0.1632 (kept), then 4,000 Windows rows
    /// the planner drops (padding so a half-way drop cuts a real body, about 1 MB).
    static func ec2CSV() -> String {
        var lines = [
            "\"FormatVersion\",\"v1.0\"", "\"Disclaimer\",\"Test fixture laid out like an AWS Price List.\"",
            "\"Publication Date\",\"2025-09-12T00:00:00Z\"", "\"Version\",\"\(version)\"",
            "\"OfferCode\",\"AmazonEC2\"",
            header.map { "\"\($0)\"" }.joined(separator: ","),
            ec2Row(sku: "W2C7GL", type: "c7g.large", os: "Linux", price: "0.0725000000", vcpu: "2", memory: "4 GiB"),
            ec2Row(sku: "W2C7GX", type: "c7g.xlarge", os: "Linux", price: "0.1450000000", vcpu: "4", memory: "8 GiB"),
            ec2Row(sku: "W2M7GX", type: "m7g.xlarge", os: "Linux", price: "0.1632000000", vcpu: "4", memory: "16 GiB"),
        ]
        for index in 0..<4_000 {
            lines.append(
                ec2Row(
                    sku: "WIN\(index)", type: "c7g.large", os: "Windows", price: "0.1645000000", vcpu: "2",
                    memory: "4 GiB"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON offer with one on-demand price per product: (sku, attributes, unit, USD, begin, end).
    static func offer(
        _ code: String,
        _ items: [(sku: String, family: String, attributes: [String: String], unit: String, usd: String)]
    ) -> String {
        var products: [String] = []
        var terms: [String] = []
        for item in items {
            let attributes = item.attributes.merging(
                ["servicecode": code, "location": "US West (Oregon)", "regionCode": "us-west-2"]
            ) { a, _ in a }
            let attributeText = attributes.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }
            products.append(
                "\"\(item.sku)\": {\"sku\": \"\(item.sku)\", \"productFamily\": \"\(item.family)\", "
                    + "\"attributes\": {\(attributeText.joined(separator: ", "))}}")
            terms.append(
                "\"\(item.sku)\": {\"\(item.sku).JRTCKXETXF\": {\"offerTermCode\": \"JRTCKXETXF\", \"sku\": "
                    + "\"\(item.sku)\", \"effectiveDate\": \"2025-09-01T00:00:00Z\", \"priceDimensions\": "
                    + "{\"\(item.sku).JRTCKXETXF.6YS6EN2CT7\": {\"rateCode\": \"\(item.sku).JRTCKXETXF.6YS6EN2CT7\", "
                    + "\"beginRange\": \"0\", \"endRange\": \"Inf\", \"unit\": \"\(item.unit)\", "
                    + "\"pricePerUnit\": {\"USD\": \"\(item.usd)\"}}}, \"termAttributes\": {}}}")
        }
        return """
            {"formatVersion": "v1.0", "offerCode": "\(code)", "version": "\(version)", \
            "publicationDate": "2025-09-12T00:00:00Z", "products": {\(products.joined(separator: ", "))}, \
            "terms": {"OnDemand": {\(terms.joined(separator: ", "))}}}

            """
    }

    /// us-west-2 ElastiCache Redis nodes: cache.t4g.medium 0.0650, cache.m7g.large 0.2140.
    static let elastiCacheJSON = offer(
        "AmazonElastiCache",
        [
            (
                "W2T4GM", "Cache Instance",
                [
                    "instanceType": "cache.t4g.medium", "cacheEngine": "Redis",
                    "usagetype": "USW2-NodeUsage:cache.t4g.medium", "vcpu": "2", "memory": "3.09 GiB",
                    "networkPerformance": "Up to 5 Gigabit",
                ], "Hrs", "0.0650000000"
            ),
            (
                "W2M7GL", "Cache Instance",
                [
                    "instanceType": "cache.m7g.large", "cacheEngine": "Redis",
                    "usagetype": "USW2-NodeUsage:cache.m7g.large", "vcpu": "2", "memory": "6.38 GiB",
                    "networkPerformance": "Up to 12.5 Gigabit",
                ], "Hrs", "0.2140000000"
            ),
        ])

    /// us-west-2 DynamoDB: WCU-hour 0.00065, WRU 0.000000625.
    static let dynamoJSON = offer(
        "AmazonDynamoDB",
        [
            (
                "W2WCU", "Provisioned IOPS", ["usagetype": "USW2-WriteCapacityUnit-Hrs", "group": "DDB-WriteUnits"],
                "WriteCapacityUnit-Hrs", "0.0006500000"
            ),
            (
                "W2WRU", "Amazon DynamoDB PayPerRequest Throughput",
                ["usagetype": "USW2-WriteRequestUnits", "group": "DDB-WriteUnits"], "WriteRequestUnits",
                "0.0000006250"
            ),
        ])

    /// us-west-2 EKS: the standard-support cluster hour at 0.10.
    static let eksJSON = offer(
        "AmazonEKS",
        [("W2EKS", "Compute", ["usagetype": "USW2-AmazonEKS-Hours:perCluster"], "Hrs", "0.1000000000")])

    /// Spot Advisor: us-west-2 Linux c7g.large and c7g.xlarge in the lowest interruption bucket.
    static let spotJSON = """
        {"ranges": [{"index": 0, "label": "<5%", "dots": 0, "max": 5}, {"index": 1, "label": "5-10%", "dots": 1, \
        "max": 11}, {"index": 2, "label": "10-15%", "dots": 2, "max": 16}, {"index": 3, "label": "15-20%", "dots": 3, \
        "max": 22}, {"index": 4, "label": ">20%", "dots": 4, "max": 100}], "instance_types": {}, "spot_advisor": \
        {"us-west-2": {"Linux": {"c7g.large": {"s": 60, "r": 0}, "c7g.xlarge": {"s": 58, "r": 0}}}}}

        """
}
