/// One Spot Instance Advisor entry: savings vs On-Demand (30-day trailing average) and interruption bucket.
public struct SpotAdvice: Codable, Hashable, Sendable {
    public var region: String
    public var instanceType: String
    public var savingsPercent: Int
    public var bucket: InterruptionBucket
    public var capturedOn: Day
    public var source: String

    public init(
        region: String, instanceType: String, savingsPercent: Int, bucket: InterruptionBucket, capturedOn: Day,
        source: String
    ) {
        self.region = region
        self.instanceType = instanceType
        self.savingsPercent = savingsPercent
        self.bucket = bucket
        self.capturedOn = capturedOn
        self.source = source
    }
}
