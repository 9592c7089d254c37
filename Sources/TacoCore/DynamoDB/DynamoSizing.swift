import Foundation

/// DynamoDB writes for the event: the seed's ceiling, the expected volume, and the provisioned alternative
/// (Docs/Model.md §5). Quantities only: `Costing.price` joins the WRU and WCU-hour prices (`PricedDynamo`).
public struct DynamoSizing: Codable, Hashable, Sendable {
    public var wruPerWrite: Int
    public var peakWritesPerSecond: Double
    public var peakWRUPerSecond: Double
    /// admissions/s × window: what the seed multiplies.
    public var ceilingWrites: Double
    /// admitted users × attempts, on the event timeline (Docs/Model.md §6.0).
    public var expectedWrites: Double
    /// The provisioned alternative's capacity: ⌈peak WRU/s ÷ target utilization⌉ WCU (Docs/Model.md §5).
    public var provisionedWCU: Int
    /// The provisioned alternative's hours: ⌈event seconds ÷ 3,600⌉ (Docs/Model.md §5, §6.0).
    public var provisionedHours: Int
    public var limitNotes: [String]
    /// Set when the plan's partition keys cannot absorb the peak: one key serves ≤ 1,000 WRU/s (Docs/Model.md §5).
    public var partitionLimit: String? = nil

    /// Write request units of the seed's ceiling: ceiling writes × WRU per write.
    public var ceilingWriteUnits: Decimal { Decimal(exactly: ceilingWrites) * Decimal(wruPerWrite) }

    /// Write request units of the expected writes: expected writes × WRU per write (the on-demand cost line's
    /// quantity).
    public var expectedWriteUnits: Decimal { Decimal(exactly: expectedWrites) * Decimal(wruPerWrite) }

    /// WCU-hours of the provisioned alternative: WCU × hours (its cost line's quantity).
    public var provisionedUnitHours: Decimal { Decimal(provisionedWCU * provisionedHours) }

    /// WRU per write = ⌈item KB⌉ × (2 if transactional) × (1 + GSIs) (Docs/Model.md §5; 1 KB = 1,024 B for DynamoDB).
    static func writeUnits(_ d: DynamoSpec) -> Int {
        let kb = Int((d.itemSize.value / 1024).rounded(.up))
        return max(kb, 1) * (d.transactional ? 2 : 1) * (1 + d.gsis)
    }

    static func size(_ input: EstimateInput, traffic: Traffic, timeline: EventTimeline, _ ledger: inout Ledger)
        -> DynamoSizing
    {
        let plan = input.plan
        let d = plan.dynamodb
        let wru = writeUnits(d)
        ledger.record(
            "dynamodb.wru_per_write", "Write units per reservation", value: Double(wru), unit: "WRU", display: "\(wru)",
            formula: "⌈item KB⌉ × (2 if transactional) × (1 + GSIs) (Docs/Model.md §5)",
            arithmetic:
                "⌈\(Format.number(d.itemSize.value)) B ÷ 1,024⌉ × \(d.transactional ? 2 : 1) × (1 + \(d.gsis)) = \(wru)",
            inputs: [
                FigureInput("item_size", Format.number(d.itemSize.value) + " B", input.from("dynamodb.item_size")),
                FigureInput("transactional", "\(d.transactional)", input.from("dynamodb.transactional")),
                FigureInput("gsis", "\(d.gsis)", input.from("dynamodb.gsis")),
            ])
        let peak = traffic.reservationRate
        let peakWRU = peak * Double(wru)
        let wcu = Int((peakWRU / d.targetUtilization).rounded(.up))
        let hours = Int((timeline.eventSeconds / TimeUnits.secondsPerHour).rounded(.up))
        var notes: [String] = []
        if peakWRU > AWSLimits.dynamoNewTableWRU {
            notes.append(
                "peak \(Format.number(peakWRU)) WRU/s exceeds the \(Format.number(AWSLimits.dynamoNewTableWRU, maxDecimals: 0)) WRU/s a new on-demand table absorbs at once: pre-warm the table (or provision)"
            )
        } else {
            notes.append(
                "peak \(Format.number(peakWRU)) WRU/s fits the \(Format.number(AWSLimits.dynamoNewTableWRU, maxDecimals: 0)) WRU/s a new on-demand table absorbs at once"
            )
        }
        let partitions = Int((peakWRU / AWSLimits.dynamoPartitionWCU).rounded(.up))
        notes.append(
            "one partition serves ≤ \(Format.number(AWSLimits.dynamoPartitionWCU, maxDecimals: 0)) WRU/s: the partition key must spread writes over ≥ \(max(partitions, 1)) partition(s); a single hot key would cap admissions at \(Format.rate(AWSLimits.dynamoPartitionWCU / Double(wru)))"
        )
        var sizing = DynamoSizing(
            wruPerWrite: wru, peakWritesPerSecond: peak, peakWRUPerSecond: peakWRU,
            ceilingWrites: peak * plan.event.window.value, expectedWrites: timeline.admitted * d.attemptsPerUser,
            provisionedWCU: wcu, provisionedHours: hours, limitNotes: notes)
        sizing.partitionLimit = partitionLimit(d, peakWRU: peakWRU, wruPerWrite: wru, attempts: d.attemptsPerUser)
        return sizing
    }

    /// With `partition_keys` K, each key takes peak WRU/s ÷ K (evenly spread at best); above `AWSLimits.dynamoPartitionWCU` WRU/s per key the
    /// table throttles whatever the capacity mode (Docs/Model.md §5). The message says what rate the keys do allow.
    static func partitionLimit(_ d: DynamoSpec, peakWRU: Double, wruPerWrite: Int, attempts: Double) -> String? {
        guard let keys = d.partitionKeys else { return nil }
        let perKey = peakWRU / Double(keys)
        guard perKey > AWSLimits.dynamoPartitionWCU else { return nil }
        let maxAdmissions = AWSLimits.dynamoPartitionWCU * Double(keys) / (Double(wruPerWrite) * attempts)
        return
            "peak \(Format.number(peakWRU)) WRU/s ÷ \(keys) partition key(s) = \(Format.number(perKey)) WRU/s per key > \(Format.number(AWSLimits.dynamoPartitionWCU, maxDecimals: 0)) WRU/s "
            + "(\(Format.number(perKey / AWSLimits.dynamoPartitionWCU, maxDecimals: 2))×): spread writes over ≥ \(Int((peakWRU / AWSLimits.dynamoPartitionWCU).rounded(.up))) keys, or admit at most "
            + "\(Format.rate(maxAdmissions))"
    }
}
