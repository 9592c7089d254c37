import Foundation

/// Writes a realistic full-size AmazonEC2 bulk CSV: the real 2025-09-12 91-column header, the 5 metadata rows, and
/// rows mixing term types, tenancies, operating systems, pre-installed software, capacity statuses and regions.
/// Every field is quoted, empty ones too (`""`), as AWS writes them. Deterministic for a given N and shape.
enum EC2PriceListGenerator {
    /// How the rows mix. `aws`: roughly the proportions of a real file, where most rows are ones the planner
    /// discards (2.9 % kept: 28,729 of 1 M rows). `dense`: mostly Linux, Shared, no software, Used, so 66 % of the
    /// rows are kept (656,255 of 1 M) and the cost of a kept row dominates.
    enum Shape: String, CaseIterable {
        case aws, dense

        var systems: [String] {
            switch self {
            case .aws: ["Linux", "Windows", "RHEL", "SUSE", "Red Hat Enterprise Linux with HA", "Ubuntu Pro", "Linux"]
            case .dense: ["Linux", "Linux", "Linux", "Linux", "Linux", "Linux", "Linux", "Linux", "Linux", "Windows"]
            }
        }
        var software: [String] {
            switch self {
            case .aws: ["NA", "NA", "SQL Web", "SQL Std", "SQL Ent"]
            case .dense: ["NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "SQL Web"]
            }
        }
        var tenancies: [String] {
            switch self {
            case .aws: ["Shared", "Shared", "Dedicated", "Host"]
            case .dense:
                ["Shared", "Shared", "Shared", "Shared", "Shared", "Shared", "Shared", "Shared", "Shared", "Host"]
            }
        }
        var capacity: [String] {
            switch self {
            case .aws: ["Used", "Used", "UnusedCapacityReservation", "AllocatedCapacityReservation"]
            case .dense:
                ["Used", "Used", "Used", "Used", "Used", "Used", "Used", "Used", "Used", "UnusedCapacityReservation"]
            }
        }
    }

    static let header =
        #""SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","RelatedTo","LeaseContractLength","PurchaseOption","OfferingClass","Product Family","serviceCode","Location","Location Type","Instance Type","Current Generation","Instance Family","vCPU","Physical Processor","Clock Speed","Memory","Storage","Network Performance","Processor Architecture","Storage Media","Volume Type","Max Volume Size","Max IOPS/volume","Max IOPS Burst Performance","Max throughput/volume","Provisioned","Tenancy","EBS Optimized","Operating System","License Model","Group","Group Description","Transfer Type","From Location","From Location Type","To Location","To Location Type","usageType","operation","AvailabilityZone","CapacityStatus","ClassicNetworkingSupport","Dedicated EBS Throughput","ECU","Elastic Graphics Type","Enhanced Networking Supported","From Region Code","GPU","GPU Memory","Instance","Instance Capacity - 10xlarge","Instance Capacity - 12xlarge","Instance Capacity - 16xlarge","Instance Capacity - 18xlarge","Instance Capacity - 24xlarge","Instance Capacity - 2xlarge","Instance Capacity - 32xlarge","Instance Capacity - 4xlarge","Instance Capacity - 8xlarge","Instance Capacity - 9xlarge","Instance Capacity - large","Instance Capacity - medium","Instance Capacity - metal","Instance Capacity - xlarge","instanceSKU","Intel AVX2 Available","Intel AVX Available","Intel Turbo Available","MarketOption","Normalization Size Factor","Physical Cores","Pre Installed S/W","Processor Features","Product Type","Region Code","Resource Type","serviceName","SnapshotArchiveFeeType","To Region Code","Volume API Name","VPCNetworkingSupport""#

    static let regions: [(code: String, name: String, prefix: String)] = [
        ("us-east-1", "US East (N. Virginia)", ""), ("us-west-2", "US West (Oregon)", "USW2-"),
        ("ap-northeast-2", "Asia Pacific (Seoul)", "APN2-"), ("ap-northeast-1", "Asia Pacific (Tokyo)", "APN1-"),
        ("eu-west-1", "EU (Ireland)", "EU-"), ("eu-central-1", "EU (Frankfurt)", "EUC1-"),
    ]
    static let families = ["m7g", "c7g", "r7g", "m6i", "c6i", "r6i", "m5", "c5", "m7i", "c7i", "t4g", "x2idn"]
    static let sizes = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"]
    static let leases = [
        ("1yr", "No Upfront"), ("1yr", "Partial Upfront"), ("3yr", "All Upfront"), ("3yr", "No Upfront"),
    ]

