/// The hardware a cost table was measured or calibrated on (Docs/Model.md §14): a calibration names the load test's
/// node type and engine, `bench redis` records the CPU model, cores, architecture, engine and version of the machine
/// it ran on, and the user may state the AWS type it was (`--hardware m7g.xlarge`, or a `hardware` column).
public struct CostHardware: Codable, Hashable, Sendable {
    /// The AWS node or instance type ("cache.m7g.xlarge", "m7g.xlarge"), when known; nil for a machine of unknown
    /// type (a laptop, a local VM, the reference VM).
    public var nodeType: String?
    /// "AMD EPYC 9R45", from /proc/cpuinfo; empty when not recorded.
    public var cpuModel: String
    /// Logical CPUs of the machine; nil when not recorded.
    public var cores: Int?
    /// "x86_64", "aarch64"; empty when not recorded.
    public var architecture: String
    public var engine: Engine?
    /// Engine version ("7.0.15"); empty or "not stated" when unknown.
    public var version: String

    public init(
        nodeType: String?, cpuModel: String = "", cores: Int? = nil, architecture: String = "", engine: Engine?,
        version: String
    ) {
        self.nodeType = nodeType
        self.cpuModel = cpuModel
        self.cores = cores
        self.architecture = architecture
        self.engine = engine
        self.version = version
    }

    /// The node family of an ElastiCache or EC2 type: "m7g" for "cache.m7g.xlarge" and "m7g.xlarge".
    public static func family(of type: String) -> String {
        let parts = type.split(separator: ".").map(String.init)
        let rest = parts.first == "cache" || parts.first == "db" ? Array(parts.dropFirst()) : parts
        return rest.first ?? type
    }

    /// The size of a type: "xlarge" for "cache.m7g.xlarge".
    public static func size(of type: String) -> String {
        type.split(separator: ".").last.map(String.init) ?? ""
    }

    /// The type without the service prefix: "m7g.xlarge" for "cache.m7g.xlarge" (ElastiCache names its nodes after
    /// EC2 types: engine-hardware-facts.md §1, source NT).
    public static func bareType(_ type: String) -> String {
        for prefix in ["cache.", "db."] where type.hasPrefix(prefix) { return String(type.dropFirst(prefix.count)) }
        return type
    }

    /// "cache.m7g.xlarge Redis OSS 7.0.15", "2-vCPU AMD EPYC 9R45 x86_64 (type not stated) Redis OSS 7.0.15".
    public var description: String {
        var machine: String
        if let nodeType {
            machine = nodeType
        } else {
            var parts: [String] = []
            if let cores { parts.append("\(cores)-vCPU") }
            parts.append(cpuModel.isEmpty ? "unknown CPU" : cpuModel)
            if !architecture.isEmpty { parts.append(architecture) }
            machine = parts.joined(separator: " ") + " (AWS type not stated)"
        }
        let v = version.isEmpty ? "(version not stated)" : version
        return machine + " " + (engine?.displayName ?? "unknown engine") + " " + v
    }
}
