import Foundation

/// DynamoDB writes for the event: the seed's ceiling, the expected volume, and the provisioned alternative (Docs/Model.md §5).
public struct DynamoSizing: Codable, Hashable, Sendable {
    public var wruPerWrite: Int
    public var peakWritesPerSecond: Double
    public var peakWRUPerSecond: Double
    /// admissions/s × window: what the seed multiplies.
    public var ceilingWrites: Double
    public var ceilingCost: Money?
    /// admitted users × attempts, on the event timeline (Docs/Model.md §6.0).
    public var expectedWrites: Double
    /// The on-demand writes' cost per event: expected writes × WRU per write × WRU price, the one figure the cost
    /// line and the search read (nil when the WRU price is missing).
    public var expectedCost: Money?
    public var wruPrice: PriceQuote?
    public var provisionedWCU: Int
    public var provisionedHours: Int
    public var provisionedCost: Money?
    public var wcuPrice: PriceQuote?
    public var cheaperMode: String
    public var limitNotes: [String]
    /// Set when the plan's partition keys cannot absorb the peak: one key serves ≤ 1,000 WRU/s (Docs/Model.md §5).
    public var partitionLimit: String? = nil

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

    static func size(_ input: EstimateInput, traffic: Traffic, _ ledger: inout Ledger) -> DynamoSizing {
        let plan = input.plan
        let d = plan.dynamodb
        let region = plan.event.region
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
        let wruPrice = input.book.sheet.quote(.dynamoWriteRequestUnit(region: region))
        let window = plan.event.window.value
        let peak = traffic.reservationRate
        let ceilingWrites = peak * window
        let ceilingCost = wruPrice.map { $0.usd * (Decimal(exactly: ceilingWrites) * Decimal(wru)) }
        ledger.record(
            "dynamodb.ceiling_cost", "DynamoDB write ceiling per event", value: ceilingCost?.amount.doubleValue ?? .nan,
            unit: "USD", display: ceilingCost.map { Format.usd($0, places: 4) } ?? "UNPRICED",
            formula: "reservations/s × window × WRU per write × WRU price (Docs/Model.md §5; the seed's $2.25)",
            arithmetic:
                "\(Format.rate(peak)) × \(Format.seconds(plan.event.window)) × \(wru) × \(wruPrice.map { Format.unitPrice($0.usd) } ?? "UNPRICED") = \(ceilingCost.map { Format.usd($0, places: 4) } ?? "UNPRICED")",
            inputs: [
                ledger.ref("traffic.reservation_rate", "reservations/s"),
                FigureInput("window", Format.seconds(plan.event.window), input.from("event.window")),
                FigureInput(
                    "WRU price", wruPrice.map { Format.unitPrice($0.usd) } ?? "UNPRICED",
                    wruPrice?.citation ?? "no price in force on \(input.asOf)"),
            ])
        let timeline = EventTimeline(
            users: plan.event.users, window: plan.event.window, admissionRate: traffic.admissionRate)
        let admitted = timeline.admitted
        let expected = admitted * d.attemptsPerUser
        let expectedCost = wruPrice.map { $0.usd * (Decimal(exactly: expected) * Decimal(wru)) }
        ledger.record(
            "dynamodb.expected_cost", "DynamoDB expected write cost per event",
            value: expectedCost?.amount.doubleValue ?? .nan,
            unit: "USD", display: expectedCost.map { Format.usd($0, places: 4) } ?? "UNPRICED",
            formula:
                "min(users, admission rate × event seconds) × attempts × WRU per write × WRU price (Docs/Model.md §5, §6.0)",
            arithmetic:
                "\(Format.number(admitted)) users × \(Format.number(d.attemptsPerUser)) = \(Format.number(expected)) writes × \(wru) × \(wruPrice.map { Format.unitPrice($0.usd) } ?? "UNPRICED") = \(expectedCost.map { Format.usd($0, places: 4) } ?? "UNPRICED")",
            inputs: [
                FigureInput("users", Format.number(Double(plan.event.users)), input.from("event.users")),
                FigureInput(
                    "attempts_per_user", Format.number(d.attemptsPerUser), input.from("dynamodb.attempts_per_user")),
                FigureInput(
                    "WRU price", wruPrice.map { Format.unitPrice($0.usd) } ?? "UNPRICED",
                    wruPrice?.citation ?? "no price in force on \(input.asOf)"),
            ])
        let peakWRU = peak * Double(wru)
        let wcu = Int((peakWRU / d.targetUtilization).rounded(.up))
        let hours = Int((timeline.eventSeconds / TimeUnits.secondsPerHour).rounded(.up))
        let wcuPrice = input.book.sheet.quote(.dynamoWriteCapacityHour(region: region))
        let provisioned = wcuPrice.map { $0.usd * Decimal(wcu * hours) }
        ledger.record(
            "dynamodb.provisioned_cost", "Provisioned-capacity alternative per event",
            value: provisioned?.amount.doubleValue ?? .nan,
            unit: "USD", display: provisioned.map { Format.usd($0, places: 4) } ?? "UNPRICED",
            formula:
                "⌈peak WRU/s ÷ target utilization⌉ WCU × ⌈event hours⌉ × WCU-hour price (Docs/Model.md §5, §6.0)",
            arithmetic:
                "⌈\(Format.number(peakWRU)) ÷ \(Format.percent(d.targetUtilization))⌉ = \(wcu) WCU × \(hours) h × \(wcuPrice.map { Format.unitPrice($0.usd) } ?? "UNPRICED") = \(provisioned.map { Format.usd($0, places: 4) } ?? "UNPRICED")",
            inputs: [
                FigureInput(
                    "target_utilization", Format.percent(d.targetUtilization), input.from("dynamodb.target_utilization")
                ),
                FigureInput(
                    "WCU-hour price", wcuPrice.map { Format.unitPrice($0.usd) } ?? "UNPRICED",
                    wcuPrice?.citation ?? "no price in force on \(input.asOf)"),
            ])
        var cheaper = "unknown (a price is missing)"
        if let e = expectedCost, let p = provisioned { cheaper = e <= p ? "on-demand" : "provisioned" }
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
            wruPerWrite: wru, peakWritesPerSecond: peak, peakWRUPerSecond: peakWRU, ceilingWrites: ceilingWrites,
            ceilingCost: ceilingCost, expectedWrites: expected, expectedCost: expectedCost, wruPrice: wruPrice,
            provisionedWCU: wcu, provisionedHours: hours, provisionedCost: provisioned, wcuPrice: wcuPrice,
            cheaperMode: cheaper, limitNotes: notes)
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
