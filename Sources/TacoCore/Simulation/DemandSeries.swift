import Foundation

/// The demand of one event, step by step: the gateway's requests/s and, when it comes from the plan's waiting
/// room, the crowd behind it (Docs/Model.md §13). The rates come from the estimate's own traffic model
/// (`Traffic.at`, Docs/Model.md §1), Redis engine CPU from `RedisLoad` (Docs/Model.md §3) and DynamoDB writes from
/// `DynamoSizing.writeUnits` (Docs/Model.md §5), evaluated with the crowd of each step.
struct DemandSeries: Sendable {
    /// Time of step 0 in seconds from the sale opening (negative: the lead before it).
    var start: Double
    var step: Double
    var gatewayRPS: [Double] = []
    /// Present when the demand comes from the waiting room; nil for an explicit `scaling.demand`.
    var crowd: CrowdSeries?
    /// When the hold of a pre-warm ends: the queue emptied (or the sale closed), or the end of explicit stages.
    var holdUntil: Double

    var count: Int { gatewayRPS.count }
    func time(_ i: Int) -> Double { start + Double(i) * step }
}

/// The waiting room per step (`DemandSeries.crowd`).
struct CrowdSeries: Sendable {
    var joinRate: [Double] = []
    var admissionRate: [Double] = []
    /// Users waiting at the end of the step.
    var waiting: [Double] = []
    /// How long the longest-waiting user has waited at the end of the step (FIFO admission).
    var longestWait: [Double] = []
    var redisEngineCPU: [Double?] = []
    var dynamoWRU: [Double] = []
    /// When the queue emptied; nil when the sale closed first.
    var drainedAt: Double?
    /// Users still waiting when the window closed.
    var turnedAway = 0.0
}

/// Why a simulation cannot run; the CLI prints it and exits 2. TacoApp words it as a `Diagnostic`
/// (`SimulationError.diagnostic` there), adding the option to change when `change` names one.
public struct SimulationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A change to how the simulation is run that avoids the error, as a value (TacoCore names no flag).
    public enum Change: Hashable, Sendable {
        /// A coarser time step, e.g. `seconds` = 5.
        case coarserStep(seconds: Int)
    }

    public var message: String
    /// The fix in the plan or the files; with `change`, the alternative to it.
    public var fix: String
    public var change: Change? = nil

    public init(message: String, fix: String, change: Change? = nil) {
        self.message = message
        self.fix = fix
        self.change = change
    }

    public var description: String { "error: \(message)" }
}

