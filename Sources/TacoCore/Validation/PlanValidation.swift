/// `tacoplan validate`'s whole answer for one plan and one benchmark (MODEL §8), as a Codable value the CLI renders
/// as text or JSON. Pure: the plan, the benchmark and the cost table come in as values.
public struct PlanValidation: Codable, Hashable, Sendable {
    public struct Constant: Codable, Hashable, Sendable {
        public var name: String
        public var value: Double
        public var unit: String
        public var basis: String
    }
    public struct Holdout: Codable, Hashable, Sendable {
        public var fit: String
        public var left_out: String
        public var predicted: Double
        public var measured: Double
        public var error: Double
    }
    public struct Fit: Codable, Hashable, Sendable {
        public var name: String
        public var points: Int
        public var residuals: [Double]
        public var rSquared: Double?
    }

    public var plan: String
    public var benchmark: String
    public var benchmarkSource: String
    public var comparisons: [StepComparison]
    public var constants: [Constant]
    public var fits: [Fit]
    public var leaveOneOut: [Holdout]
    /// Largest |leave-one-out error| of the Redis engine-CPU fit, in percentage points.
    public var redisLeaveOneOutMax: Double?
    public var statusWork: [String: String]
    public var envelope: EnvelopeVerdict
    public var notes: [String]

    /// The plan's status implementation: `keys` when its status API runs `KEYS_queue`, else the position index.
    public static func implementation(of plan: Plan) -> StatusImplementation {
        let polls = plan.apis.filter { $0.driver == .poll }.flatMap(\.commands)
        return polls.contains { $0.command == "KEYS_queue" } ? .keys : .positionIndex
    }

