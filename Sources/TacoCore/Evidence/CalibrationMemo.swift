import Foundation

/// The load-test calibration already worked out in one run, by everything it depends on. `compare` and `report`
/// put every variant of a plan on the evidence ladder, and most variants change only the gateway, prices or search
/// bounds, which neither the hardware check nor the fitted per-command overhead reads (Docs/Model.md §14). The
/// memo makes their ladder cost one lookup instead of an estimate and a least-squares fit per variant.
public final class CalibrationMemo: @unchecked Sendable {
    /// What the calibration reads: the crowd, clients, APIs, admission, Redis and DynamoDB sections, the day (the
    /// reference rung's cheapest node type depends on prices in force) and whether it is forced.
    struct Key: Hashable {
        var event: EventSpec
        var clients: ClientSpec
        var apis: [ApiSpec]
        var admission: AdmissionSpec
        var redis: RedisSpec
        var dynamodb: DynamoSpec
        var asOf: Day
        var force: Bool
    }

    private var results: [Key: Result<(table: CommandCostTable, source: String), EvidenceLadder.NotCalibrated>] = [:]
    private let lock = NSLock()

    public init() {}

    func calibration(_ reference: EstimateInput, _ request: EvidenceLadder.Request) -> Result<
        (table: CommandCostTable, source: String), EvidenceLadder.NotCalibrated
    > {
        let p = reference.plan
        let key = Key(
            event: p.event, clients: p.clients, apis: p.apis, admission: p.admission, redis: p.redis,
            dynamodb: p.dynamodb, asOf: reference.asOf, force: request.forceCalibration)
        if let hit = lock.withLock({ results[key] }) { return hit }
        let value = EvidenceLadder.calibration(reference, request)
        lock.withLock { results[key] = value }
        return value
    }
}
