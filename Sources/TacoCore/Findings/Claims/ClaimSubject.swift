/// What a plan's claim is about: the closed set of statements tacoplan can check against its figures
/// (Docs/PlanSpec.md `claims:`). Each subject has one kind, which says how its `value` is written.
public enum ClaimSubject: String, Codable, Hashable, Sendable, CaseIterable {
    /// DynamoDB write cost of one event, USD.
    case dynamodbWriteCost = "dynamodb_write_cost"
    /// Saving of Graviton ElastiCache nodes over x86, percent.
    case redisGravitonSaving = "redis_graviton_saving"
    /// Saving of Spot over On-Demand for the gateway nodes, percent.
    case gatewaySpotSaving = "gateway_spot_saving"
    /// Spot interruption frequency the design relies on, percent.
    case gatewaySpotInterruption = "gateway_spot_interruption"
    /// How many times faster ZRANK is than KEYS per status request.
    case keysToZrankSpeedup = "keys_to_zrank_speedup"
    /// Highest load the design's load test reached, requests/s.
    case loadTestPeakRPS = "load_test_peak_rps"
    /// Redis shard count of the design.
    case redisShards = "redis_shards"
    /// Redis memory the design provisions, bytes.
    case redisMemory = "redis_memory"
    /// How fast the gateway scales out, seconds.
    case gatewayScaleOut = "gateway_scale_out"
    /// Monthly saving of replacing KEYS with ZRANK, USD.
    case redisCodeFixSavingPerMonth = "redis_code_fix_saving_per_month"
    /// Monthly saving of Spot gateway nodes, USD.
    case spotSavingPerMonth = "spot_saving_per_month"
    /// Total monthly saving of the FinOps levers, USD.
    case totalSavingPerMonth = "total_saving_per_month"

    /// How the subject's value is written and read.
    public var kind: ClaimKind {
        switch self {
        case .dynamodbWriteCost: .cost
        case .redisCodeFixSavingPerMonth, .spotSavingPerMonth, .totalSavingPerMonth: .saving
        case .redisGravitonSaving, .gatewaySpotSaving, .gatewaySpotInterruption: .percentage
        case .keysToZrankSpeedup: .ratio
        case .loadTestPeakRPS, .redisShards, .redisMemory, .gatewayScaleOut: .capacity
        }
    }
}

/// The kinds of statement a claim makes (Docs/PlanSpec.md `claims:`).
public enum ClaimKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A USD amount, written `2.25` or `$2.25`.
    case cost
    /// A USD amount saved per month, written `$500`.
    case saving
    /// A percentage, written `20%`.
    case percentage
    /// A plain factor, written `100` or `100x`.
    case ratio
    /// A quantity: requests/s, shards, a size (`2GB`) or a duration (`30s`).
    case capacity
}