    public static func run(plan: Plan, benchmark: ReferenceBenchmark, costs: ExecutionCosts) -> Result<
        PlanValidation, PlanProblem
    > {
        let implementation = implementation(of: plan)
        let env = benchmark.environment
        let benchUsers = Double(env.waitingUsers ?? plan.event.users)
        let benchShards = env.shards ?? max(plan.redis.minShards, 1)
        var benchWork: [StatusImplementation: StatusWork] = [:]
        for i in StatusImplementation.allCases {
            switch StatusWork.estimate(
                plan: plan, implementation: i, users: benchUsers, shards: benchShards, costs: costs)
            {
            case .success(let w): benchWork[i] = w
            case .failure(let p): return .failure(p)
            }
        }
        let redis = RedisCalibration.calibrate(steps: benchmark.steps, planImplementation: implementation) {
            benchWork[$0]
        }
        let gateway = GatewayCalibration.calibrate(steps: benchmark.steps, events: benchmark.scaleEvents)
        let users = Double(plan.event.users)
        let rps = users / plan.clients.statusPoll.value
        let planWork: StatusWork
        switch StatusWork.estimate(
            plan: plan, implementation: implementation, users: users, shards: max(plan.redis.minShards, 1), costs: costs
        )
        {
        case .success(let w): planWork = w
        case .failure(let p): return .failure(p)
        }

        var constants: [Constant] = []
        var fits: [Fit] = []
        var holdouts: [Holdout] = []
        var notes: [String] = []
        if let fit = redis.fit {
            constants.append(
                Constant(
                    name: "redis.intercept", value: fit.constants[0], unit: "% of one core",
                    basis: "least squares on \(fit.observations.count) steps"))
            constants.append(
                Constant(
                    name: "redis.per_command_overhead", value: fit.constants[1], unit: "µs per command",
                    basis: "least squares; on \(env.nodeType ?? "the benchmark's node type")"))
            fits.append(
                Fit(
                    name: "redis_engine_cpu", points: fit.observations.count, residuals: fit.residuals,
                    rSquared: fit.rSquared))
            holdouts += redis.leaveOneOut.map {
                Holdout(
                    fit: "redis_engine_cpu", left_out: $0.label, predicted: $0.predicted, measured: $0.measured,
                    error: $0.error)
            }
        }
        if !redis.note.isEmpty { notes.append(redis.note) }
        if let perPod = gateway.requestsPerPod, let fit = gateway.podsPerRPS {
            constants.append(
                Constant(
                    name: "gateway.requests_per_pod", value: perPod, unit: "RPS per added pod",
                    basis: "least squares through the origin on \(fit.observations.count) scale-up events"))
            fits.append(
                Fit(
                    name: "gateway_pods_per_rps", points: fit.observations.count, residuals: fit.residuals,
                    rSquared: fit.rSquared))
            holdouts += gateway.podsLeaveOneOut.map {
                Holdout(
                    fit: "gateway_pods", left_out: $0.label, predicted: $0.predicted, measured: $0.measured,
                    error: $0.error)
            }
        }
        if let cpu = gateway.podCPUPercent, let fit = gateway.podCPU {
            constants.append(
                Constant(
                    name: "gateway.pod_cpu", value: cpu, unit: "% CPU per pod",
                    basis: "mean of \(fit.observations.count) point measurements"))
            holdouts += gateway.podCPULeaveOneOut.map {
                Holdout(
                    fit: "gateway_cpu", left_out: $0.label, predicted: $0.predicted, measured: $0.measured,
                    error: $0.error)
            }
            if let perPod = gateway.requestsPerPod, cpu > 0 {
                notes.append(
                    "the benchmark implies one gateway pod serves \(Format.grouped(perPod / (cpu / 100))) RPS at 100 % CPU; "
                        + "the plan assumes \(Format.grouped(plan.gateway.rpsPerPod))")
            }
        }

        var checks: [UtilizationCheck] = []
        func range(_ r: BenchmarkResource) -> (Double?, Double?) {
            let xs = benchmark.steps.filter {
                ($0.status ?? implementation) == implementation && $0.measured[r]?.pointValue != nil
            }.map(\.rps)
            return (xs.min(), xs.max())
        }
        if let predicted = redis.predict(rps: rps, work: planWork) {
            let (lo, hi) = range(.redisEngineCPU)
            checks.append(
                UtilizationCheck(
                    resource: "redis_engine_cpu", predicted: predicted, ceiling: plan.redis.engineCPUCeiling * 100,
                    measuredFrom: lo,
                    measuredTo: hi, basis: "fitted a + o·A + B on the busiest node: \(planWork.breakdown)"))
        }
        if let cpu = gateway.podCPUPercent {
            let (lo, hi) = range(.gatewayCPU)
            checks.append(
                UtilizationCheck(
                    resource: "gateway_cpu", predicted: cpu, ceiling: plan.gateway.hpaTarget * 100, measuredFrom: lo,
                    measuredTo: hi,
                    basis: "per-pod CPU with pods added at the benchmark's rate; ceiling = HPA target"))
        }
        let admissions = admissionRate(plan)
        let backend = admissions * plan.admission.backendCallsPerAdmission / plan.admission.backendCapacity * 100
        checks.append(
            UtilizationCheck(
                resource: "backend_utilization", predicted: backend,
                ceiling: plan.admission.maxBackendUtilization * 100,
                measuredFrom: nil, measuredTo: nil,
                basis:
                    "\(Format.number(admissions)) admissions/s × \(Format.number(plan.admission.backendCallsPerAdmission)) ÷ \(Format.grouped(plan.admission.backendCapacity)) RPS"
            ))

        var comparisons = redis.comparisons + gateway.comparisons
        for step in benchmark.steps {
            for r in [BenchmarkResource.backendCPU, .dynamodbUtilization, .errorRate] {
                guard let figure = step.measured[r] else { continue }
                comparisons.append(
                    StepComparison(
                        step: step, resource: r, predicted: nil, figure: figure,
                        note: "not modelled per step (set by the admission rate)"))
            }
        }
        let envelope = EnvelopeVerdict.judge(
            operatingRPS: rps, implementation: implementation, steps: benchmark.steps, checks: checks)
        var work: [String: String] = [:]
        for (k, v) in benchWork { work["benchmark." + k.rawValue] = v.breakdown }
        work["plan." + implementation.rawValue] = planWork.breakdown
        return .success(
            PlanValidation(
                plan: plan.name, benchmark: benchmark.name, benchmarkSource: benchmark.source, comparisons: comparisons,
                constants: constants, fits: fits, leaveOneOut: holdouts,
                redisLeaveOneOutMax: redis.leaveOneOut.map { abs($0.error) }.max(), statusWork: work,
                envelope: envelope,
                notes: notes))
    }

    /// MODEL §4: the user-experience rate (users ÷ target wait) raised to the seat-drain floor, capped by the backend;
    /// or the plan's fixed rate.
    static func admissionRate(_ plan: Plan) -> Double {
        if case .fixed(let rate) = plan.admission.mode { return rate }
        let ux = Double(plan.event.users) / plan.event.targetWait.value
        let floor = Double(plan.event.seats) / plan.event.window.value
        let cap =
            plan.admission.backendCapacity * plan.admission.maxBackendUtilization
            / plan.admission.backendCallsPerAdmission
        return min(max(ux, floor), cap)
    }
}
