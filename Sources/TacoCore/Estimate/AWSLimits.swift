import Foundation

/// AWS service limits and billing conventions the model, `search` and the renderers share (Docs/Model.md §3–§6).
/// Each is written once, here, with its source.
public enum AWSLimits {
    /// Write capacity one DynamoDB partition serves: 1,000 WCU (WRU) per second, whatever the capacity mode.
    /// Source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html
    /// ("a maximum of 3,000 read capacity units and 1,000 write capacity units" per partition); also
    /// https://repost.aws/knowledge-center/on-demand-table-throttling-dynamodb.
    public static let dynamoPartitionWCU: Double = 1000

    /// Read capacity one DynamoDB partition serves: 3,000 RCU (RRU) per second. Source as `dynamoPartitionWCU`.
    public static let dynamoPartitionRCU: Double = 3000

    /// Write request units per second a new on-demand DynamoDB table serves at once (initial throughput, before
    /// it has seen a higher peak or is pre-warmed). Source:
    /// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html ("Initial
    /// throughput for on-demand capacity mode": up to 4,000 WRU or 12,000 RRU) and
    /// https://repost.aws/knowledge-center/on-demand-table-throttling-dynamodb.
    public static let dynamoNewTableWRU: Double = 4000

    /// Instance types a Spot node pool should allow for Karpenter's Spot-to-Spot consolidation to replace nodes
    /// with cheaper ones: at least 15. Source: https://karpenter.sh/docs/concepts/disruption/ ("Spot-to-Spot
    /// consolidation requires … at least 15 instance types") and the design
    /// https://github.com/aws/karpenter-core/pull/768 (designs/spot-consolidation.md, minimum flexibility 15).
    public static let spotDiversificationTypes = 15

    /// Most shards (node groups) one ElastiCache Valkey/Redis OSS cluster may have (Valkey 7.2+, Redis OSS 5.0.6+,
    /// after a limit increase; 90 nodes by default). Source:
    /// https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Shards.html ("can be increased to a maximum of
    /// 500 per cluster").
    public static let elastiCacheMaxShards = 500

    /// Hours in a billing month, the convention of AWS price pages and the AWS Pricing Calculator (365 × 24 ÷ 12
    /// = 730). Source: https://docs.aws.amazon.com/pricing-calculator/latest/userguide/ (calculations assume 730
    /// hours per month); the reference prices in Docs/Pricing.md are quoted per 730-h month.
    public static let hoursPerMonth: Decimal = 730

}
