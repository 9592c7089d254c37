/// Hardware facts for a node or instance type (aws-pricing-facts.md §1.1, §2.1).
public struct InstanceSpec: Codable, Hashable, Sendable {
    public enum Architecture: String, Codable, Hashable, Sendable { case arm64, x86_64 }
    public var service: Service
    public var product: String
    public var architecture: Architecture
    public var vcpu: Int
    public var memoryGiB: Double
    /// Sustained network bandwidth; burst is not sustainable and is not used for sizing.
    public var baselineGbps: Double
    public var burstGbps: Double
    /// ElastiCache Enhanced I/O multiplexing: `yes`, `no`, `unknown`, or `n/a` for EC2.
    public var enhancedIO: String
    public var source: String

    public init(
        service: Service, product: String, architecture: Architecture, vcpu: Int, memoryGiB: Double,
        baselineGbps: Double, burstGbps: Double, enhancedIO: String, source: String
    ) {
        self.service = service
        self.product = product
        self.architecture = architecture
        self.vcpu = vcpu
        self.memoryGiB = memoryGiB
        self.baselineGbps = baselineGbps
        self.burstGbps = burstGbps
        self.enhancedIO = enhancedIO
        self.source = source
    }
}