    /// Writes `rows` data rows to `path`, returning the file size in bytes.
    static func write(rows: Int, to path: String, shape: Shape = .aws) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path)
        else { throw BenchError("cannot create \(path)") }
        defer { try? out.close() }
        var buffer = [UInt8]()
        buffer.reserveCapacity(5 << 20)
        var size = 0
        func emit(_ line: String) throws {
            buffer.append(contentsOf: line.utf8)
            buffer.append(10)
            if buffer.count > 4 << 20 {
                try out.write(contentsOf: buffer)
                size += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try emit(#""FormatVersion","v1.0""#)
        try emit(#""Disclaimer","This pricing list is for informational purposes only.""#)
        try emit(#""Publication Date","2025-09-12T22:53:08Z""#)
        try emit(#""Version","20250912225308""#)
        try emit(#""OfferCode","AmazonEC2""#)
        try emit(header)
        var random = SplitMix(seed: 42)
        for index in 0..<rows { try emit(row(index, shape, &random)) }
        try out.write(contentsOf: buffer)
        return size + buffer.count
    }

    static func row(_ index: Int, _ shape: Shape, _ random: inout SplitMix) -> String {
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        let region = pick(regions)
        let type = "\(pick(families)).\(pick(sizes))"
        let os = pick(shape.systems)
        let tenancy = pick(shape.tenancies)
        let sw = pick(shape.software)
        let status = pick(shape.capacity)
        let reserved = random.next() % 10 < 7
        let (lease, option) = pick(leases)
        let sku = String(format: "%016llX", UInt64(index) &* 0x9E37_79B9_7F4A_7C15 & 0xFFFF_FFFF_FFFF)
        // One price per key (region, type, OS, tenancy, software, capacity, term), as in a real price list: rows
        // sharing a key never disagree, and no price is zero.
        var key = SplitMix(
            seed: stableHash([region.code, type, os, tenancy, sw, status, reserved ? lease + option : ""]))
        let price = String(format: "%.10f", Double(key.next() % 500_000 + 1) / 100_000)
        let usage =
            "\(region.prefix)\(tenancy == "Shared" ? "BoxUsage" : tenancy == "Host" ? "HostBoxUsage" : "DedicatedUsage"):\(type)"
        let description = "$\(price) per \(os) \(type) \(tenancy) Instance Hour"
        let fields: [String?] = [
            sku, reserved ? "4NA7Y494T4" : "JRTCKXETXF", "\(sku).JRTCKXETXF.6YS6EN2CT7",
            reserved ? "Reserved" : "OnDemand",
            description, "2025-09-01", "0", "Inf", "Hrs", price, "USD", nil, reserved ? lease : nil,
            reserved ? option : nil, reserved ? "standard" : nil, "Compute Instance", "AmazonEC2", region.name,
            "AWS Region", type, "Yes", "General purpose", "4", "AWS Graviton3 Processor", "2.6 GHz", "16 GiB",
            "EBS only", "Up to 12500 Megabit", "64-bit", nil, nil, nil, nil, nil, nil, nil, tenancy, nil, os,
            "No License required", nil, nil, nil, nil, nil, nil, nil, usage, "RunInstances", "NA", status, "false",
            "Up to 10000 Mbps", "NA", nil, "Yes", nil, nil, "NA", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
            nil, nil, nil, nil, nil, "Yes", "Yes", "Yes", "OnDemand", "8", nil, sw, "Intel AVX; Intel AVX2", nil,
            region.code,
            nil, "Amazon Elastic Compute Cloud", nil, nil, nil, "true",
        ]
        return fields.map { "\"\($0 ?? "")\"" }.joined(separator: ",")
    }
}

/// FNV-1a over the UTF-8 bytes of `parts`: the same on every run, unlike `Hasher`.
func stableHash(_ parts: [String]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for part in parts {
        for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hash = (hash ^ 0x1F) &* 0x100_0000_01B3
    }
    return hash
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A benchmark failure with its explanation.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
