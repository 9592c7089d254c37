import Foundation
import GRDB
import TacoCore
import Testing

@testable import TacoStore

/// Hand-made AWS Price List files for importer tests.
enum PriceListFixtures {
    /// The real AmazonEC2 bulk CSV header of 2025-09-12 (91 columns).
    static let ec2Header91 =
        #""SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","RelatedTo","LeaseContractLength","PurchaseOption","OfferingClass","Product Family","serviceCode","Location","Location Type","Instance Type","Current Generation","Instance Family","vCPU","Physical Processor","Clock Speed","Memory","Storage","Network Performance","Processor Architecture","Storage Media","Volume Type","Max Volume Size","Max IOPS/volume","Max IOPS Burst Performance","Max throughput/volume","Provisioned","Tenancy","EBS Optimized","Operating System","License Model","Group","Group Description","Transfer Type","From Location","From Location Type","To Location","To Location Type","usageType","operation","AvailabilityZone","CapacityStatus","ClassicNetworkingSupport","Dedicated EBS Throughput","ECU","Elastic Graphics Type","Enhanced Networking Supported","From Region Code","GPU","GPU Memory","Instance","Instance Capacity - 10xlarge","Instance Capacity - 12xlarge","Instance Capacity - 16xlarge","Instance Capacity - 18xlarge","Instance Capacity - 24xlarge","Instance Capacity - 2xlarge","Instance Capacity - 32xlarge","Instance Capacity - 4xlarge","Instance Capacity - 8xlarge","Instance Capacity - 9xlarge","Instance Capacity - large","Instance Capacity - medium","Instance Capacity - metal","Instance Capacity - xlarge","instanceSKU","Intel AVX2 Available","Intel AVX Available","Intel Turbo Available","MarketOption","Normalization Size Factor","Physical Cores","Pre Installed S/W","Processor Features","Product Type","Region Code","Resource Type","serviceName","SnapshotArchiveFeeType","To Region Code","Volume API Name","VPCNetworkingSupport""#

    /// The real AmazonEC2 bulk CSV header of 2017-03-02 (66 columns: no Region Code, CapacityStatus, …).
    static let ec2Header66 =
        #""SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","LeaseContractLength","PurchaseOption","OfferingClass","Product Family","serviceCode","Location","Location Type","Instance Type","Current Generation","Instance Family","vCPU","Physical Processor","Clock Speed","Memory","Storage","Network Performance","Processor Architecture","Storage Media","Volume Type","Max Volume Size","Max IOPS/volume","Max IOPS Burst Performance","Max throughput/volume","Provisioned","Tenancy","EBS Optimized","Operating System","License Model","Group","Group Description","Transfer Type","From Location","From Location Type","To Location","To Location Type","usageType","operation","Comments","Dedicated EBS Throughput","Enhanced Networking Supported","GPU","Instance Capacity - 10xlarge","Instance Capacity - 2xlarge","Instance Capacity - 4xlarge","Instance Capacity - 8xlarge","Instance Capacity - large","Instance Capacity - medium","Instance Capacity - xlarge","Intel AVX Available","Intel AVX2 Available","Intel Turbo Available","Physical Cores","Pre Installed S/W","Processor Features","Sockets""#

    static func columns(_ header: String) -> [String] {
        header.split(separator: ",", omittingEmptySubsequences: false).map { String($0.dropFirst().dropLast()) }
    }

    /// A Linux, Shared, on-demand, used-capacity m7g.xlarge row in us-east-1; `overrides` change columns by name.
    static let ec2Linux: [String: String] = [
        "SKU": "AAAA1111", "OfferTermCode": "JRTCKXETXF", "RateCode": "AAAA1111.JRTCKXETXF.6YS6EN2CT7",
        "TermType": "OnDemand", "PriceDescription": "$0.1632 per On Demand Linux m7g.xlarge Instance Hour",
        "EffectiveDate": "2025-09-01", "StartingRange": "0", "EndingRange": "Inf", "Unit": "Hrs",
        "PricePerUnit": "0.1632000000", "Currency": "USD", "Product Family": "Compute Instance",
        "serviceCode": "AmazonEC2", "Location": "US East (N. Virginia)", "Location Type": "AWS Region",
        "Instance Type": "m7g.xlarge", "vCPU": "4", "Physical Processor": "AWS Graviton3 Processor",
        "Memory": "16 GiB", "Network Performance": "Up to 12500 Megabit", "Tenancy": "Shared",
        "Operating System": "Linux", "License Model": "No License required", "usageType": "BoxUsage:m7g.xlarge",
        "operation": "RunInstances", "CapacityStatus": "Used", "MarketOption": "OnDemand", "Pre Installed S/W": "NA",
        "Region Code": "us-east-1",
    ]

    /// A bulk CSV text: metadata rows, `header`, then one row per dictionary (missing columns empty).
    static func csv(
        offer: String = "AmazonEC2", header: [String], rows: [[String: String]], version: String = "20250912225308",
        published: String = "2025-09-12T22:53:08Z"
    ) -> String {
        var lines = [
            "\"FormatVersion\",\"v1.0\"", "\"Disclaimer\",\"This pricing list is for informational purposes only.\"",
            "\"Publication Date\",\"\(published)\"", "\"Version\",\"\(version)\"", "\"OfferCode\",\"\(offer)\"",
            header.map { "\"\($0)\"" }.joined(separator: ","),
        ]
        for row in rows {
            lines.append(header.map { row[$0].map { "\"\($0)\"" } ?? "" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func ec2(_ overrides: [String: String] = [:]) -> [String: String] {
        ec2Linux.merging(overrides) { _, new in new }
    }
}

/// A scratch directory for fixture files, removed by the caller.
struct Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tacoplan-test-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

extension TacoDatabase {
    /// Imports with a fixed clock and capture day.
    func importForTest(_ paths: [String], includeExtras: Bool = false) throws -> [ImportReport] {
        try importPriceLists(
            paths: paths,
            options: ImportOptions(
                includeDynamoDBExtras: includeExtras, capturedOn: "2026-01-15", now: { "2026-01-15T00:00:00Z" }))
    }

    /// Every price row as "service region product engine purchase unit usd effective".
    func priceLines(confidence: String = "aws-price-list") throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT service || ' ' || region || ' ' || product || ' ' || engine_os || ' ' || purchase_option
                        || ' ' || unit || ' ' || usd || ' ' || effective_from FROM price WHERE confidence = ?
                    ORDER BY 1
                    """, arguments: [confidence])
        }
    }
}
