/// `tacoplan validate`'s whole answer for one plan and one benchmark (Docs/Benchmarks.md §3), as a Codable value the CLI renders
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
    /// What the busiest node does at each step and at the operating point (fitted overhead).
    public var busiestNodeWork: [String: String]
    /// The fitted per-command overhead beside the reference one `estimate` uses.
    public var overhead: OverheadComparison
    public var envelope: EnvelopeVerdict
    public var notes: [String]

    /// The plan's status implementation: `keys` when its status API runs `KEYS_queue`, else the position index.
    public static func implementation(of plan: Plan) -> StatusImplementation {
        let polls = plan.apis.filter { $0.driver == .poll }.flatMap(\.commands)
        return polls.contains { $0.command == "KEYS_queue" } ? .keys : .positionIndex
    }

    /// Validates `input` (the plan as `estimate` loads it) against `benchmark` through the core model: the plan's
    /// estimate gives the admission rate and the traffic; `RedisLoad` routes each step's traffic to the busiest node.
    /// The steps: calibrate Redis (a + o·A + B per node) and the gateway (pods per RPS, CPU per pod) on the benchmark,
    /// load the plan's operating point, predict each resource's utilization there, compare every measured step, and
    /// judge the envelope.
    public static func run(input: EstimateInput, benchmark: ReferenceBenchmark) -> Result<
        PlanValidation, PlanProblem
    > {
        let plan = input.plan
        let implementation = implementation(of: plan)
        let model = ValidationModel(input: input, environment: benchmark.environment)
        let calibrated: RedisSteps
        switch calibrateRedis(model, benchmark: benchmark, implementation: implementation) {
        case .success(let c): calibrated = c
        case .failure(let p): return .failure(p)
        }
        let redis = calibrated.redis
        let gateway = GatewayCalibration.calibrate(steps: benchmark.steps, events: benchmark.scaleEvents)
        let planLoad: RedisLoad
        switch model.operatingLoad(implementation: implementation) {
        case .success(let l): planLoad = l
        case .failure(let p): return .failure(p)
        }
        let planShards = model.planShards
        let overhead = OverheadComparison(
            calibrated: redis.overheadMicros,
            reference: planLoad.busiestNode(shards: planShards, overheadMicros: nil).work.meanReferenceOverheadMicros,
            estimateBusiestPercent: planLoad.busiestEngineLoad(shards: planShards) * 100,
            calibratedBusiestPercent: redis.overheadMicros.map {
                planLoad.busiestEngineLoad(shards: planShards, overheadMicros: $0) * 100
            },
            benchmarkNodeType: benchmark.environment.nodeType, planShards: planShards,
            estimateUses: benchmark.workload != nil && redis.fit != nil ? "calibrated" : "reference")

        var fitted = FittedConstants(redis: redis, environment: benchmark.environment)
        fitted.add(gateway, plannedRPSPerPod: plan.gateway.rpsPerPod)
        let backendPercent = model.estimate.admission.backendUtilization * 100
        let checks = utilizationChecks(
            model, benchmark: benchmark, implementation: implementation, planLoad: planLoad, redis: redis,
            gateway: gateway)
        let comparisons =
            redis.comparisons + gateway.comparisons
            + unmodelledComparisons(
                benchmark, backendPercent: backendPercent, admissions: model.estimate.admission.rate)
        let envelope = EnvelopeVerdict.judge(
            operatingRPS: model.estimate.traffic.statusRate, implementation: implementation, steps: benchmark.steps,
            checks: checks, otherHardware: otherHardware(model, benchmark: benchmark))
        var work: [String: String] = [:]
        for step in benchmark.steps {
            guard let l = calibrated.stepLoads[step.name] else { continue }
            work["benchmark." + step.name] = ValidationModel.breakdown(
                l, shards: calibrated.shards, overheadMicros: redis.overheadMicros)
        }
        work["plan." + implementation.rawValue] = ValidationModel.breakdown(
            planLoad, shards: planShards, overheadMicros: redis.overheadMicros)
        let notes =
            fitted.notes + contradictionNotes(comparisons, plan: plan)
            + backendNotes(benchmark, backendPercent: backendPercent, model: model) + overhead.notes(input.spelling)
        return .success(
            PlanValidation(
                plan: plan.name, benchmark: benchmark.name, benchmarkSource: benchmark.source, comparisons: comparisons,
                constants: fitted.constants, fits: fitted.fits, leaveOneOut: fitted.holdouts,
                redisLeaveOneOutMax: redis.leaveOneOut.map { abs($0.error) }.max(), busiestNodeWork: work,
                overhead: overhead, envelope: envelope, notes: notes))
    }
}

extension PlanValidation {
    /// Each benchmark step's Redis load, the benchmark's shard count and the Redis fit made on them.
    struct RedisSteps {
        var stepLoads: [String: RedisLoad]
        var shards: Int
        var redis: RedisCalibration
    }

