/// A workload plan: what an architect writes in `plans/*.yaml` (Docs/PlanSpec.md).
public struct Plan: Codable, Hashable, Sendable {
    public var name: String
    public var event: EventSpec
    public var clients: ClientSpec
    public var apis: [ApiSpec]
    public var admission: AdmissionSpec
    public var redis: RedisSpec
    public var gateway: GatewaySpec
    public var dynamodb: DynamoSpec
    public var pricing: PricingSpec
    /// The bounds of `tacoplan search`; `SearchSpec.planDefaults` when the plan has no `search:` section.
    public var search: SearchSpec = .planDefaults
    /// The autoscaling settings of `tacoplan simulate`; `ScalingSpec.defaults` when the plan has no `scaling:`.
    public var scaling: ScalingSpec = .defaults
    /// Statements the plan's authors made, checked by findings (`claims:`, Docs/PlanSpec.md); none by default.
    public var claims: [Claim] = []
    /// Names and service objectives for `tacoplan observe` (`observability:`); `ObservabilitySpec.defaults` without it.
    public var observability: ObservabilitySpec = .defaults
    /// The regions of a multi-region sale (`regions:`); nil for a single-region plan.
    public var regions: RegionsSpec? = nil
}
