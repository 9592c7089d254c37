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
    public static func run(input: EstimateInput, benchmark: ReferenceBenchmark) -> Result<
        PlanValidation, PlanProblem
    > {
        let plan = input.plan
        let implementation = implementation(of: plan)
        let env = benchmark.environment
        let model = ValidationModel(input: input, environment: env)
        var stepLoads: [String: RedisLoad] = [:]
        var benchShards = model.benchmarkShards
        let redis: RedisCalibration
        // A benchmark that declares its workload is calibrated once, on its own mix (the same for every plan:
        // Docs/Model.md §14); an ingested run without one is replayed through the plan's mix.
        if benchmark.workload != nil,
            case .success(let calibration) = LoadTestCalibration.fit(benchmark, reference: input.costs)
        {
            stepLoads = calibration.stepLoads
            benchShards = calibration.shards
            redis = calibration.redis
        } else {
            for step in benchmark.steps {
                switch model.stepLoad(rps: step.rps, implementation: step.status ?? implementation) {
                case .success(let l): stepLoads[step.name] = l
                case .failure(let p): return .failure(p)
                }
            }
            let shards = benchShards
            redis = RedisCalibration.calibrate(steps: benchmark.steps) { step, overhead in
                stepLoads[step.name]?.busiestNode(shards: shards, overheadMicros: overhead).work
            }
        }
        let gateway = GatewayCalibration.calibrate(steps: benchmark.steps, events: benchmark.scaleEvents)
        let rps = model.estimate.traffic.statusRate
        let planLoad: RedisLoad
        switch model.operatingLoad(implementation: implementation) {
        case .success(let l): planLoad = l
        case .failure(let p): return .failure(p)
        }
        let planShards = model.planShards
        let referenceNode = planLoad.busiestNode(shards: planShards, overheadMicros: nil)
        let overhead = OverheadComparison(
            calibrated: redis.overheadMicros, reference: referenceNode.work.meanReferenceOverheadMicros,
            estimateBusiestPercent: planLoad.busiestEngineLoad(shards: planShards) * 100,
            calibratedBusiestPercent: redis.overheadMicros.map {
                planLoad.busiestEngineLoad(shards: planShards, overheadMicros: $0) * 100
            },
            benchmarkNodeType: env.nodeType, planShards: planShards,
            estimateUses: benchmark.workload != nil && redis.fit != nil ? "calibrated" : "reference")

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
        let planNode = planLoad.busiestNode(shards: planShards, overheadMicros: redis.overheadMicros)
        if let predicted = redis.predict(planNode.work) {
            let (lo, hi) = range(.redisEngineCPU)
            checks.append(
                UtilizationCheck(
                    resource: "redis_engine_cpu", predicted: predicted, ceiling: plan.redis.engineCPUCeiling * 100,
                    measuredFrom: lo,
                    measuredTo: hi,
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
        let backend = model.estimate.admission.backendUtilization * 100
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
            // Admission control caps the backend: the same predicted load at every step, whatever the offered RPS.
            if let figure = step.measured[.backendCPU] {
                comparisons.append(
                    StepComparison(
                        step: step, resource: .backendCPU, predicted: backend, figure: figure,
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
        // A step reported fine that the model says saturates Redis: the load test ran with a smaller keyspace than
        // the plan's (KEYS is O(N)), or the reading is wrong. Say which steps and what N would fit.
        let contradicted = comparisons.filter {
            $0.resource == BenchmarkResource.redisEngineCPU.rawValue && $0.consistent == false
        }
        if !contradicted.isEmpty {
            let users = Format.grouped(Double(plan.event.users))
            notes.append(
                "redis: steps " + contradicted.map(\.step).joined(separator: ", ")
                    + " are reported fine but the model predicts more than one engine core at the plan's N = \(users): "
                    + "with an O(N) status command the load test must have run with far fewer waiting users, so those "
                    + "steps say nothing about a \(users)-user queue")
        }
        let backendPoints = benchmark.steps.compactMap { step -> Double? in
            if case .point(let v)? = step.measured[.backendCPU] { return v }
            return nil
        }
        if let measured = backendPoints.max(), measured > 0, backend - measured > 10 {
            notes.append(
                "backend: measured \(Format.number(measured, maxDecimals: 1)) % CPU against the \(Format.number(backend, maxDecimals: 1)) % "
                    + "that backend_capacity \(Format.grouped(plan.admission.backendCapacity)) RPS implies: the backend is ≈ "
                    + "\(Format.number(backend / measured, maxDecimals: 1))× more capable than the plan says, or the load test admitted fewer "
                    + "than \(Format.number(admissions)) users/s")
        }
        var hardware: String?
        if let measured = benchmark.environment.nodeType, let planned = model.estimate.redis.chosen?.nodeType,
            planned != measured
        {
            hardware =
                "EXTRAPOLATED: the plan's Redis runs on \(planned), the benchmark measured \(measured): the fitted "
                + "per-command overhead is carried over to other hardware"
        }
        let envelope = EnvelopeVerdict.judge(
            operatingRPS: rps, implementation: implementation, steps: benchmark.steps, checks: checks,
            otherHardware: hardware)
        var work: [String: String] = [:]
        for step in benchmark.steps {
            guard let l = stepLoads[step.name] else { continue }
            work["benchmark." + step.name] = ValidationModel.breakdown(
                l, shards: benchShards, overheadMicros: redis.overheadMicros)
        }
        work["plan." + implementation.rawValue] = ValidationModel.breakdown(
            planLoad, shards: planShards, overheadMicros: redis.overheadMicros)
        notes += overhead.notes
        return .success(
            PlanValidation(
                plan: plan.name, benchmark: benchmark.name, benchmarkSource: benchmark.source, comparisons: comparisons,
                constants: constants, fits: fits, leaveOneOut: holdouts,
                redisLeaveOneOutMax: redis.leaveOneOut.map { abs($0.error) }.max(), busiestNodeWork: work,
                overhead: overhead, envelope: envelope,
                notes: notes))
    }
}
