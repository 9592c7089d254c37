/// Picks the most credible per-command Redis costs for a plan (Docs/Model.md §14): (1) costs the user measured
/// (`--costs FILE`), (2) the bundled load test's fitted per-command overhead when the plan's Redis node type and
/// engine are the load test's, (3) the reference VM's costs. The weaker rungs that can be computed are kept as
/// alternatives so the estimate can show where they disagree.
public enum EvidenceLadder {
    /// What the caller asks for.
    public struct Request: Sendable {
        /// The user's measured cost table and the file it came from (`--costs FILE`), if any.
        public var measured: (table: CommandCostTable, file: String)?
        /// The bundled reference cost table (benchmarks/redis-command-costs.csv).
        public var reference: CommandCostTable
        /// The bundled load test, if it could be read.
        public var loadTest: ReferenceBenchmark?
        /// `--calibrated`: use the load-test calibration even when the plan's hardware differs (an extrapolation).
        public var forceCalibration: Bool
        /// `--evidence reference`: use the weakest rung on purpose (the others are still sized for the range).
        public var pinReference = false
        /// Calibrations already worked out in this run (one per distinct Redis-relevant plan), if the caller keeps
        /// one; nil works everything out afresh.
        public var memo: CalibrationMemo?

        public init(
            measured: (table: CommandCostTable, file: String)?, reference: CommandCostTable,
            loadTest: ReferenceBenchmark?, forceCalibration: Bool
        ) {
            self.measured = measured
            self.reference = reference
            self.loadTest = loadTest
            self.forceCalibration = forceCalibration
        }
    }

    /// The input with the best rung's cost table and its `evidence` filled in; with `pinReference`, the reference
    /// rung, the better rungs kept as alternatives so the verdict still shows where they disagree.
    public static func select(_ input: EstimateInput, _ request: Request) -> EstimateInput {
        let best = ranked(input, request)
        guard request.pinReference, best.evidence.evidence != .reference else { return best }
        var out = best
        out.costs = request.reference
        var better = [EvidenceAlternative(evidence: best.evidence.evidence, costs: best.costs)]
        better += best.evidence.alternatives.filter { $0.evidence != .reference }
        out.evidence = EvidenceSelection(
            evidence: .reference, source: "benchmarks/redis-command-costs.csv (reference VM, uncalibrated)",
            notUsed: ["--evidence reference asked for the reference VM's costs over \(best.evidence.evidence.phrase)"],
            alternatives: better)
        return out
    }

    static func ranked(_ input: EstimateInput, _ request: Request) -> EstimateInput {
        var reference = input
        reference.costs = request.reference
        reference.evidence = .referenceOnly
        let referenceSource = "benchmarks/redis-command-costs.csv (reference VM, uncalibrated)"
        var notUsed: [String] = []
        var calibrated: (table: CommandCostTable, source: String)?
        switch request.memo?.calibration(reference, request) ?? calibration(reference, request) {
        case .success(let c): calibrated = c
        case .failure(let why): notUsed.append(why.message)
        }
        var out = input
        if let m = request.measured {
            out.costs = m.table
            var alternatives: [EvidenceAlternative] = []
            if let c = calibrated { alternatives.append(EvidenceAlternative(evidence: .calibrated, costs: c.table)) }
            alternatives.append(EvidenceAlternative(evidence: .reference, costs: request.reference))
            out.evidence = EvidenceSelection(
                evidence: .measured, source: m.file, notUsed: [], alternatives: alternatives)
            return out
        }
        notUsed.insert(
            "no costs measured on your hardware (measure with `tacoplan bench redis`, pass --costs FILE)", at: 0)
        if let c = calibrated {
            out.costs = c.table
            out.evidence = EvidenceSelection(
                evidence: .calibrated, source: c.source, notUsed: notUsed,
                alternatives: [EvidenceAlternative(evidence: .reference, costs: request.reference)])
            return out
        }
        out.costs = request.reference
        out.evidence = EvidenceSelection(
            evidence: .reference, source: referenceSource, notUsed: notUsed, alternatives: [])
        return out
    }

    struct NotCalibrated: Error {
        var message: String
    }

    /// The reference table with the load test's fitted per-command overhead, when the plan runs on the load test's
    /// hardware (or `forceCalibration`); the fit runs on the reference input exactly as `validate` runs it.
    static func calibration(_ reference: EstimateInput, _ request: Request) -> Result<
        (table: CommandCostTable, source: String), NotCalibrated
    > {
        guard let bench = request.loadTest else {
            return .failure(NotCalibrated(message: "the bundled load test could not be read"))
        }
        let env = bench.environment
        let plan = reference.plan
        if !request.forceCalibration {
            let chosen = Estimate.compute(reference).redis.chosen?.nodeType
            let planNode = chosen ?? plan.redis.candidates.first ?? "?"
            let sameNode = env.nodeType == nil || env.nodeType == planNode
            let sameEngine = env.engine == nil || env.engine == plan.redis.engine
            if !(sameNode && sameEngine) {
                return .failure(
                    NotCalibrated(
                        message:
                            "the plan's Redis (\(planNode) \(plan.redis.engine.displayName)) is not the load test's hardware (\(env.nodeType ?? "?") \(env.engine?.displayName ?? "?")), so its calibration does not apply (force it with --calibrated)"
                    ))
            }
        }
        guard case .success(let v) = PlanValidation.run(input: reference, benchmark: bench),
            let micros = v.overhead.calibrated
        else {
            return .failure(
                NotCalibrated(message: "the bundled load test gives no per-command overhead for this plan"))
        }
        var table = request.reference
        let basis = "least squares; on \(v.overhead.benchmarkNodeType ?? "the benchmark's node type")"
        let source = "tacoplan validate: \(basis), \(bench.name)"
        table.calibratedOverhead = CommandCostTable.CalibratedOverhead(micros: micros, source: source)
        return .success((table, source))
    }
}