enum DemandBuilder {
    /// Cumulative share of the crowd that has joined `x` = elapsed ÷ ramp into the ramp (0…1).
    static func joined(_ x: Double, _ shape: ArrivalShape) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        switch shape {
        case .linear: return x
        case .step: return 1
        case .spike: return x <= 0.5 ? 2 * x * x : 1 - 2 * (1 - x) * (1 - x)
        }
    }

    static func build(_ input: EstimateInput, _ estimate: Estimate, step: Double) throws(SimulationError)
        -> DemandSeries
    {
        let scaling = input.plan.scaling
        if !scaling.demand.isEmpty { return try stages(scaling.demand, step: step) }
        return try waitingRoom(input, estimate, step: step)
    }

    /// Explicit held stages from t = 0.
    static func stages(_ stages: [DemandStage], step: Double) throws(SimulationError) -> DemandSeries {
        let total = stages.reduce(0) { $0 + $1.duration.value }
        try checkSteps(total / step, what: "the demand stages last \(Format.number(total, maxDecimals: 0)) s")
        var series = DemandSeries(start: 0, step: step, holdUntil: total)
        var end = 0.0
        for stage in stages {
            end += stage.duration.value
            while series.time(series.count) < end - 1e-9 { series.gatewayRPS.append(stage.rps) }
        }
        return series
    }

    static func checkSteps(_ steps: Double, what: String) throws(SimulationError) {
        guard steps <= Double(Simulation.maxSteps) else {
            throw SimulationError(
                message: "\(what): \(Format.number(steps, maxDecimals: 0)) steps, more than the limit of "
                    + "\(Format.number(Double(Simulation.maxSteps), maxDecimals: 0))",
                fix: "a shorter scaling.lead / scaling.tail", change: .coarserStep(seconds: 5))
        }
    }

    /// The crowd joins over the ramp, waits, and is admitted FIFO at the estimate's admission rate from the sale
    /// opening until the queue empties or the window closes; the run ends `scaling.tail` later.
    static func waitingRoom(_ input: EstimateInput, _ estimate: Estimate, step: Double) throws(SimulationError)
        -> DemandSeries
    {
        let plan = input.plan
        let e = plan.event
        let users = Double(e.users)
        let rate = estimate.admission.rate
        let lead = plan.scaling.lead.value
        let tail = plan.scaling.tail.value
        // The run cannot outlast lead + window + tail: bound it before simulating.
        try checkSteps(
            (lead + max(e.window.value, e.ramp.value) + tail) / step,
            what: "lead + window + tail = \(Format.number(lead + e.window.value + tail, maxDecimals: 0)) s")
        let shards = estimate.redis.chosen?.shards
        let wru = Double(DynamoSizing.writeUnits(plan.dynamodb))
        var series = DemandSeries(start: -lead, step: step, holdUntil: e.window.value)
        var crowd = CrowdSeries()
        var waiting = 0.0
        var joinedTotal = 0.0
        var admittedTotal = 0.0
        var joinedAtEnd: [Double] = []
        var oldest = 0
        var endAt: Double?
        var i = 0
        while endAt.map({ series.time(i) < $0 - 1e-9 }) ?? true {
            let t = series.time(i)
            let before = users * joined(t / e.ramp.value, plan.scaling.arrival)
            let after = users * joined((t + step) / e.ramp.value, plan.scaling.arrival)
            let joins = after - before
            let open = t >= 0 && t < e.window.value
            let admitted = open ? min(waiting + joins, rate * step) : 0
            let start = waiting
            waiting = max(0, waiting + joins - admitted)
            joinedTotal += joins
            admittedTotal += admitted
            joinedAtEnd.append(joinedTotal)
            if t + step >= e.window.value - 1e-9, waiting > 0, crowd.drainedAt == nil {
                crowd.turnedAway = waiting
                waiting = 0
                admittedTotal = joinedTotal
            }
            let present = (start + waiting) / 2
            let traffic = Traffic.at(
                plan, arrival: joins / step, status: Traffic.perUser(present, every: plan.clients.statusPoll),
                heartbeat: plan.clients.heartbeat.map { Traffic.perUser(present, every: $0) } ?? 0,
                admission: admitted / step)
            series.gatewayRPS.append(traffic.gatewayRate + plan.gateway.baselineRPS)
            crowd.joinRate.append(joins / step)
            crowd.admissionRate.append(admitted / step)
            crowd.waiting.append(waiting)
            // FIFO: the oldest user still waiting joined in the first step whose cumulative joins exceed the
            // cumulative admissions.
            while oldest < i && joinedAtEnd[oldest] <= admittedTotal + 1e-6 { oldest += 1 }
            crowd.longestWait.append(waiting > 1e-6 ? t + step - series.time(oldest) : 0)
            crowd.dynamoWRU.append(traffic.reservationRate * wru)
            if let shards {
                let load = RedisLoad.build(input, traffic: traffic, keyspace: max(present, 1)).0
                crowd.redisEngineCPU.append(load.busiestEngineLoad(shards: shards))
            } else {
                crowd.redisEngineCPU.append(nil)
            }
            let rampDone = t + step >= e.ramp.value - 1e-9
            if endAt == nil, t + step > 0, rampDone, waiting <= 1e-6 || t + step >= e.window.value - 1e-9 {
                let closed = t + step
                if crowd.turnedAway == 0 { crowd.drainedAt = closed }
                series.holdUntil = closed
                endAt = closed + tail
            }
            i += 1
        }
        series.crowd = crowd
        return series
    }
}