    /// A benchmark that declares its workload is calibrated once, on its own mix (the same for every plan:
    /// Docs/Model.md §14); an ingested run without one is replayed through the plan's mix, step by step.
    static func calibrateRedis(
        _ model: ValidationModel, benchmark: ReferenceBenchmark, implementation: StatusImplementation
    ) -> Result<RedisSteps, PlanProblem> {
        if benchmark.workload != nil,
            case .success(let calibration) = LoadTestCalibration.fit(benchmark, reference: model.input.costs)
        {
            return .success(
                RedisSteps(stepLoads: calibration.stepLoads, shards: calibration.shards, redis: calibration.redis))
        }
        var stepLoads: [String: RedisLoad] = [:]
        for step in benchmark.steps {
            switch model.stepLoad(rps: step.rps, implementation: step.status ?? implementation) {
            case .success(let l): stepLoads[step.name] = l
            case .failure(let p): return .failure(p)
            }
        }
        let shards = model.benchmarkShards
        let redis = RedisCalibration.calibrate(steps: benchmark.steps) { step, overhead in
            stepLoads[step.name]?.busiestNode(shards: shards, overheadMicros: overhead).work
        }
        return .success(RedisSteps(stepLoads: stepLoads, shards: shards, redis: redis))
    }

    /// The fitted constants, their fits and leave-one-out holdouts, and what the fits say in words.
    struct FittedConstants {
        var constants: [Constant] = []
        var fits: [Fit] = []
        var holdouts: [Holdout] = []
        var notes: [String] = []

