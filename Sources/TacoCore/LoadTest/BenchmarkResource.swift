/// The utilizations a load test reports, each in percent.
public enum BenchmarkResource: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case redisEngineCPU = "redis_engine_cpu"
    case gatewayCPU = "gateway_cpu"
    case backendCPU = "backend_cpu"
    case dynamodbUtilization = "dynamodb_utilization"
    case errorRate = "error_rate"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    public var label: String {
        switch self {
        case .redisEngineCPU: "Redis engine CPU"
        case .gatewayCPU: "gateway CPU"
        case .backendCPU: "backend CPU"
        case .dynamodbUtilization: "DynamoDB utilization"
        case .errorRate: "error rate"
        }
    }
}
