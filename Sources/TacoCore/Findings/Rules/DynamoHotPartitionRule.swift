import Foundation

/// One partition key taking more than `AWSLimits.dynamoPartitionWCU` WRU/s at the peak: an error, whatever the
/// capacity mode (Docs/Model.md §5).
enum DynamoHotPartitionRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let e = facts.parts
        guard let limit = e.dynamo.partitionLimit else { return [] }
        return [
            Finding(
                id: "dynamodb-hot-partition", severity: .error, title: "DynamoDB partition limit exceeded",
                message: limit + ".", claim: nil)
        ]
    }
}