        /// Redis engine CPU = a + o·A + B: the intercept a and the per-command overhead o.
        init(redis: RedisCalibration, environment: BenchmarkEnvironment) {
            if let fit = redis.fit {
                constants.append(
                    Constant(
                        name: "redis.intercept", value: fit.constants[0], unit: "% of one core",
                        basis: "least squares on \(fit.observations.count) steps"))
                constants.append(
                    Constant(
                        name: "redis.per_command_overhead", value: fit.constants[1], unit: "µs per command",
                        basis: "least squares; on \(environment.nodeType ?? "the benchmark's node type")"))
                fits.append(
                    Fit(
                        name: "redis_engine_cpu", points: fit.observations.count, residuals: fit.residuals,
                        rSquared: fit.rSquared))
                holdouts += redis.leaveOneOut.map { Self.holdout("redis_engine_cpu", $0) }
            }
            if !redis.note.isEmpty { notes.append(redis.note) }
        }

        /// Gateway: requests per added pod (1 ÷ the slope of pods over RPS) and CPU per pod (a mean).
        mutating func add(_ gateway: GatewayCalibration, plannedRPSPerPod: Double) {
            if let perPod = gateway.requestsPerPod, let fit = gateway.podsPerRPS {
                constants.append(
                    Constant(
                        name: "gateway.requests_per_pod", value: perPod, unit: "RPS per added pod",
                        basis: "least squares through the origin on \(fit.observations.count) scale-up events"))
                fits.append(
                    Fit(
                        name: "gateway_pods_per_rps", points: fit.observations.count, residuals: fit.residuals,
                        rSquared: fit.rSquared))
                holdouts += gateway.podsLeaveOneOut.map { Self.holdout("gateway_pods", $0) }
            }
            guard let cpu = gateway.podCPUPercent, let fit = gateway.podCPU else { return }
            constants.append(
                Constant(
                    name: "gateway.pod_cpu", value: cpu, unit: "% CPU per pod",
                    basis: "mean of \(fit.observations.count) point measurements"))
            holdouts += gateway.podCPULeaveOneOut.map { Self.holdout("gateway_cpu", $0) }
            if let perPod = gateway.requestsPerPod, cpu > 0 {
                // RPS one pod serves at 100 % CPU = requests per added pod ÷ (CPU per pod ÷ 100).
                notes.append(
                    "the benchmark implies one gateway pod serves \(Format.grouped(perPod / (cpu / 100))) RPS at 100 % CPU; "
                        + "the plan assumes \(Format.grouped(plannedRPSPerPod))")
            }
        }

        static func holdout(_ fit: String, _ l: LeaveOneOut) -> Holdout {
            Holdout(fit: fit, left_out: l.label, predicted: l.predicted, measured: l.measured, error: l.error)
        }
    }

    /// Predicted utilization at the plan's operating point beside its ceiling and the RPS range the benchmark measured
    /// the resource over: Redis engine CPU (fitted), gateway CPU (per pod), backend (admission-capped).
    static func utilizationChecks(
        _ model: ValidationModel, benchmark: ReferenceBenchmark, implementation: StatusImplementation,
        planLoad: RedisLoad, redis: RedisCalibration, gateway: GatewayCalibration
    ) -> [UtilizationCheck] {
        let plan = model.input.plan
        let planShards = model.planShards
        func range(_ r: BenchmarkResource) -> (Double?, Double?) {
            let xs = benchmark.steps.filter {
                ($0.status ?? implementation) == implementation && $0.measured[r]?.pointValue != nil
            }.map(\.rps)
            return (xs.min(), xs.max())
        }
        var checks: [UtilizationCheck] = []
        let planNode = planLoad.busiestNode(shards: planShards, overheadMicros: redis.overheadMicros)
        if let predicted = redis.predict(planNode.work) {
            let (lo, hi) = range(.redisEngineCPU)
            checks.append(
                UtilizationCheck(
                    resource: "redis_engine_cpu", predicted: predicted, ceiling: plan.redis.engineCPUCeiling * 100,
                    measuredFrom: lo, measuredTo: hi,
                    basis:
                        "fitted a + o·A + B on the busiest node at \(planShards) shards, "
                        + ValidationModel.breakdown(planLoad, shards: planShards, overheadMicros: redis.overheadMicros))
            )
        }
        if let cpu = gateway.podCPUPercent {
            let (lo, hi) = range(.gatewayCPU)
            checks.append(
                UtilizationCheck(
                    resource: "gateway_cpu", predicted: cpu, ceiling: plan.gateway.hpaTarget * 100, measuredFrom: lo,
                    measuredTo: hi,
                    basis: "per-pod CPU with pods added at the benchmark's rate; ceiling = HPA target"))
        }
        let admissions = model.estimate.admission.rate
        checks.append(
            UtilizationCheck(
                resource: "backend_utilization", predicted: model.estimate.admission.backendUtilization * 100,
                ceiling: plan.admission.maxBackendUtilization * 100,
                measuredFrom: nil, measuredTo: nil,
                basis:
                    "\(Format.number(admissions)) admissions/s × \(Format.number(plan.admission.backendCallsPerAdmission)) ÷ \(Format.grouped(plan.admission.backendCapacity)) RPS"
            ))
        return checks
    }

    /// Step comparisons the calibrations do not make: backend CPU (admission control caps the backend, so the same
    /// predicted load at every step, whatever the offered RPS) and the measurements tacoplan has no model of.
    static func unmodelledComparisons(_ benchmark: ReferenceBenchmark, backendPercent: Double, admissions: Double)
        -> [StepComparison]
    {
        var comparisons: [StepComparison] = []
        for step in benchmark.steps {
            if let figure = step.measured[.backendCPU] {
                comparisons.append(
                    StepComparison(
                        step: step, resource: .backendCPU, predicted: backendPercent, figure: figure,
                        note: "admission-capped: \(Format.number(admissions)) admissions/s × calls ÷ capacity"))
            }
            for r in [BenchmarkResource.dynamodbUtilization, .errorRate] {
                guard let figure = step.measured[r] else { continue }
                comparisons.append(
                    StepComparison(
                        step: step, resource: r, predicted: nil, figure: figure,
                        note:
                            "not modelled: tacoplan has no model of \(r == .errorRate ? "error rates" : "DynamoDB table utilization %")"
                    ))
            }
        }
        return comparisons
    }

    /// A step reported fine that the model says saturates Redis: the load test ran with a smaller keyspace than the
    /// plan's (KEYS is O(N)), or the reading is wrong. Says which steps and what N would fit.
    static func contradictionNotes(_ comparisons: [StepComparison], plan: Plan) -> [String] {
        let contradicted = comparisons.filter {
            $0.resource == BenchmarkResource.redisEngineCPU.rawValue && $0.consistent == false
        }
        guard !contradicted.isEmpty else { return [] }
        let users = Format.grouped(Double(plan.event.users))
        return [
            "redis: steps " + contradicted.map(\.step).joined(separator: ", ")
                + " are reported fine but the model predicts more than one engine core at the plan's N = \(users): "
                + "with an O(N) status command the load test must have run with far fewer waiting users, so those "
                + "steps say nothing about a \(users)-user queue"
        ]
    }

    /// The backend measured more than 10 points below what `backend_capacity` implies: the plan under-states the
    /// backend, or the load test admitted fewer users than the plan's rate.
    static func backendNotes(_ benchmark: ReferenceBenchmark, backendPercent: Double, model: ValidationModel)
        -> [String]
    {
        let plan = model.input.plan
        let admissions = model.estimate.admission.rate
        let backendPoints = benchmark.steps.compactMap { step -> Double? in
            if case .point(let v)? = step.measured[.backendCPU] { return v }
            return nil
        }
        guard let measured = backendPoints.max(), measured > 0, backendPercent - measured > 10 else { return [] }
        return [
            "backend: measured \(Format.percent(points: measured)) CPU against the \(Format.percent(points: backendPercent)) "
                + "that backend_capacity \(Format.grouped(plan.admission.backendCapacity)) RPS implies: the backend is ≈ "
                + "\(Format.number(backendPercent / measured, maxDecimals: 1))× more capable than the plan says, or the load test admitted fewer "
                + "than \(Format.number(admissions)) users/s"
        ]
    }

    /// EXTRAPOLATED when the plan's Redis node type is not the one the benchmark measured.
    static func otherHardware(_ model: ValidationModel, benchmark: ReferenceBenchmark) -> String? {
        guard let measured = benchmark.environment.nodeType, let planned = model.estimate.redis.chosen?.nodeType,
            planned != measured
        else { return nil }
        return "EXTRAPOLATED: the plan's Redis runs on \(planned), the benchmark measured \(measured): the fitted "
            + "per-command overhead is carried over to other hardware"
    }
}
